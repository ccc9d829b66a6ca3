import { scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import type { Placement } from '../../../src/engine/index.ts';
import { useSize } from '../../hooks/useSize.ts';
import { useStore } from '../../store/store.ts';
import { markerPath, VARIANT_STYLES } from '../../viz/palette.ts';
import { linePath } from '../../viz/paths.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { landscapeSeries, num, rougherCount, summarize } from './landscape.ts';
import { fitText } from './fitText.ts';
import { firstStep } from './probeSeries.ts';
import { useSectionWaiting } from './sectionWaiting.ts';
import { spreadLabels } from './race.ts';
import './probeCharts.css';

const MARGIN = { left: 64, bottom: 50, gap: 50 };
/** Fixed axes: the loss along the gradient, and the effective β-smoothness (values above are drawn at the top, capped). */
const LOSS_TOP = 5;
const BETA_TOP = 5;

/**
 * Santurkar et al.'s probe of the landscape, plain against BN, over the demo's steps. Top: at each probe, a
 * bar per network from the lowest to the highest loss met stepping along its gradient (η from 0.5× to 4×
 * the learning rate). Bottom: the effective β-smoothness at each probe, with each network's mean drawn and
 * labelled, and how many probes found plain the rougher. What the probe does and costs is written on top.
 */
export function LandscapeSmoothness({ steps, every }: { steps: number; every: number }): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history);
  const shape = useDemoState((s) => s.shape);
  const waiting = useSectionWaiting();
  const presenting = useStore((s) => s.presenting);
  const [box, size] = useSize<HTMLDivElement>();
  const ms = (shape?.placements ?? []).map((_, v) => landscapeSeries(demo.history, v).at(-1)?.value.ms ?? NaN).filter(Number.isFinite);
  const width = Math.max(size.width, 300);
  // A short box (a sidebar's embed) keeps both charts and their labels, not the lines on what the probe does.
  const short = size.height > 0 && size.height < 340;
  const height = Math.max(size.height, short ? 200 : 300);
  const compact = size.width > 0 && size.width < 560;
  const ticks = short ? [0, 2, 4] : [0, 1, 2, 3, 4, 5];
  const labelWidth = compact ? 96 : Math.min(Math.max(width * 0.22, 150), presenting ? 290 : 230);
  const right = width - labelWidth;
  const x = scaleLinear()
    .domain([0, steps])
    .range([MARGIN.left + 10, right - 16]);
  const msText = ms.length === 0 ? '' : `${Math.round(ms.reduce((a, b) => a + b, 0) / ms.length)} ms`;
  const cost = waiting ? 'Measured once the run starts.' : ms.length === 0 ? 'Measuring…' : `Measuring costs about ${msText} per network.`;
  const font = compact ? 12.5 : presenting ? 20 : 15;
  const head = short
    ? []
    : fitText(
        [
          [
            `Every ${every} steps each network tries steps along its own gradient, from 0.5× to 4× the learning rate:`,
            `how much do the loss and the gradient change? ${cost}`,
          ],
          [
            `Every ${every} steps each network tries steps along its gradient,`,
            'from 0.5× to 4× the learning rate: how much do the loss',
            `and the gradient change? ${cost}`,
          ],
          [`Every ${every} steps, trial steps along each`, 'gradient, 0.5× to 4× the learning rate.', cost],
        ],
        font,
        width - 24,
      );
  const lineH = compact ? 17 : presenting ? 26 : 22;
  const top = head.length * lineH + 42;
  const plotH = height - top - MARGIN.bottom - MARGIN.gap;
  const lossBottom = top + plotH * 0.5;
  const betaTop = lossBottom + MARGIN.gap;
  const yLoss = scaleLinear().domain([0, LOSS_TOP]).range([lossBottom, top]).clamp(true);
  const yBeta = scaleLinear()
    .domain([0, BETA_TOP])
    .range([height - MARGIN.bottom, betaTop])
    .clamp(true);
  const placements: readonly Placement[] = shape?.placements ?? [];
  const series = placements.map((_, v) => landscapeSeries(demo.history, v));
  const sums = series.map(summarize);
  const plain = placements.indexOf('none');
  const bn = placements.indexOf('before');
  const count = plain < 0 || bn < 0 ? null : rougherCount(series[plain], series[bn]);
  const barW = Math.max(2, Math.min(presenting ? 9 : 7, (x(every) - x(0)) / 3));
  const offset = (v: number) => (v - (placements.length - 1) / 2) * (barW + 2);
  const gap = compact ? 17 : presenting ? 28 : 22;
  const rangeY = spreadLabels(
    sums.map((s) => yLoss(Math.min(s.meanRange, LOSS_TOP)) + 5),
    gap,
    top + 14 + gap,
    lossBottom - 8,
  );
  const betaY = spreadLabels(
    sums.map((s) => yBeta(Math.min(s.meanBeta, BETA_TOP)) + 5),
    gap,
    betaTop + 14 + gap,
    height - MARGIN.bottom - 2 * gap - 6,
  );
  const name = (v: number) => (compact && placements[v] === 'before' ? 'BN' : VARIANT_STYLES[placements[v]].short);
  return (
    <div
      ref={box}
      className={`focal-chart${compact ? ' probe-compact' : ''}`}
      data-chart="smoothness"
      data-plain-range={plain < 0 ? undefined : num(sums[plain].meanRange)}
      data-bn-range={bn < 0 ? undefined : num(sums[bn].meanRange)}
      data-rougher={count === null ? undefined : `${count.rougher} of ${count.of}`}
      data-first-step={firstStep(demo.history) ?? undefined}
    >
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`The loss landscape along the gradient, plain against BN. ${sums.map((s, v) => `${name(v)}: mean loss range ${num(s.meanRange)}, mean β-smoothness ${num(s.meanBeta)}`).join('; ')}.`}
      >
        <text x={12} y={lineH} className="land-head" data-testid="probe-cost">
          {head.map((line, i) => (
            <tspan key={i} x={12} dy={i === 0 ? 0 : lineH}>
              {line}
            </tspan>
          ))}
        </text>
        <g className="focal-axis">
          {ticks.map((t) => (
            <g key={`l${t}`} transform={`translate(0,${yLoss(t)})`}>
              <line x1={MARGIN.left} x2={right - 16} className="grid" />
              <text x={MARGIN.left - 8} dy="0.32em" textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          {ticks.map((t) => (
            <g key={`b${t}`} transform={`translate(0,${yBeta(t)})`}>
              <line x1={MARGIN.left} x2={right - 16} className="grid" />
              <text x={MARGIN.left - 8} dy="0.32em" textAnchor="end">
                {t}
              </text>
            </g>
          ))}
          {x.ticks(compact ? 2 : 5).map((t) => (
            <text key={t} x={x(t)} y={height - MARGIN.bottom + 22} textAnchor="middle">
              {t.toLocaleString('en-US')}
            </text>
          ))}
          <text x={(MARGIN.left + right) / 2} y={height - 8} textAnchor="middle" className="axis-title">
            training step
          </text>
          <text transform={`translate(16,${(top + lossBottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            loss
          </text>
          <text transform={`translate(16,${(betaTop + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            β-smoothness
          </text>
        </g>
        <text x={12} y={top - 14} className="mark-label">
          {fitText(
            [
              'The loss along the gradient: each bar spans its lowest to its highest',
              'The loss along the gradient, lowest to highest',
              'Loss: each bar, lowest to highest',
            ],
            font,
            width - 24,
          )}
        </text>
        <text x={12} y={betaTop - 14} className="mark-label">
          {fitText(
            [
              'How much the gradient changes per distance moved (β-smoothness: lower is smoother)',
              'Gradient change per distance moved (lower: smoother)',
              'β-smoothness (lower: smoother)',
            ],
            font,
            width - 24,
          )}
        </text>
        {series.map((s, v) => {
          const style = VARIANT_STYLES[placements[v]];
          return (
            <g key={placements[v]} className="land-bars" data-variant={placements[v]}>
              {s.map((p) => (
                <rect
                  key={p.step}
                  x={x(p.step) + offset(v) - barW / 2}
                  y={yLoss(p.value.lossHi)}
                  width={barW}
                  height={Math.max(2, yLoss(p.value.lossLo) - yLoss(p.value.lossHi))}
                  fill={style.color}
                  opacity={0.85}
                />
              ))}
            </g>
          );
        })}
        {series.map((s, v) => {
          const style = VARIANT_STYLES[placements[v]];
          const mean = sums[v].meanBeta;
          return (
            <g key={placements[v]} className="land-beta" data-variant={placements[v]}>
              <path
                d={linePath(
                  s.length,
                  (i) => s[i].step,
                  (i) => s[i].value.beta,
                  x,
                  yBeta,
                )}
                fill="none"
                stroke={style.color}
                strokeDasharray={style.dash}
                className="land-line"
              />
              {s.map((p) => (
                <path key={p.step} d={markerPath(style.marker, x(p.step), yBeta(p.value.beta), 5)} fill={style.color} stroke="var(--card)" strokeWidth={1.5} />
              ))}
              {Number.isFinite(mean) && <line x1={MARGIN.left} x2={right - 16} y1={yBeta(mean)} y2={yBeta(mean)} stroke={style.color} className="land-mean" />}
            </g>
          );
        })}
        {sums.map((s, v) =>
          s.probes === 0 ? null : (
            <g key={placements[v]} className="land-label" data-variant={placements[v]}>
              <text x={right} y={rangeY[v]} fill={VARIANT_STYLES[placements[v]].ink} className="mark-label">
                {name(v)}: {num(s.meanRange)}
              </text>
              <text x={right} y={betaY[v]} fill={VARIANT_STYLES[placements[v]].ink} className="mark-label">
                {name(v)}: {num(s.meanBeta)}
              </text>
            </g>
          ),
        )}
        {sums.some((s) => s.probes > 0) && (
          <>
            <text x={right} y={Math.min(...rangeY) - gap} className="mark-label muted">
              {fitText(['mean range', 'mean'], font, labelWidth - 4)}
            </text>
            <text x={right} y={Math.min(...betaY) - gap} className="mark-label muted">
              {fitText(['mean β-smoothness', 'mean β', 'mean'], font, labelWidth - 4)}
            </text>
          </>
        )}
        {count !== null && count.of > 0 && (
          <text x={right} y={Math.max(...betaY) + gap + 6} className="note-label" data-testid="rougher">
            <tspan x={right}>{compact ? 'plain rougher' : 'plain the rougher'}</tspan>
            <tspan x={right} dy={gap - 2}>
              {compact ? `${count.rougher} of ${count.of}` : `at ${count.rougher} of ${count.of} probes`}
            </tspan>
          </text>
        )}
      </svg>
    </div>
  );
}
