import { scaleLinear, scaleLog } from 'd3-scale';
import { useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { History } from '../history/History.ts';
import { useAxisFont } from '../hooks/useAxisFont.ts';
import { useFrame } from '../hooks/useFrame.ts';
import { useSize } from '../hooks/useSize.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { chartLayout, textWidth } from '../viz/axisLayout.ts';
import { decadeDomain, nearestIndex, nearPlot, niceCeil, zeroBasedDomain } from '../viz/domains.ts';
import { formatStep, formatTick } from '../viz/format.ts';
import { markerPath, VARIANT_STYLES } from '../viz/palette.ts';
import { bandPath, linePath } from '../viz/paths.ts';
import { logStepTicks, stepScale } from '../viz/stepAxis.ts';
import { seriesSummary, targetSummary } from '../viz/summary.ts';
import { TimeAxes } from './TimeAxes.tsx';

export interface TimeChartProps {
  id: string;
  /** Y axis label. */
  label: string;
  kind: 'linear' | 'log';
  /** A fixed y domain (accuracy), or null to follow the data. */
  fixed: [number, number] | null;
  /**
   * With a domain that follows the data, the highest its top goes: a diverging loss (1e22 just before it turns
   * non-finite) must not stretch the axis and flatten every other line. What lies above leaves the plot at its edge.
   */
  yMax?: number;
  /** The value of variant v at history row `row`, or at the latest snapshot when row is −1. */
  valueAt: (h: History, row: number, v: number) => number;
  format: (v: number) => string;
  /** Draw a line at this value and each variant's marker where it first reached it. */
  target?: number;
  /** A shaded band per variant, from lo to hi at each row (−1: the latest snapshot), behind its line. */
  bandAt?: (h: History, row: number, v: number, which: 'lo' | 'hi') => number;
  height: number;
  /** On a slide, grow to fill the screen's height left under the run bar (the lab slide's focal curves). */
  fillSlide?: boolean;
}

/** How much taller a chart is drawn on a slide: 1.3× where the screen is 960 px high or more, less on a lower one. */
function presenterScale(): number {
  return Math.min(1.3, Math.max(1, window.innerHeight / 740));
}

/**
 * The focal curves' height on the lab's slide: what the screen's height leaves under the presenter bar, run bar,
 * cards, panel picker and the panel's own title and caption. Those scale with the slide's root font size (about
 * 20.5 rem) plus about 126 px that do not; between 1× and 2× the page's height.
 */
function slideFillHeight(base: number): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round(Math.min(2 * base, Math.max(base, window.innerHeight - 126 - 20.5 * rem)));
}

/** The y ticks of a domain (a log axis labels whole decades only). */
function yTicksOf(kind: 'linear' | 'log', domain: [number, number]): number[] {
  if (kind === 'linear') return scaleLinear().domain(domain).ticks(4);
  return scaleLog()
    .domain(domain)
    .ticks(4)
    .filter((t) => Number.isInteger(Math.log10(t)));
}

