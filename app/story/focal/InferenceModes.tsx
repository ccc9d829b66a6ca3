import { scaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { INFER_ROWS } from '../../../src/experiment/index.ts';
import { useSize } from '../../hooks/useSize.ts';
import { useStore } from '../../store/store.ts';
import { VARIANT_STYLES } from '../../viz/palette.ts';
import { linePath } from '../../viz/paths.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { fitText } from './fitText.ts';
import { INFER_LINES, inferEndLabel, inferSeries, kerasLag, oneDigitNote, pct, type InferLine, type KerasLag } from './inference.ts';
import { firstStep } from './probeSeries.ts';
import { useSectionWaiting } from './sectionWaiting.ts';
import { spreadLabels } from './race.ts';
import './probeCharts.css';

const MARGIN = { left: 64, top: 62, bottom: 52 };

/** A line's colour by family: BN's own for batch statistics, ink for fixed ones, the warning colour for Keras's. */
function inkOf(line: InferLine): string {
  return line.family === 'batch' ? VARIANT_STYLES.before.color : line.family === 'keras' ? 'var(--warn)' : 'var(--ink)';
}

/** The lines of the note on Keras's averages at the claim's step. */
function lagLines(lag: KerasLag, compact: boolean): string[] {
  const head = `${compact ? 'Keras' : 'Keras’s 0.99'}${lag.lags ? ' lags' : ''}:`;
  return compact ? [head, `${pct(lag.keras)} at step ${lag.step}`] : [head, `${pct(lag.keras)} at step ${lag.step}`, `(PyTorch’s 0.1: ${pct(lag.torch)})`];
}

/**
 * Keras's averages at the claim's step: a circle on the line, and the note in the label column where every
 * seed leaves room (between batch 2's label and batch 1's), with a leader to the circle.
 */
function LagNote({
  lag,
  x,
  y,
  left,
  gap,
  compact,
  under,
}: {
  lag: KerasLag;
  x: (v: number) => number;
  y: (v: number) => number;
  left: number;
  gap: number;
  compact: boolean;
  /** Where the note goes, on one line under the chart's title, when the label column has room for the labels alone (a short chart). */
  under: { x: number; y: number } | null;
}): ReactNode {
  const top = y(0.36);
  if (under !== null)
    return (
      <g className="infer-lag" data-step={lag.step}>
        <circle cx={x(lag.step)} cy={y(lag.keras)} r={9} fill="none" stroke="var(--warn)" strokeWidth={2.5} />
        <text x={under.x} y={under.y} className="note-label infer-lag-note">
          ◯ {lagLines(lag, compact).join(' ')}
        </text>
      </g>
    );
  return (
    <g className="infer-lag" data-step={lag.step}>
      <circle cx={x(lag.step)} cy={y(lag.keras)} r={9} fill="none" stroke="var(--warn)" strokeWidth={2.5} />
      {/* Dotted, so the long pointer to the note is not read as a line of data. */}
      <line x1={x(lag.step) + 8} y1={y(lag.keras) - 4} x2={left - 4} y2={top - 5} stroke="var(--warn)" strokeDasharray="1 4" className="infer-leader" />
      <text x={left} y={top} className="note-label infer-lag-note">
        {lagLines(lag, compact).map((line, i) => (
          <tspan key={i} x={left} dy={i === 0 ? 0 : gap}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/**
 * BN's test accuracy under each way of normalizing at test time, over the demo's steps: batch statistics at
 * test batches of 1, 2, 8 and 60, running averages with PyTorch's and Keras's momentum, population
 * statistics. Each line is labelled at its end with its latest accuracy (spread apart in a column on the
 * right); chance is drawn and named; Keras's early lag is marked where it is largest; the probe's cost is stated.
 */
export function InferenceModes({ steps, every }: { steps: number; every: number }): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history);
  const shape = useDemoState((s) => s.shape);
  const waiting = useSectionWaiting();
  const presenting = useStore((s) => s.presenting);
  const [box, size] = useSize<HTMLDivElement>();
  const width = Math.max(size.width, 300);
  // A short box (a sidebar's embed) keeps the title and the seven labels; Keras's lag takes the cost's line.
  const short = size.height > 0 && size.height < 340;
  const height = Math.max(size.height, short ? 200 : 240);
  const compact = size.width > 0 && size.width < 560;
  const top = short ? 54 : MARGIN.top;
  const font = compact ? 12.5 : presenting ? 20 : 15;
  // Wide enough for the longest label ("running, PyTorch 0.1: 88.1%", or "population: 88.1%"), at most 40% of the chart.
  const labelWidth = Math.min(width * 0.4, (compact ? 17 : 28) * font * 0.62 + 12);
  const right = width - labelWidth;
  const x = scaleLinear()
    .domain([0, steps])
    .range([MARGIN.left, right - 16]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([height - MARGIN.bottom, top]);
  const v = shape?.placements.indexOf('before') ?? -1;
  const series = v < 0 ? [] : inferSeries(demo.history, v);
  const last = series.at(-1);
  const lag = kerasLag(series);
  const gap = compact ? 17 : presenting ? 27 : 21;
  const labelY = spreadLabels(
    INFER_LINES.map((_, i) => (last === undefined ? 0 : y(last.value.acc[i]) + 5)),
    gap,
    top + 6,
    height - MARGIN.bottom - gap,
  );
  const ms = last?.value.ms;
  const msText = Number.isFinite(ms) ? Math.round(ms ?? 0).toLocaleString('en-US') : '—';
  const cost = waiting
    ? `Measured every ${every} steps, once the run starts.`
    : last === undefined
      ? 'Measuring at step 0…'
      : compact
        ? `Measuring: ${msText} ms every ${every} steps`
        : `Measuring costs ${msText} ms every ${every} steps.`;
  const labels = INFER_LINES.map((l, i) => (last === undefined ? null : inferEndLabel(l, last.value.acc[i], compact)));
  // What a batch of 1 predicts goes under its label, in the label column.
  const note = last === undefined ? null : oneDigitNote(last.value.classesAtOne, labelWidth - 6, font);
  const n = INFER_LINES.length;
  const heads = [
    `BN’s test accuracy on ${INFER_ROWS} test digits, ${n} ways of normalizing at test time`,
    `BN’s test accuracy, ${n} ways of normalizing`,
    `BN’s test accuracy, ${n} ways`,
  ];
  const head = fitText(heads, font, width - MARGIN.left - 12);
  const first = firstStep(demo.history);
  return (
    <div
      ref={box}
      className={`focal-chart${compact ? ' probe-compact' : ''}`}
      data-chart="inference"
      data-batch1={last === undefined ? undefined : pct(last.value.acc[0])}
      data-keras-lag={lag === null ? undefined : pct(lag.keras)}
      data-first-step={series[0]?.step ?? first ?? undefined}
    >
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`BN’s test accuracy by the statistics it normalizes with at test time. ${labels.filter((l) => l !== null).join('; ')}`}
      >
        <text x={MARGIN.left} y={22} className="infer-head">
          {head}
        </text>
        <text x={MARGIN.left} y={44} className="infer-cost" data-testid="infer-cost">
          {short ? '' : cost}
        </text>
        <g className="focal-axis">
          {y.ticks(5).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={MARGIN.left} x2={right - 16} className="grid" />
              <text x={MARGIN.left - 8} dy="0.32em" textAnchor="end">{`${Math.round(t * 100)}%`}</text>
            </g>
          ))}
          {x.ticks(compact ? 3 : 4).map((t) => (
            <text key={t} x={x(t)} y={height - MARGIN.bottom + 22} textAnchor="middle">
              {t.toLocaleString('en-US')}
            </text>
          ))}
          <text x={(MARGIN.left + right) / 2} y={height - 8} textAnchor="middle" className="axis-title">
            training step
          </text>
          <text transform={`translate(16,${(top + height - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">
            test accuracy
          </text>
        </g>
        <line x1={MARGIN.left} x2={right - 16} y1={y(0.1)} y2={y(0.1)} className="chance-line" />
        <text x={right - 20} y={y(0.1) - 8} textAnchor="end" className="mark-label muted">
          chance (10%)
        </text>
        {INFER_LINES.map((l, i) => (
          <path
            key={l.id}
            d={linePath(
              series.length,
              (k) => series[k].step,
              (k) => series[k].value.acc[i],
              x,
              y,
            )}
            fill="none"
            stroke={inkOf(l)}
            strokeDasharray={l.dash}
            className={`infer-line infer-${l.family}`}
            data-line={l.id}
          />
        ))}
        {last !== undefined &&
          INFER_LINES.map((l, i) => {
            const px = x(last.step);
            const py = y(last.value.acc[i]);
            return (
              <g key={l.id} className="infer-label" data-line={l.id}>
                <circle cx={px} cy={py} r={4} fill={inkOf(l)} />
                <line x1={px + 5} y1={py} x2={right - 2} y2={labelY[i] - 5} stroke={inkOf(l)} className="infer-leader" />
                <text x={right + 2} y={labelY[i]} style={{ fill: l.family === 'batch' ? VARIANT_STYLES.before.ink : inkOf(l) }} className="mark-label">
                  {labels[i]}
                </text>
                {l.id === 'batch1' && note !== null && (
                  <text x={right + 2} y={labelY[i] + gap} className="note-label infer-one-note" data-testid="one-digit-note">
                    {note}
                  </text>
                )}
              </g>
            );
          })}
        {lag !== null && <LagNote lag={lag} x={x} y={y} left={right + 2} gap={gap} compact={compact} under={short ? { x: MARGIN.left, y: 44 } : null} />}
      </svg>
    </div>
  );
}
