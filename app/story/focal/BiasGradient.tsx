import { scaleLinear, scaleLog } from 'd3-scale';
import type { ReactNode } from 'react';
import { useSize } from '../../hooks/useSize.ts';
import { markerPath, VARIANT_STYLES } from '../../viz/palette.ts';
import { linePath } from '../../viz/paths.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { BIAS_FLOOR, BIAS_LAYER, BIAS_TOP, biasLabel, biasSeries, decade, ROUNDING_TOP, sci } from './bias.ts';
import { firstStep } from './probeSeries.ts';
import { spreadLabels } from './race.ts';
import './probeCharts.css';
import { xTickCount } from './fitText.ts';

const MARGIN = { left: 76, right: 24, top: 20, bottom: 52 };
const DECADES = [0, -2, -4, -6, -8, -10].map((e) => 10 ** e);

/**
 * ‖∂L/∂b‖ of layer 3's dense bias over the demo's steps, one line per variant on a log axis from float
 * rounding (10⁻¹⁰) to above plain's size; each line labelled at its end with its latest value, BN before's
 * as float rounding of an exact 0, and the rounding zone shaded and named.
 */
export function BiasGradient({ steps }: { steps: number }): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history);
  const shape = useDemoState((s) => s.shape);
  const [box, size] = useSize<HTMLDivElement>();
  const width = Math.max(size.width, 240);
  const height = Math.max(size.height, 200);
  const x = scaleLinear()
    .domain([0, steps])
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLog()
    .domain([BIAS_FLOOR, BIAS_TOP])
    .range([height - MARGIN.bottom, MARGIN.top])
    .clamp(true);
  const compact = size.width > 0 && size.width < 560;
  const placements = shape?.placements ?? [];
  const series = placements.map((_, v) => biasSeries(demo.history, v));
  const ends = series.map((s) => s.at(-1) ?? null);
  const labels = ends.map((e, v) => (e === null ? null : biasLabel(placements[v], VARIANT_STYLES[placements[v]].short, e.value, compact)));
  const labelY = spreadLabels(
    // BN after's line runs just under plain's: its label goes below it, into the empty decades, the others above.
    ends.map((e, v) => (e === null ? 0 : y(Math.max(e.value, BIAS_FLOOR)) + (placements[v] === 'after' ? 28 : labels[v]?.note == null ? -14 : -44))),
    compact ? 36 : 44,
    MARGIN.top + 16,
    height - MARGIN.bottom - 30,
  );
  const before = placements.indexOf('before');
  const beforeNow = before < 0 ? undefined : ends[before];
  const first = firstStep(demo.history);
  const summary = labels
    .filter((l) => l !== null)
    .map((l) => `${l.text}${l.note === null ? '' : ` (${l.note})`}`)
    .join('; ');
  const zoneTop = y(ROUNDING_TOP);
  const zoneBottom = height - MARGIN.bottom;
  return (
    <div
      ref={box}
      className={`focal-chart${compact ? ' probe-compact' : ''}`}
      data-chart="bias"
      data-before={beforeNow == null ? undefined : sci(beforeNow.value)}
      data-first-step={first ?? undefined}
    >
      <svg width={width} height={height} role="img" aria-label={`The gradient of layer ${BIAS_LAYER + 1}’s dense bias over the steps, log scale. ${summary}`}>
        <rect x={MARGIN.left} y={zoneTop} width={width - MARGIN.left - MARGIN.right} height={zoneBottom - zoneTop} className="bias-zone" />
        <text x={MARGIN.left + 10} y={zoneBottom - 12} className="mark-label muted">
          {compact ? 'float32 rounding' : 'float32 rounding: cannot be told from 0'}
        </text>
        <g className="focal-axis">
          {DECADES.map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} className="grid" />
              <text x={MARGIN.left - 8} dy="0.32em" textAnchor="end">
                {decade(t)}
              </text>
            </g>
          ))}
          {x.ticks(xTickCount(width - MARGIN.right - MARGIN.left)).map((t) => (
            <text key={t} x={x(t)} y={height - MARGIN.bottom + 22} textAnchor="middle">
              {t.toLocaleString('en-US')}
            </text>
          ))}
          <text x={(MARGIN.left + width - MARGIN.right) / 2} y={height - 8} textAnchor="middle" className="axis-title">
            training step
          </text>
          <text transform={`translate(18,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            {compact ? `‖∂L/∂b‖, layer ${BIAS_LAYER + 1} (log)` : `‖∂L/∂b‖, layer ${BIAS_LAYER + 1}’s bias (log scale)`}
          </text>
        </g>
        {series.map((s, v) => {
          const style = VARIANT_STYLES[placements[v]];
          return (
            <path
              key={placements[v]}
              d={linePath(
                s.length,
                (i) => s[i].step,
                (i) => Math.max(s[i].value, BIAS_FLOOR),
                x,
                y,
              )}
              fill="none"
              stroke={style.color}
              strokeDasharray={style.dash}
              className="bias-line"
              data-variant={placements[v]}
            />
          );
        })}
        {labels.map((l, v) => {
          const end = ends[v];
          if (l === null || end === null) return null;
          const style = VARIANT_STYLES[placements[v]];
          const px = x(end.step);
          const left = px > (MARGIN.left + width - MARGIN.right) * 0.55;
          const tx = px + (left ? -14 : 14);
          const anchor = left ? 'end' : 'start';
          return (
            <g key={placements[v]} className="bias-label" data-variant={placements[v]}>
              <path d={markerPath(style.marker, px, y(Math.max(end.value, BIAS_FLOOR)), 7)} fill={style.color} stroke="var(--card)" strokeWidth={2} />
              <text x={tx} y={labelY[v]} textAnchor={anchor} fill={style.ink} className="line-label">
                {l.text}
              </text>
              {l.note !== null && (
                <text x={tx} y={labelY[v] + 21} textAnchor={anchor} fill={style.ink} className="mark-label">
                  {l.note}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
