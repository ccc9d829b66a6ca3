import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { useSize } from '../../hooks/useSize.ts';
import { VARIANT_STYLES } from '../../viz/palette.ts';
import { bandPath, linePath } from '../../viz/paths.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { formatWidening, pointAt, symmetricDomain, unitBand, widening, type BandPoint } from './drift.ts';

/** Below this width the two panels stack, plain above BN. */
const STACK_BELOW = 560;
const MARGIN = { left: 58, right: 24, top: 62, bottom: 46 };
/** Below this height (a sidebar's embed) the panels go side by side with short labels, at any width. */
const TIGHT_BELOW = 340;
const GAP = 48;
/** About half the width of the "15th–85th percentile" label, in px. */
const PERCENTILE_HALF_WIDTH = 80;
/** Stacked, room under the upper panel for its step ticks. */
const STACK_GAP = 26;

interface Panel {
  readonly x: ScaleLinear<number, number>;
  /** Top of the panel's title, in pixels. */
  readonly top: number;
}

const band = (b: readonly BandPoint[], x: Panel['x'], y: ScaleLinear<number, number>) =>
  bandPath(
    b.length,
    (i) => b[i].step,
    (i) => b[i].lo,
    (i) => b[i].hi,
    x,
    y,
  );
const median = (b: readonly BandPoint[], x: Panel['x'], y: ScaleLinear<number, number>) =>
  linePath(
    b.length,
    (i) => b[i].step,
    (i) => b[i].mid,
    x,
    y,
  );

/** "2.0× wider" (than at step 0), for a sidebar's panel; an ellipsis before the run has two points. */
const shortWide = (r: number | null) => (r === null ? '…' : `${formatWidening(r)} wider`);

/** "2.0× as wide as at step 0", or what is known before the run has two points. */
const wideText = (r: number | null) => (r === null ? 'as wide as at step 0' : `${formatWidening(r)} as wide as at step 0`);

/**
 * Internal covariate shift, as the BN paper's Figure 1: over the demo's fixed steps, the tracked unit's
 * 15th–85th percentile band and median on the probe batch, plain beside BN on one shared value axis. Plain
 * shows its sigmoid's input; BN shows z = xW + b before it (hatched, dotted median) and its own output (filled),
 * whose batch mean and spread are β and γ by construction. Each panel says how much its drifting band widened.
 */
