import { scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { useSize } from '../../hooks/useSize.ts';
import { useStore } from '../../store/store.ts';
import { VARIANT_STYLES } from '../../viz/palette.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { Tex } from '../Tex.tsx';
import { spreadLabels } from './race.ts';
import { bnSteps, fmt2, largestRow, stackDots, valueDomain } from './transform.ts';
import { linkDepths, point, SHORT_BELOW, transformLayout } from './transformLayout.ts';
import { Bracket, OpArrow, Sub, ValueMark, type LabelAt } from './TransformMarks.tsx';

/** Each step's formula, on its arrow (side by side) or as its panel's heading (stacked, where it must be flatter). */
const FORMULAS = ['\\hat x = \\dfrac{x - \\mu_B}{\\sqrt{\\sigma_B^2 + \\varepsilon}}', 'y = \\gamma\\,\\hat x + \\beta'];
const ROW_FORMULAS = ['\\hat x = (x - \\mu_B)/\\sqrt{\\sigma_B^2 + \\varepsilon}', 'y = \\gamma\\,\\hat x + \\beta'];
const NAMES = ['x', 'x̂', 'y'];
const NOTES = ['BN’s input z, on 24 digits', 'standardized', 'into the sigmoid'];

/** A mark to label in a panel: its value, and its row when labels are written along the top of a stacked panel. */
interface Mark {
  readonly value: number;
  readonly slot: number;
}

/**
 * The BN transform of one unit on the 24-digit probe batch, live: three dot histograms on one value axis,
 * x (z = xW + b, with μ_B and σ_B marked) → x̂ (0 and ±1 marked) → y = γx̂ + β (β and γ marked), each digit
 * linked across them and one digit followed in black, with each step's formula (KaTeX) on its arrow. On a
 * phone the panels stack top to bottom.
 */
export function TransformChart({ title }: { title: string }): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history);
  const shape = useDemoState((s) => s.shape);
  const config = useDemoState((s) => s.config);
  const presenting = useStore((s) => s.presenting);
  const [box, size] = useSize<HTMLDivElement>();
  const width = Math.max(size.width, 300);
  const height = Math.max(size.height, size.height > 0 && size.height < SHORT_BELOW ? 200 : 280);
  const h = demo.history;
  const v = shape?.placements.indexOf('before') ?? -1;
  const layer = (config?.trackLayer ?? 3) - 1;
  const latest = h.latest;
  const stat = (key: 'unitGamma' | 'unitBeta') => (latest === null || v < 0 ? NaN : latest.layer(v, layer, key));
  const gamma = stat('unitGamma');
  const beta = stat('unitBeta');
  const x = latest === null || v < 0 ? [] : Array.from(latest.unitZ(v));
  const bn = bnSteps(x, gamma, beta, config?.bnEps ?? 1e-5);
  const follow = h.first === null || v < 0 ? -1 : largestRow(h.first.unitZ(v));

  const l = transformLayout(width, height, presenting);
  const cols = l.orientation === 'columns';
  const domain = valueDomain(bn === null ? [] : [x, bn.xHat, bn.y]);
  const val = scaleLinear().domain(domain).range(l.valueRange);
  const at = (i: number, value: number, d: number) => point(l, val, i, value, d);
  const perUnit = Math.abs(val(1) - val(0)) || 1;
  const r = Math.max(3, Math.min(6, perUnit * 0.07));
  const values: readonly (readonly number[])[] = bn === null ? [] : [x, bn.xHat, bn.y];
  const stacks = values.map((c) => stackDots(c, (2 * r + 1) / perUnit));
  const links = linkDepths(l);
  const ticks = val.ticks(Math.min(9, domain[1] * 2 + 1));
  const style = VARIANT_STYLES.before;
  const [lo, hi] = [Math.min(...l.valueRange), Math.max(...l.valueRange)];

  /** Label positions for a panel's marks: beside the far end of their lines, kept apart (side by side), or in rows along the top. */
  const labelsFor = (i: number, marks: readonly Mark[]): LabelAt[] => {
    if (cols)
      return spreadLabels(
        marks.map((m) => val(m.value) - 8),
        20,
        lo,
        hi,
      ).map((y) => ({ x: l.base[i] + l.depth - 14, y, anchor: 'end' }));
    return marks.map((m) => {
      const px = val(m.value);
      const end = px > width - 100;
      return { x: px + (end ? -5 : 5), y: l.base[i] - l.depth + 16 + m.slot * 17, anchor: end ? 'end' : 'start' };
    });
  };
  const line = (i: number, value: number, short = 0) => ({ from: at(i, value, 0), to: at(i, value, l.depth - short) });
  const bracket = (i: number, v0: number, v1: number) => {
    const d = l.depth - (cols ? 4 : 2);
    return { from: at(i, v0, d), to: at(i, v1, d), fromTick: at(i, v0, d - 6), toTick: at(i, v1, d - 6) };
  };
  const summary =
    bn === null
      ? 'Waiting for the run.'
      : `μ_B = ${fmt2(bn.mu)}, σ_B = ${fmt2(bn.sigma)}; x̂ has batch mean 0 and spread 1; γ = ${fmt2(gamma)}, β = ${fmt2(beta)}.`;
  const [muAt, sigmaAt] =
    bn === null
      ? []
      : labelsFor(0, [
          { value: bn.mu, slot: 0 },
          { value: bn.mu + bn.sigma, slot: 1 },
        ]);
  const [betaAt, gammaAt] =
    bn === null
      ? []
      : labelsFor(2, [
          { value: beta, slot: 0 },
          { value: beta + gamma, slot: 1 },
        ]);
  const unitAt = labelsFor(
    1,
    [-1, 0, 1].map((value) => ({ value, slot: 0 })),
  );
  const was = (text: string) => (cols ? ` (was ${text})` : '');
  return (
    <div ref={box} className="focal-chart" data-chart="transform" data-orientation={l.orientation} data-first-step={h.first?.step}>
      <svg width={width} height={height} role="img" aria-label={`${title}. ${summary}`}>
        <g className="focal-axis">
          {ticks.map((t) => (
            <g key={t}>
              {[0, 1, 2].map((i) => {
                const [a, b] = [at(i, t, 0), at(i, t, l.depth)];
                return <line key={i} x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} className="grid" />;
              })}
              <text x={cols ? l.tickAt : val(t)} y={cols ? val(t) : l.tickAt} dy={cols ? '0.32em' : undefined} textAnchor={cols ? 'end' : 'middle'}>
                {t < 0 ? `−${-t}` : t}
              </text>
            </g>
          ))}
        </g>
        {l.head.map((p, i) => (
          <g key={i} className="transform-head">
            <text x={p.x} y={cols ? p.y : p.y + 26} textAnchor={cols ? 'middle' : 'start'} className="transform-symbol" fill={i === 2 ? style.ink : undefined}>
              {cols || i === 0 ? NAMES[i] : ''}
            </text>
            {(cols || i === 0) && (
              <text x={cols ? p.x : p.x + 24} y={cols ? p.y + 22 : p.y + 24} textAnchor={cols ? 'middle' : 'start'} className="axis-title">
                {cols ? NOTES[i] : '= z, BN’s input'}
              </text>
            )}
            {cols && i < 2 && <OpArrow x0={p.x + 18} x1={l.head[i + 1].x - 18} y={p.y - 8} />}
          </g>
        ))}
        {bn !== null && (
          <>
            <g className="transform-links">
              {[0, 1].map((i) =>
                values[i].map((value, j) => {
                  const [a, b] = [at(i, value, links.exit), at(i + 1, values[i + 1][j], links.enter)];
                  return <line key={`${i}-${j}`} x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} className={j === follow ? 'followed' : undefined} />;
                }),
              )}
            </g>
            {follow >= 0 &&
              values.map((c, i) => {
                const { from, to } = line(i, c[follow]);
                return <line key={i} x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} className="transform-guide" />;
              })}
            <ValueMark
              {...line(0, bn.mu, cols ? 14 : 0)}
              at={muAt}
              label={
                <>
                  <Sub base="μ" sub="B" />
                  {` = ${fmt2(bn.mu)}`}
                </>
              }
            />
            <Bracket
              {...bracket(0, bn.mu, bn.mu + bn.sigma)}
              at={sigmaAt}
              label={
                <>
                  <Sub base="σ" sub="B" />
                  {` = ${fmt2(bn.sigma)}`}
                </>
              }
            />
            {[-1, 0, 1].map((u, k) => (
              <ValueMark key={u} {...line(1, u)} at={unitAt[k]} dashed={u !== 0} label={u < 0 ? '−1' : u > 0 ? '+1' : '0'} />
            ))}
            <ValueMark {...line(2, beta, cols ? 14 : 0)} at={betaAt} label={`β = ${fmt2(beta)}${was('0')}`} data={{ 'data-beta': fmt2(beta) }} />
            <Bracket {...bracket(2, beta, beta + gamma)} at={gammaAt} label={`γ = ${fmt2(gamma)}${was('1')}`} data={{ 'data-gamma': fmt2(gamma) }} />
            {stacks.map((s, i) => (
              <g key={i} className="transform-dots" data-panel={NAMES[i]}>
                {s.map((d, j) => {
                  const [cx, cy] = at(i, d.center, Math.min(r + 2 + d.k * (2 * r + 1), l.depth - r));
                  return (
                    <circle
                      key={j}
                      cx={cx}
                      cy={cy}
                      r={j === follow ? r + 1.5 : r}
                      className={j === follow ? 'followed' : undefined}
                      fill={j === follow ? undefined : style.color}
                    />
                  );
                })}
              </g>
            ))}
            {follow >= 0 && (
              <g className="transform-follow">
                {values.map((c, i) => (
                  <text
                    key={i}
                    x={cols ? l.head[i].x : width - 10}
                    y={cols ? height - 10 : l.head[i].y + 24}
                    textAnchor={cols ? 'middle' : 'end'}
                    className="mark-label"
                  >
                    {`${i === 0 && cols ? 'one digit: ' : ''}${NAMES[i]} = ${fmt2(c[follow])}`}
                  </text>
                ))}
              </g>
            )}
          </>
        )}
      </svg>
      {[0, 1].map((i) => {
        const p = cols ? { left: (l.head[i].x + l.head[i + 1].x) / 2, top: l.head[i].y - 14 } : { left: l.head[i + 1].x, top: l.head[i + 1].y + 4 };
        return (
          <div key={i} className="transform-formula" data-orientation={l.orientation} style={p}>
            <Tex tex={(cols ? FORMULAS : ROW_FORMULAS)[i]} />
          </div>
        );
      })}
    </div>
  );
}
