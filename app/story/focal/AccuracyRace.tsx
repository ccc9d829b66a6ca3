import { scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { useSize } from '../../hooks/useSize.ts';
import { markerPath, VARIANT_STYLES } from '../../viz/palette.ts';
import { linePath } from '../../viz/paths.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { evalSeries, raceLabel, spreadLabels, type RacePoint } from './race.ts';
import { textWidth, xTickCount } from './fitText.ts';
import { useStore } from '../../store/store.ts';

/** A note written on the chart at a point: "plain is still on its plateau". */
export interface RaceNote {
  readonly step: number;
  readonly acc: number;
  readonly text: string;
}

interface Props {
  /** The step axis ends here, from the start: it never stretches as the run goes on. */
  readonly steps: number;
  readonly target?: number;
  /** Chance accuracy (10 classes: 10%). */
  readonly chance?: number;
  /** Notes to write on the chart, from the series so far. */
  readonly notes?: (series: readonly (readonly RacePoint[])[], names: readonly string[]) => readonly RaceNote[];
  /** What the chart shows, for its title and screen readers. */
  readonly title: string;
}

const MARGIN = { left: 64, top: 16, bottom: 52 };
/** The right margin holds each line's label, at the height where the line ends (as Distill labels its lines). */
const labelColumn = (width: number) => Math.round(Math.min(230, Math.max(150, width * 0.2)));

/**
 * The paired race: each variant's test accuracy over the demo's steps on a fixed step axis, labelled on its
 * line (where it crossed the target, or where it is now), the target and chance drawn and named.
 */
export function AccuracyRace({ steps, target = 0.9, chance = 0.1, notes, title }: Props): ReactNode {
  const presenting = useStore((st) => st.presenting);
  const demo = useDemo();
  useHistoryVersion(demo.history);
  const shape = useDemoState((s) => s.shape);
  const [box, size] = useSize<HTMLDivElement>();
  const width = Math.max(size.width, 240);
  const height = Math.max(size.height, 200);
  const right = labelColumn(width);
  const x = scaleLinear()
    .domain([0, steps])
    .range([MARGIN.left, width - right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - MARGIN.bottom, MARGIN.top]);
  const placements = shape?.placements ?? [];
  const names = placements.map((p) => VARIANT_STYLES[p].short);
  const series = placements.map((_, v) => evalSeries(demo.history, v));
  const labels = series.map((s, v) => raceLabel(names[v], s, target));
  // Each label sits where its line ends now, moved apart so two-line labels never overlap.
  const labelY = spreadLabels(
    series.map((s) => y(s.at(-1)?.acc ?? 0)),
    44,
    MARGIN.top + 14,
    height - MARGIN.bottom - 20,
  );
  const written = notes?.(series, names) ?? [];
  const summary = labels
    .filter((l) => l !== null)
    .map((l) => l.text)
    .join('; ');
  // A note is centred on its point but kept inside the plot, on two lines where the plot is narrow (a phone).
  const plotWidth = width - right - MARGIN.left;
  const noteFont = presenting ? 20 : 16;
  const noteLines = (n: RaceNote) => (textWidth(n.text, noteFont) <= plotWidth ? [n.text] : splitNearMiddle(n.text));
  const noteX = (n: RaceNote) => {
    const half = Math.max(...noteLines(n).map((l) => textWidth(l, noteFont))) / 2;
    return Math.max(MARGIN.left + half, Math.min(width - right - half, x(n.step)));
  };
  return (
    <div ref={box} className="focal-chart" data-chart="race" data-first-step={series[0]?.[0]?.step}>
      <svg width={width} height={height} role="img" aria-label={`${title}. ${summary}`}>
        <g className="focal-axis">
          {y.ticks(5).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={MARGIN.left} x2={width - right} className="grid" />
              <text x={MARGIN.left - 8} dy="0.32em" textAnchor="end">{`${Math.round(t * 100)}%`}</text>
            </g>
          ))}
          {x.ticks(xTickCount(width - right - MARGIN.left)).map((t) => (
            <text key={t} x={x(t)} y={height - MARGIN.bottom + 22} textAnchor="middle">
              {t.toLocaleString('en-US')}
            </text>
          ))}
          <text x={(MARGIN.left + width - right) / 2} y={height - 8} textAnchor="middle" className="axis-title">
            training step
          </text>
          <text transform={`translate(16,${(MARGIN.top + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            test accuracy
          </text>
        </g>
        <line x1={MARGIN.left} x2={width - right} y1={y(target)} y2={y(target)} className="target-line" />
        <text x={MARGIN.left + 6} y={y(target) - 8} className="mark-label">
          {Math.round(target * 100)}% test accuracy
        </text>
        <line x1={MARGIN.left} x2={width - right} y1={y(chance)} y2={y(chance)} className="chance-line" />
        <text x={MARGIN.left + 6} y={y(chance) - 8} className="mark-label muted">
          chance ({Math.round(chance * 100)}%)
        </text>
        {series.map((s, v) => {
          const style = VARIANT_STYLES[placements[v]];
          return (
            <path
              key={placements[v]}
              d={linePath(
                s.length,
                (i) => s[i].step,
                (i) => s[i].acc,
                x,
                y,
              )}
              fill="none"
              stroke={style.color}
              strokeDasharray={style.dash}
              className="race-line"
              data-variant={placements[v]}
            />
          );
        })}
        {labels.map((l, v) => {
          if (l === null) return null;
          const style = VARIANT_STYLES[placements[v]];
          const end = series[v].at(-1);
          const lx = width - right + (width < 480 ? 6 : 14);
          const detail =
            l.kind === 'reached'
              ? `${Math.round(target * 100)}% at step ${l.step.toLocaleString('en-US')}`
              : `${Math.round(l.acc * 100)}% at step ${l.step.toLocaleString('en-US')}`;
          return (
            <g key={placements[v]} className="race-label" data-variant={placements[v]} data-kind={l.kind} data-step={l.step}>
              {l.kind === 'reached' && (
                <>
                  {/* Where it crossed: a marker on the line, dropped to its step on the axis. */}
                  <line x1={x(l.step)} x2={x(l.step)} y1={y(l.acc)} y2={height - MARGIN.bottom} stroke={style.color} className="race-drop" />
                  <path d={markerPath(style.marker, x(l.step), y(l.acc), 7)} fill={style.color} stroke="var(--card)" strokeWidth={2} />
                </>
              )}
              {end !== undefined && <line x1={x(end.step) + 4} x2={lx - 4} y1={y(end.acc)} y2={labelY[v]} stroke={style.color} className="race-leader" />}
              <text x={lx} y={labelY[v] - 4} fill={style.ink} className="line-label">
                {names[v]}
              </text>
              <text x={lx} y={labelY[v] + 16} fill={style.ink} className="line-detail">
                {detail}
              </text>
            </g>
          );
        })}
        {written.map((n) => (
          <text key={n.text} x={noteX(n)} y={y(n.acc) - 14 - (noteLines(n).length - 1) * 18} textAnchor="middle" className="note-label">
            {noteLines(n).map((l, i) => (
              <tspan key={l} x={noteX(n)} dy={i === 0 ? 0 : 18}>
                {l}
              </tspan>
            ))}
          </text>
        ))}
      </svg>
    </div>
  );
}

/** A note in two lines, broken at the space nearest its middle. */
function splitNearMiddle(text: string): string[] {
  const mid = text.length / 2;
  let at = -1;
  for (let i = 0; i < text.length; i++) if (text[i] === ' ' && (at < 0 || Math.abs(i - mid) < Math.abs(at - mid))) at = i;
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}