export function DriftPanels({ title }: { title: string }): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history);
  const shape = useDemoState((s) => s.shape);
  const config = useDemoState((s) => s.config);
  const target = useDemoState((s) => s.target);
  const [box, size] = useSize<HTMLDivElement>();
  const width = Math.max(size.width, 280);
  const tight = size.height > 0 && size.height < TIGHT_BELOW;
  const height = Math.max(size.height, tight ? 200 : 260);
  const margin = tight ? { ...MARGIN, left: 40, right: 12 } : MARGIN;
  const placements = shape?.placements ?? [];
  const layer = (config?.trackLayer ?? 3) - 1;
  const plainV = placements.indexOf('none');
  const bnV = placements.indexOf('before');
  const plain = plainV < 0 ? [] : unitBand(demo.history, plainV, layer, 'act');
  const bnOut = bnV < 0 ? [] : unitBand(demo.history, bnV, layer, 'act');
  const bnZ = bnV < 0 ? [] : unitBand(demo.history, bnV, layer, 'z');
  const plainWide = widening(plain);
  const zWide = widening(bnZ);
  const steps = Math.max(target, 1);

  const stacked = width < STACK_BELOW && !tight;
  const plotW = width - margin.left - margin.right;
  const gap = tight ? 22 : GAP;
  const panelW = stacked ? plotW : (plotW - gap) / 2;
  const panelH = stacked ? (height - 2 * MARGIN.top - MARGIN.bottom - STACK_GAP) / 2 : height - MARGIN.top - MARGIN.bottom;
  const domain = symmetricDomain([plain, bnOut, bnZ]);
  const panels: Panel[] = [0, 1].map((k) => {
    const x0 = margin.left + (stacked ? 0 : k * (panelW + gap));
    return {
      x: scaleLinear()
        .domain([0, steps])
        .range([x0, x0 + panelW]),
      top: stacked ? k * (panelH + MARGIN.top + STACK_GAP) : 0,
    };
  });
  const yOf = (p: Panel) =>
    scaleLinear()
      .domain(domain)
      .range([p.top + MARGIN.top + panelH, p.top + MARGIN.top]);
  const unit = (config?.trackUnit ?? 0) + 1;
  const plainStyle = VARIANT_STYLES.none;
  const bnStyle = VARIANT_STYLES.before;
  const summary =
    plainWide === null
      ? 'Waiting for the run.'
      : `Plain’s band is ${wideText(plainWide)}; BN’s z before normalizing is ${wideText(zWide)}; BN’s output keeps batch mean β and spread γ.`;

  const axes = (p: Panel, k: number) => {
    const y = yOf(p);
    const [x0, x1] = p.x.range();
    return (
      <g className="focal-axis" key={`axis${k}`}>
        {y.ticks(panelH < 220 ? 4 : Math.min(9, domain[1] * 2 + 1)).map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x1={x0} x2={x1} className={t === 0 ? 'drift-zero' : 'grid'} />
            {(k === 0 || stacked) && (
              <text x={margin.left - 8} dy="0.32em" textAnchor="end">
                {t < 0 ? `−${-t}` : t}
              </text>
            )}
          </g>
        ))}
        {p.x.ticks(stacked || tight ? 2 : 4).map((t) => (
          <text key={t} x={p.x(t)} y={y.range()[0] + 20} textAnchor="middle">
            {t.toLocaleString('en-US')}
          </text>
        ))}
        {k === 1 && (
          <text x={stacked ? (x0 + x1) / 2 : (margin.left + x1) / 2} y={y.range()[0] + 40} textAnchor="middle" className="axis-title">
            training step
          </text>
        )}
      </g>
    );
  };

  const [pp, bp] = panels;
  const py = yOf(pp);
  const by = yOf(bp);
  const plainLabel = pointAt(plain, 0.45);
  const medianLabel = pointAt(plain, 0.8);
  const bnLabel = pointAt(bnOut, 0.5);
  const bnMedianLabel = pointAt(bnOut, 0.2);
  const zLabel = pointAt(bnZ, 0.85);
  // Early in the run the two plain labels stand close and the band is thin: the band's label is centred no nearer
  // the axis than half its width, and rises over the median's label when the two would overlap.
  const percentileX = plainLabel === undefined ? 0 : Math.max(pp.x(plainLabel.step), pp.x.range()[0] + PERCENTILE_HALF_WIDTH);
  const medianX = medianLabel === undefined ? 0 : Math.max(pp.x(medianLabel.step), pp.x.range()[0] + 30);
  const overlapping = medianLabel !== undefined && Math.abs(medianX - percentileX) < PERCENTILE_HALF_WIDTH + 30;
  const percentileY =
    plainLabel === undefined ? 0 : Math.min(py(plainLabel.hi) - 10, overlapping && medianLabel !== undefined ? py(medianLabel.mid) - 30 : Infinity);
  const zOut = zLabel === undefined ? undefined : bnOut.find((p) => p.step === zLabel.step);
  // The z label sits below both bands, with a leader to the z band it names.
  const zTextY = zLabel === undefined ? 0 : Math.min(by(Math.min(zLabel.lo, zOut?.lo ?? zLabel.lo)) + 30, by.range()[0] - 30);
  return (
    <div ref={box} className="focal-chart" data-chart="drift" data-first-step={plain[0]?.step}>
      <svg width={width} height={height} role="img" aria-label={`${title}. ${summary}`}>
        <defs>
          <pattern id="drift-hatch" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="7" className="drift-hatch-line" />
          </pattern>
        </defs>
        {panels.map(axes)}
        {!stacked && !tight && (
          <text transform={`translate(16,${MARGIN.top + panelH / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            {`unit ${unit} of layer ${layer + 1}, on 24 digits`}
          </text>
        )}
        <g className="drift-panel" data-variant="none">
          <text x={pp.x.range()[0]} y={pp.top + 20} className="line-label" fill={plainStyle.ink}>
            {tight ? 'Plain' : 'Plain: the sigmoid’s input'}
          </text>
          <text
            x={pp.x.range()[0]}
            y={pp.top + 44}
            className="mark-label drift-widening"
            fill={plainStyle.ink}
            data-widening={plainWide === null ? undefined : formatWidening(plainWide)}
          >
            {tight ? `band ${shortWide(plainWide)}` : `band ${wideText(plainWide)}`}
          </text>
          <path d={band(plain, pp.x, py)} fill={plainStyle.color} className="drift-band" />
          <path d={median(plain, pp.x, py)} stroke={plainStyle.color} strokeDasharray={plainStyle.dash} className="drift-median" />
          {plainLabel !== undefined && !tight && (
            <text x={percentileX} y={percentileY} textAnchor="middle" className="mark-label">
              15th–85th percentile
            </text>
          )}
          {medianLabel !== undefined && medianLabel.step > 0 && !tight && (
            <text x={medianX} y={py(medianLabel.mid) - 8} textAnchor="middle" className="mark-label">
              median
            </text>
          )}
        </g>
        <g className="drift-panel" data-variant="before">
          <text x={bp.x.range()[0]} y={bp.top + 20} className="line-label" fill={bnStyle.ink}>
            {tight ? 'BN' : 'BN before the sigmoid'}
          </text>
          <text
            x={bp.x.range()[0]}
            y={bp.top + 44}
            className={tight ? 'mark-label drift-zlabel' : 'mark-label'}
            fill={tight ? undefined : bnStyle.ink}
            data-z-widening={tight && zWide !== null ? formatWidening(zWide) : undefined}
          >
            {tight ? `z ${shortWide(zWide)}` : 'the sigmoid sees BN’s output'}
          </text>
          <path d={band(bnOut, bp.x, by)} fill={bnStyle.color} className="drift-band" />
          <path d={median(bnOut, bp.x, by)} stroke={bnStyle.color} className="drift-median" />
          <path d={band(bnZ, bp.x, by)} fill="url(#drift-hatch)" className="drift-zband" />
          <path d={median(bnZ, bp.x, by)} className="drift-zmedian" />
          {bnMedianLabel !== undefined && bnMedianLabel.step > 0 && !tight && (
            <text x={bp.x(bnMedianLabel.step)} y={by(bnMedianLabel.mid) - 10} textAnchor="middle" className="mark-label">
              medians
            </text>
          )}
          {bnLabel !== undefined && tight && (
            <text x={bp.x(bnLabel.step)} y={by(bnLabel.hi) - 8} textAnchor="middle" className="mark-label" fill={bnStyle.ink}>
              output
            </text>
          )}
          {bnLabel !== undefined && !tight && (
            <text x={bp.x(bnLabel.step)} y={by(bnLabel.hi) - 32} textAnchor="middle" className="mark-label" fill={bnStyle.ink}>
              <tspan x={bp.x(bnLabel.step)}>after BN: batch mean β, spread γ</tspan>
              <tspan x={bp.x(bnLabel.step)} dy="1.2em">
                by construction
              </tspan>
            </text>
          )}
          {zLabel !== undefined && !tight && (
            <>
              <line x1={bp.x(zLabel.step)} x2={bp.x(zLabel.step)} y1={by(zLabel.lo)} y2={zTextY - 16} className="drift-leader" />
              <text
                x={bp.x.range()[1] - 4}
                y={zTextY}
                textAnchor="end"
                className="mark-label drift-zlabel"
                data-z-widening={zWide === null ? undefined : formatWidening(zWide)}
              >
                <tspan x={bp.x.range()[1] - 4}>z = xW + b, before BN:</tspan>
                <tspan x={bp.x.range()[1] - 4} dy="1.2em">{`band ${wideText(zWide)}`}</tspan>
              </text>
            </>
          )}
        </g>
      </svg>
    </div>
  );
}
