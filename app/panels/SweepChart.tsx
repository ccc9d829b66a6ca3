import { scaleLinear, scaleLog } from 'd3-scale';
import type { Placement } from '../../src/engine/index.ts';
import { SWEEP_BUDGET, SWEEP_FACTORS, type SweepRow } from '../../src/experiment/index.ts';
import { useSize } from '../hooks/useSize.ts';
import { formatTick } from '../viz/format.ts';
import { markerPath, VARIANT_STYLES } from '../viz/palette.ts';
import { lrDomain, outcomeLane, outcomeText, rangeText, usableRange } from './sweepChart.ts';

const MARGIN = { left: 104, right: 20, top: 12, bottom: 50 };
/** The two lanes above the steps axis, for runs that never reached the target or diverged. */
const LANE = { never: 22, diverged: 50 };
const PLOT_TOP = 78;
const RANGE_ROW = 24;

/**
 * Steps to the target accuracy against the learning rate (log), one line and marker per variant; runs that
 * never got there or diverged sit in lanes above. Below, each variant's usable range as a bar.
 */
export function SweepChart({ rows, placements, baseLr }: { rows: readonly SweepRow[]; placements: readonly Placement[]; baseLr: number }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const width = Math.max(size.width, 260);
  const rangeTop = 300;
  const height = rangeTop + placements.length * RANGE_ROW + 8;
  const x = scaleLog()
    .domain(
      lrDomain(
        rows,
        SWEEP_FACTORS.map((f) => f * baseLr),
      ),
    )
    .range([MARGIN.left, width - MARGIN.right]);
  const budget = Math.max(SWEEP_BUDGET, ...rows.map((r) => r.steps));
  const y = scaleLinear()
    .domain([0, budget])
    .range([rangeTop - MARGIN.bottom, PLOT_TOP]);
  const yTicks = y.ticks(4);
  // Variants at the same rate and lane sit side by side rather than on top of each other.
  const dx = (v: number) => (v - (placements.length - 1) / 2) * 15;
  const posY = (r: SweepRow, v: number) => {
    const o = r.variants[v].outcome;
    const lane = outcomeLane(o);
    return lane === 'steps' && o.kind === 'reached' ? y(o.step) : LANE[lane as 'never' | 'diverged'];
  };
  const summary = placements.map((p, v) => `${VARIANT_STYLES[p].short}: reaches 90% at ${rangeText(usableRange(rows, v), rows.length)}`).join('; ');
  return (
    <div ref={boxRef} className="chart sweep-chart" data-chart="lr-sweep">
      <svg width={width} height={height} role="img" aria-label={`Steps to 90% test accuracy against learning rate. ${summary}.`}>
        <g className="grid">
          {yTicks.map((t) => (
            <line key={t} x1={MARGIN.left} x2={width - MARGIN.right} y1={y(t)} y2={y(t)} />
          ))}
          {(['never', 'diverged'] as const).map((lane) => (
            <line key={lane} x1={MARGIN.left} x2={width - MARGIN.right} y1={LANE[lane]} y2={LANE[lane]} strokeDasharray="2 4" />
          ))}
        </g>
        <g className="axis">
          {yTicks.map((t) => (
            <text key={t} x={MARGIN.left - 10} y={y(t)} dy="0.35em" textAnchor="end">
              {formatTick(t)}
            </text>
          ))}
          <text x={MARGIN.left - 10} y={LANE.never} dy="0.35em" textAnchor="end">
            never
          </text>
          <text x={MARGIN.left - 10} y={LANE.diverged} dy="0.35em" textAnchor="end">
            diverged
          </text>
          {rows.map((r, i) => {
            // On a narrow chart every other rate keeps its label, so they never run together.
            const spacing = (width - MARGIN.left - MARGIN.right) / Math.max(1, rows.length);
            if (spacing < 48 && i % 2 === 1) return null;
            return (
              <text key={r.factor} x={x(r.lr)} y={rangeTop - MARGIN.bottom + 22} textAnchor="middle">
                {formatTick(r.lr)}
              </text>
            );
          })}
          <text className="axis-label" x={(MARGIN.left + width - MARGIN.right) / 2} y={rangeTop - 8} textAnchor="middle">
            learning rate (log scale)
          </text>
          <text className="axis-label" transform={`translate(18,${(rangeTop - MARGIN.bottom + PLOT_TOP) / 2}) rotate(-90)`} textAnchor="middle">
            steps to 90%
          </text>
        </g>
        {placements.map((p, v) => {
          const style = VARIANT_STYLES[p];
          // The line joins neighbouring rates that both reached the target.
          const segments = rows.slice(1).flatMap((r, i) => {
            const prev = rows[i];
            if (prev.variants[v]?.outcome.kind !== 'reached' || r.variants[v]?.outcome.kind !== 'reached') return [];
            return [`M${x(prev.lr) + dx(v)},${posY(prev, v)}L${x(r.lr) + dx(v)},${posY(r, v)}`];
          });
          return (
            <g key={p} data-variant={p}>
              <path className="series" d={segments.join('')} stroke={style.color} strokeDasharray={style.dash} />
              {rows.map((r) => {
                const o = r.variants[v]?.outcome;
                if (o === undefined) return null;
                const cx = x(r.lr) + dx(v);
                const cy = posY(r, v);
                return o.kind === 'diverged' ? (
                  <path
                    key={r.factor}
                    className="sweep-cross"
                    d={`M${cx - 6},${cy - 6}L${cx + 6},${cy + 6}M${cx + 6},${cy - 6}L${cx - 6},${cy + 6}`}
                    stroke={style.color}
                  >
                    <title>{`${style.short} at lr ${formatTick(r.lr)}: ${outcomeText(o, r.steps)}`}</title>
                  </path>
                ) : (
                  <path
                    key={r.factor}
                    className={o.kind === 'never' ? 'marker hollow' : 'marker'}
                    d={markerPath(style.marker, cx, cy, 7)}
                    fill={o.kind === 'never' ? 'var(--card)' : style.color}
                    style={o.kind === 'never' ? { stroke: style.color } : undefined}
                  >
                    <title>{`${style.short} at lr ${formatTick(r.lr)}: ${outcomeText(o, r.steps)}`}</title>
                  </path>
                );
              })}
            </g>
          );
        })}
        <g className="sweep-ranges">
          {placements.map((p, v) => {
            const range = usableRange(rows, v);
            const cy = rangeTop + v * RANGE_ROW + RANGE_ROW / 2;
            const style = VARIANT_STYLES[p];
            return (
              <g key={p} data-range={p}>
                <text x={MARGIN.left - 10} y={cy} dy="0.35em" textAnchor="end" fill={style.ink} className="range-name">
                  {style.short}
                </text>
                {range !== null && (
                  <line x1={x(range.lo) - 6} x2={x(range.hi) + 6} y1={cy} y2={cy} stroke={style.color} strokeWidth={10} strokeLinecap="round" />
                )}
                {range === null && (
                  <text x={MARGIN.left} y={cy} dy="0.35em" className="range-text">
                    no rate reached 90%
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