/** A chart of one quantity over steps, every variant overlaid with its color and dash, with a hover readout. */
export function TimeChart({ id, label, kind, fixed, yMax = Infinity, valueAt, format, target, height: baseHeight, bandAt, fillSlide = false }: TimeChartProps) {
  // Presenter mode's larger axis text needs a taller plot for the same labels, as far as the screen's height
  // leaves room under the run bar (a 768-px-high slide keeps it whole); a panel full screen has room.
  const pageHeight = useStore((s) =>
    Math.round(
      s.presenting && fillSlide && s.fullPanel === null
        ? slideFillHeight(baseHeight)
        : baseHeight * (s.presenting ? presenterScale() : 1) * (s.fullPanel !== null ? 1.5 : 1),
    ),
  );
  // Embedded in a frame, a focal chart takes the height its box is given (the frame's layout, app/embed/embed.css).
  const embedFill = useStore((s) => s.embedded) && fillSlide;
  const [boxRef, size] = useSize<HTMLDivElement>();
  const height = embedFill ? Math.max(90, size.height) : pageHeight;
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const stepAxis = useStore((s) => (s.logSteps ? 'log' : 'linear'));
  const presenting = useStore((s) => s.presenting);
  const [titleRef, fontPx] = useAxisFont(`${size.width}:${height}:${presenting}`);
  const [domain, setDomain] = useState<{ x: [number, number]; y: [number, number] }>({ x: [0, 10], y: fixed ?? (kind === 'log' ? [0.01, 10] : [0, 2.5]) });
  const [hover, setHover] = useState<{ step: number; values: number[] } | null>(null);
  const lines = useRef<(SVGPathElement | null)[]>([]);
  const markers = useRef<(SVGPathElement | null)[]>([]);
  const bands = useRef<(SVGPathElement | null)[]>([]);
  const summary = useRef<HTMLParagraphElement>(null);
  const clipId = `plot-${useId().replace(/[^\w-]/g, '')}`;
  // A frame's sidebar gives a chart less than the page's narrowest phone: it keeps the width it has.
  const width = Math.max(size.width, embedFill ? 120 : 200);
  const yTicks = useMemo(() => yTicksOf(kind, domain.y), [kind, domain.y]);
  // Margins hold the widest y tick label beside the y title, and half the last step label at the right.
  const layout = useMemo(() => chartLayout(fontPx, yTicks.map(formatTick), [formatTick(domain.x[1])]), [fontPx, yTicks, domain.x]);
  const x = useMemo(() => stepScale(stepAxis, domain.x[1], [layout.left, width - layout.right]), [stepAxis, domain.x, width, layout]);
  const y = useMemo(
    () =>
      (kind === 'log' ? scaleLog() : scaleLinear())
        .domain(domain.y)
        .range([height - layout.bottom, layout.top])
        .clamp(kind === 'log'),
    [domain.y, kind, height, layout],
  );
  const xTicks = useMemo(
    () =>
      stepAxis === 'log'
        ? logStepTicks(domain.x[1], x, (s) => textWidth(formatTick(s), fontPx), fontPx)
        : x.ticks(Math.max(2, Math.floor((width - layout.left - layout.right) / (6 * fontPx)))),
    [stepAxis, domain.x, x, fontPx, width, layout],
  );

  useFrame(
    history,
    (h) => {
      const nv = h.shape?.variantNames.length ?? 0;
      const latest = h.latest;
      const xMax = niceCeil(latest?.step ?? 0);
      let yDomain = fixed;
      if (yDomain === null) {
        let min = Infinity;
        let max = -Infinity;
        for (let v = 0; v < nv; v++) {
          for (let r = -1; r < h.count; r++) {
            for (const val of bandAt ? [valueAt(h, r, v), bandAt(h, r, v, 'lo'), bandAt(h, r, v, 'hi')] : [valueAt(h, r, v)]) {
              if (!Number.isFinite(val) || (kind === 'log' && val <= 0)) continue;
              if (val < min) min = val;
              if (val > max) max = val;
            }
          }
        }
        max = Math.min(max, yMax);
        yDomain = kind === 'log' ? decadeDomain(Math.min(min, max), max) : zeroBasedDomain(Number.isFinite(max) ? max : 1);
      }
      if (xMax !== domain.x[1] || yDomain[0] !== domain.y[0] || yDomain[1] !== domain.y[1]) {
        setDomain({ x: [0, xMax], y: yDomain });
        return; // the re-render redraws with the new scales
      }
      // Lines leave the plot where they pass the axis (the clip path cuts them), but stay within a plot's height of it.
      // Unclamped: a log axis clamps its ticks, but a line above the axis must leave it, not run along its top.
      const [bottom, top] = y.range();
      const yFree = y.copy().clamp(false);
      const yNear = (val: number) => nearPlot(yFree(val), top, bottom, bottom - top);
      for (let v = 0; v < nv; v++) {
        // Kept rows, then the latest snapshot as the live end of the line.
        const n = h.count;
        const d = linePath(
          n + 1,
          (i) => (i < n ? h.steps[i] : (latest?.step ?? NaN)),
          (i) => valueAt(h, i < n ? i : -1, v),
          x,
          yNear,
        );
        lines.current[v]?.setAttribute('d', d);
        if (bandAt) {
          const rowOf = (i: number) => (i < n ? i : -1);
          const stepOf = (i: number) => (i < n ? h.steps[i] : (latest?.step ?? NaN));
          bands.current[v]?.setAttribute(
            'd',
            bandPath(
              n + 1,
              stepOf,
              (i) => bandAt(h, rowOf(i), v, 'lo'),
              (i) => bandAt(h, rowOf(i), v, 'hi'),
              x,
              yNear,
            ),
          );
        }
        const reached = h.reachedTarget[v];
        const m = markers.current[v];
        if (m && target !== undefined && h.shape) {
          m.setAttribute('d', reached >= 0 ? markerPath(VARIANT_STYLES[h.shape.placements[v]].marker, x(reached), y(target), 8) : '');
        }
      }
      // The same picture in words, for screen readers.
      if (summary.current && h.shape && latest) {
        const names = h.shape.placements.map((p) => VARIANT_STYLES[p].short);
        const now = seriesSummary(
          latest.step,
          names.map((name, v) => ({ name, value: valueAt(h, -1, v) })),
          format,
        );
        const reached =
          target === undefined
            ? ''
            : targetSummary(
                format(target),
                names.map((name, v) => ({ name, reached: h.reachedTarget[v] })),
              );
        summary.current.textContent = `${label}. ${now} ${reached}`.trim();
      }
    },
    [shape, x, y, domain, fixed, yMax, kind, valueAt, bandAt, format, label, target],
  );

  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - rect.left;
    if (history.count === 0 || px < layout.left || px > width - layout.right) {
      setHover(null);
      return;
    }
    const row = nearestIndex(history.steps, history.count, x.invert(px));
    const nv = history.shape?.variantNames.length ?? 0;
    setHover({ step: history.steps[row], values: Array.from({ length: nv }, (_, v) => valueAt(history, row, v)) });
  };

  const placements = shape?.placements ?? [];
  return (
    <div ref={boxRef} className="chart" data-chart={id} data-fill={embedFill ? '' : undefined}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`${label} against training step for ${placements.map((p) => VARIANT_STYLES[p].short).join(' and ')}`}
        aria-describedby={`${id}-summary`}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        <TimeAxes
          width={width}
          height={height}
          layout={layout}
          x={x}
          y={y}
          xTicks={xTicks}
          yTicks={yTicks}
          xTitle={width < 300 ? (stepAxis === 'log' ? 'step (log scale)' : 'step') : stepAxis === 'log' ? 'training step (log scale)' : 'training step'}
          yTitle={label}
          titleRef={titleRef}
        />
        <clipPath id={clipId}>
          {/* The plot, and room for half a line's stroke along its edges. */}
          <rect
            x={layout.left - 3}
            y={layout.top - 3}
            width={Math.max(0, width - layout.left - layout.right + 6)}
            height={Math.max(0, height - layout.top - layout.bottom + 6)}
          />
        </clipPath>
        <g clipPath={`url(#${clipId})`}>
          {bandAt &&
            placements.map((p, v) => (
              <path
                key={`b-${p}-${v}`}
                ref={(el) => {
                  bands.current[v] = el;
                }}
                className="band"
                fill={VARIANT_STYLES[p].color}
                fillOpacity={0.18}
              />
            ))}
          {target !== undefined && <line className="target" x1={layout.left} x2={width - layout.right} y1={y(target)} y2={y(target)} />}
          {placements.map((p, v) => (
            <path
              key={`${p}-${v}`}
              ref={(el) => {
                lines.current[v] = el;
              }}
              className="series"
              stroke={VARIANT_STYLES[p].color}
              strokeDasharray={VARIANT_STYLES[p].dash}
              data-variant={p}
            />
          ))}
        </g>
        {target !== undefined &&
          placements.map((p, v) => (
            <path
              key={`m-${p}-${v}`}
              ref={(el) => {
                markers.current[v] = el;
              }}
              className="marker"
              fill={VARIANT_STYLES[p].color}
            />
          ))}
        {/* Placed by its step, so the line stays on its point while training rescales the axis. */}
        {hover && <line className="hover-line" x1={x(hover.step)} x2={x(hover.step)} y1={layout.top} y2={height - layout.bottom} />}
      </svg>
      <p ref={summary} id={`${id}-summary`} className="sr-only" data-testid={`${id}-summary`} />
      {hover && (
        <div className="readout" style={{ left: Math.min(x(hover.step) + 12, width - 190) }} role="status">
          <div>step {formatStep(hover.step)}</div>
          {placements.map((p, v) => (
            <div key={p} style={{ color: VARIANT_STYLES[p].ink }}>
              {VARIANT_STYLES[p].short}: {format(hover.values[v])}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
