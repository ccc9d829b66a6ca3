import { scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { formatValue } from '../../../src/claims/index.ts';
import { useSize } from '../../hooks/useSize.ts';
import { useStore } from '../../store/store.ts';
import { markerPath, VARIANT_STYLES } from '../../viz/palette.ts';
import { evidencePoints, MEASURED, type EvidencePoint } from './evidenceData.ts';
import { alongLineSpot, evidenceDomains, placeLabels } from './evidenceLayout.ts';
import { useSectionWaiting } from './sectionWaiting.ts';
import { fitText, xTickCount } from './fitText.ts';

/** What each point says, for screen readers. */
function describe(p: EvidencePoint): string {
  return `${p.name}: shift ${formatValue(p.shift.median, 'share')} per 100 steps, 90% at step ${formatValue(p.steps.median, 'step')}`;
}

/**
 * The closing chart: one point per network, how much its layer-3 inputs shift (→) against how many steps
 * it needs to reach 90% (↑), each the median over 5 seeds with min–max whiskers; faintly, what the
 * covariate-shift explanation predicts (more shift, slower), so each point can be judged against it.
 * Points appear once the prediction is locked.
 */
export function EvidenceScatter(): ReactNode {
  const [box, size] = useSize<HTMLDivElement>();
  const waiting = useSectionWaiting();
  const k = useStore((s) => (s.presenting ? 1.35 : 1));
  const points = evidencePoints(MEASURED);
  const width = Math.max(size.width, 280);
  const height = Math.max(size.height, 240);
  const { shiftMax, stepsMax, unreached } = evidenceDomains(points);
  const m = { left: 70 * k, right: 24, top: (unreached ? 50 : 22) * k, bottom: 56 * k };
  const x = scaleLinear()
    .domain([0, shiftMax])
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([0, stepsMax])
    .range([height - m.bottom, m.top]);
  const unreachedY = m.top - 26 * k;
  const yOf = (v: number | null) => (v === null ? unreachedY : y(v));
  const line = 22 * k;
  const cap = 5 * k;
  // The whiskers are in the way of labels too: each as a thin box.
  const whiskers = points.flatMap((p) => {
    const cx = x(p.shift.median ?? 0);
    const cy = yOf(p.steps.median);
    return [
      { x0: x(p.shift.min ?? 0) - 2, x1: x(p.shift.max ?? 0) + 2, y0: cy - cap, y1: cy + cap },
      { x0: cx - cap, x1: cx + cap, y0: yOf(p.steps.max) - 2, y1: yOf(p.steps.min) + 2 },
    ];
  });
  const labels = placeLabels(
    points.map((p) => ({ x: x(p.shift.median ?? 0), y: yOf(p.steps.median), width: p.name.length * 11.5 * k })),
    line,
    { x0: m.left, x1: width - m.right, y0: unreached ? unreachedY - line : m.top, y1: height - m.bottom },
    14 * k,
    9 * k,
    whiskers,
  );
  // The covariate-shift view, drawn as a trend: little shift and few steps, to much shift and many.
  const from = [x(shiftMax * 0.05), y(stepsMax * 0.06)] as const;
  const to = [x(shiftMax * 0.95), y(stepsMax * 0.9)] as const;
  const angle = (Math.atan2(to[1] - from[1], to[0] - from[0]) * 180) / Math.PI;
  const narrow = width / k < 560;
  const viewText = narrow ? 'covariate-shift view' : 'what the covariate-shift view predicts: more shift, slower';
  const obstacles = points.flatMap((p, i) => {
    const w = p.name.length * 11.5 * k;
    const l = labels[i];
    const cx = x(p.shift.median ?? 0);
    const cy = yOf(p.steps.median);
    return [
      { x0: l.anchor === 'start' ? l.x : l.x - w, x1: l.anchor === 'start' ? l.x + w : l.x, y0: l.y - line * 0.8, y1: l.y + line * 0.2 },
      { x0: cx - 10, x1: cx + 10, y0: cy - 10, y1: cy + 10 },
    ];
  });
  const spot = alongLineSpot(from, to, viewText.length * 7.6 * k, 16 * k, obstacles, {
    x0: m.left,
    x1: width - m.right,
    y0: m.top - 10,
    y1: height - m.bottom,
  });
  const mid = [from[0] + spot.t * (to[0] - from[0]), from[1] + spot.t * (to[1] - from[1])] as const;
  const summary = points.map(describe).join('; ');
  return (
    <div ref={box} className="focal-chart evidence-focal" data-chart="evidence">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`How much layer 3’s inputs shift against steps to 90%, median over 5 seeds. ${waiting ? 'Shown after your prediction.' : summary}`}
      >
        <defs>
          <marker id="evidence-arrow" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="3" markerHeight="3" orient="auto-start-reverse">
            <path d="M0,0L10,5L0,10Z" className="evidence-view-head" />
          </marker>
        </defs>
        <g className="focal-axis">
          {y.ticks(5).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={m.left} x2={width - m.right} className="grid" />
              <text x={m.left - 8} dy="0.32em" textAnchor="end">
                {t.toLocaleString('en-US')}
              </text>
            </g>
          ))}
          {x.ticks(xTickCount(width - m.right - m.left)).map((t) => (
            <text key={t} x={x(t)} y={height - m.bottom + 22 * k} textAnchor="middle">
              {`${Number((t * 100).toFixed(1))}%`}
            </text>
          ))}
          <text x={(m.left + width - m.right) / 2} y={height - 10} textAnchor="middle" className="axis-title">
            {narrow ? 'more shift → (layer 3, per 100 steps)' : 'more shift → (layer 3: change of each unit’s spread per 100 steps)'}
          </text>
          <text transform={`translate(${16 * k},${(m.top + height - m.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            {narrow ? 'slower ↑ (steps to 90%)' : 'slower ↑ (steps to 90% test accuracy)'}
          </text>
          {unreached && (
            <text x={m.left - 8} y={unreachedY} dy="0.32em" textAnchor="end" className="mark-label muted">
              not reached
            </text>
          )}
        </g>
        {!waiting && (
          <g className="evidence-view" aria-hidden="true">
            <line x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} markerEnd="url(#evidence-arrow)" className="evidence-view-line" />
            <text
              transform={`translate(${mid[0]},${mid[1]}) rotate(${angle}) translate(0,${spot.offset > 0 ? -spot.offset : -spot.offset + 10 * k})`}
              textAnchor="middle"
              className="evidence-view-label"
            >
              {viewText}
            </text>
          </g>
        )}
        {waiting ? (
          <text x={(m.left + width - m.right) / 2} y={(m.top + height - m.bottom) / 2} textAnchor="middle" className="note-label">
            {/* One line where it fits, else two (a phone's plot is under 300 px wide). */}
            {fitText(
              [['The six measured networks appear once you have predicted.'], ['The six measured networks', 'appear once you have predicted.']],
              16 * k,
              width - m.left - m.right,
            ).map((l, i) => (
              <tspan key={l} x={(m.left + width - m.right) / 2} dy={i === 0 ? 0 : '1.3em'}>
                {l}
              </tspan>
            ))}
          </text>
        ) : (
          points.map((p, i) => {
            const style = VARIANT_STYLES[p.placement];
            const cx = x(p.shift.median ?? 0);
            const cy = yOf(p.steps.median);
            return (
              <g
                key={p.placement}
                className="evidence-point"
                data-network={p.placement}
                data-steps={formatValue(p.steps.median, 'step')}
                data-shift={formatValue(p.shift.median, 'share')}
                stroke={style.color}
              >
                <path
                  className="evidence-whisker"
                  d={`M${x(p.shift.min ?? 0)},${cy - cap}v${2 * cap}M${x(p.shift.min ?? 0)},${cy}H${x(p.shift.max ?? 0)}M${x(p.shift.max ?? 0)},${cy - cap}v${2 * cap}M${cx - cap},${yOf(p.steps.min)}h${2 * cap}M${cx},${yOf(p.steps.min)}V${yOf(p.steps.max)}M${cx - cap},${yOf(p.steps.max)}h${2 * cap}`}
                />
                <path d={markerPath(style.marker, cx, cy, 8 * k)} fill={style.color} stroke="var(--card)" strokeWidth={2} />
                <text x={labels[i].x} y={labels[i].y} textAnchor={labels[i].anchor} fill={style.ink} stroke="var(--card)" className="line-label">
                  {p.name}
                </text>
              </g>
            );
          })
        )}
        {!waiting && (
          <text x={width - m.right - 6} y={height - m.bottom - 10} textAnchor="end" className="note-label">
            {narrow ? 'median of 5 seeds, min–max' : 'marker: median of 5 seeds · whiskers: min to max'}
          </text>
        )}
      </svg>
    </div>
  );
}
