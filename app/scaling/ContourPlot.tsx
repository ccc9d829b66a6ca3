import { scaleLinear } from 'd3-scale';
import { interpolateBlues } from 'd3-scale-chromatic';
import { useId, useMemo, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { fitView, lossContours, type DescentResult, type View, type QuadraticLoss, type Vec2 } from '../../src/contour/index.ts';
import { useSize } from '../hooks/useSize.ts';
import { useStore } from '../store/store.ts';
import type { Theme } from '../viz/palette.ts';
import { formatTick } from '../viz/format.ts';
import { contourPath, polylinePath } from './contourGeometry.ts';

const MARGIN = { left: 66, right: 14, top: 12, bottom: 54 };
const NARROW_MARGIN = { left: 56, right: 8, top: 8, bottom: 42 };
/** Steps drawn with a dot at each point: enough to count the zig-zags. */
const DOTTED_STEPS = 60;

/**
 * A contour's color, t from the lowest level (0) to the highest (1): blues that darken outwards on a light
 * plot, and lighten outwards on a dark one, so the rings read against either.
 */
function contourInk(t: number, theme: Theme): string {
  return theme === 'dark' ? interpolateBlues(0.75 - 0.6 * t) : interpolateBlues(0.3 + 0.65 * t);
}

/** Path points framed by the view: its first steps, unless the run diverged, and none far beyond the start. */
const FRAMED_STEPS = 40;

function framedPoints(start: Vec2, minimum: Vec2, result: DescentResult, minRadius: number): Vec2[] {
  // At least minRadius around the minimum, so a start dropped next to it does not zoom the bowl away.
  const points: Vec2[] = [start, minimum, [minimum[0] - minRadius, minimum[1] - minRadius], [minimum[0] + minRadius, minimum[1] + minRadius]];
  if (result.divergedAt !== null) return points;
  const reach = 2 * Math.hypot(start[0] - minimum[0], start[1] - minimum[1]);
  const n = Math.min(FRAMED_STEPS, result.path.length / 2);
  for (let i = 1; i < n; i++) {
    const p: Vec2 = [result.path[2 * i], result.path[2 * i + 1]];
    if (Math.hypot(p[0] - minimum[0], p[1] - minimum[1]) <= reach) points.push(p);
  }
  return points;
}

/** What an overlay is given to place its marks: the plot's scales (weights → pixels) and inner box. */
export interface ContourFrame {
  readonly x: (w: number) => number;
  readonly y: (w: number) => number;
  readonly inner: { readonly left: number; readonly top: number; readonly w: number; readonly h: number };
}

export interface ContourPlotProps {
  title: string;
  xLabel: string;
  yLabel: string;
  f: QuadraticLoss;
  /** The start point in this plot's weights. */
  start: Vec2;
  result: DescentResult;
  /** How many steps of the path to draw. */
  shown: number;
  /** A new start point chosen here (by pointer or keys), in this plot's weights; without it the start is fixed. */
  onStart?: (w: Vec2, dragging: boolean) => void;
  /** A drag is under way somewhere: hold the view still. */
  frozen: boolean;
  /** The view always shows at least this far around the minimum, in weights. */
  minRadius: number;
  /** Take the height the container gives (which must not depend on the plot) instead of 0.7 × the width. */
  fill?: boolean;
  /** Marks drawn over the plot, such as labels on the start, the minimum and the path. */
  overlay?: (frame: ContourFrame) => ReactNode;
}

/**
 * Loss contours of one 2-parameter problem with equal units on both axes, the minimum, the start point
 * (draggable when onStart is given) and the gradient-descent path drawn up to the current step of the animation.
 */
export function ContourPlot({ title, xLabel, yLabel, f, start, result, shown, onStart, frozen, minRadius, fill = false, overlay }: ContourPlotProps) {
  const clipId = useId();
  const [boxRef, size] = useSize<HTMLDivElement>();
  // Filling a narrow box (the story's section embedded in a sidebar): tighter margins, and the width it is given.
  const narrow = fill && size.width > 0 && size.width < 240;
  const margin = narrow ? NARROW_MARGIN : MARGIN;
  const width = Math.max(size.width, narrow ? 150 : 240);
  const height = fill ? Math.max(size.height, narrow ? 150 : 200) : Math.round(Math.min(Math.max(width * 0.7, 240), 560));
  const inner = { w: width - margin.left - margin.right, h: height - margin.top - margin.bottom };
  // While the pointer drags here the view holds still; otherwise it fits the start and the minimum.
  const [held, setHeld] = useState<View | null>(null);
  const fitted = useMemo(
    () => fitView(framedPoints(start, f.minimum, result, minRadius), inner.w, inner.h, 0.12),
    [start, f, result, minRadius, inner.w, inner.h],
  );
  // While the other plot is being dragged, this one holds its view too: no refit per pointer move.
  const [frozenView, setFrozenView] = useState<View | null>(null);
  if (frozen && frozenView === null) setFrozenView(fitted);
  if (!frozen && frozenView !== null) setFrozenView(null);
  const view = held ?? frozenView ?? fitted;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([view.x0, view.x1])
        .range([margin.left, margin.left + inner.w]),
    [view, inner.w, margin.left],
  );
  const y = useMemo(
    () =>
      scaleLinear()
        .domain([view.y0, view.y1])
        .range([margin.top + inner.h, margin.top]),
    [view, inner.h, margin.top],
  );
  const shapes = useMemo(() => {
    const nx = Math.min(160, Math.max(40, Math.round(inner.w / 4)));
    const ny = Math.min(140, Math.max(30, Math.round(inner.h / 4)));
    return lossContours(f, view, nx, ny, 12);
  }, [f, view, inner.w, inner.h]);
  // Drawn once per view, not once per animation frame.
  const theme = useStore((s) => s.theme);
  const contourPaths = useMemo(() => shapes.map((c) => contourPath(c, x, y)), [shapes, x, y]);

  const pointAt = (e: PointerEvent<SVGSVGElement>): Vec2 => {
    const box = e.currentTarget.getBoundingClientRect();
    const px = Math.min(Math.max(e.clientX - box.left, margin.left), margin.left + inner.w);
    const py = Math.min(Math.max(e.clientY - box.top, margin.top), margin.top + inner.h);
    return [x.invert(px), y.invert(py)];
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0 || onStart === undefined) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setHeld(view);
    onStart(pointAt(e), true);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (held === null || onStart === undefined) return;
    // A release this element never heard of (capture lost) ends the drag where it was.
    if (e.buttons === 0) endDrag();
    else onStart(pointAt(e), true);
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    if (held === null || onStart === undefined) return;
    onStart(pointAt(e), false);
    setHeld(null);
  };
  /** Ends a drag without moving the point (cancelled, or capture lost). */
  const endDrag = () => {
    if (held === null || onStart === undefined) return;
    onStart(start, false);
    setHeld(null);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const stepX = (view.x1 - view.x0) / 40;
    const stepY = (view.y1 - view.y0) / 40;
    const moves: Record<string, Vec2> = { ArrowLeft: [-stepX, 0], ArrowRight: [stepX, 0], ArrowUp: [0, stepY], ArrowDown: [0, -stepY] };
    const m = moves[e.key];
    if (m === undefined || onStart === undefined) return;
    e.preventDefault();
    const k = e.shiftKey ? 5 : 1;
    onStart([start[0] + k * m[0], start[1] + k * m[1]], false);
  };

  const kept = result.path.length / 2;
  const drawn = Math.min(shown + 1, kept);
  const tip: Vec2 = [result.path[2 * (drawn - 1)], result.path[2 * (drawn - 1) + 1]];
  const dots = Math.min(drawn, DOTTED_STEPS);
  const xTicks = x.ticks(Math.max(narrow ? 2 : 3, Math.round(inner.w / 110)));
  const yTicks = y.ticks(Math.max(3, Math.round(inner.h / 70)));
  const inside = (p: Vec2) => p[0] >= view.x0 && p[0] <= view.x1 && p[1] >= view.y0 && p[1] <= view.y1;

  return (
    <figure className="contour-plot" data-chart="contour">
      <figcaption className="contour-title">{title}</figcaption>
      <div ref={boxRef} className="chart">
        <svg
          width={width}
          height={height}
          role="group"
          aria-label={`${title}: loss contours, the minimum (+) and the gradient-descent path from the start point`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={endDrag}
          onLostPointerCapture={endDrag}
          style={onStart === undefined ? undefined : { touchAction: 'none', cursor: held ? 'grabbing' : 'crosshair' }}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={margin.left} y={margin.top} width={inner.w} height={inner.h} />
            </clipPath>
          </defs>
          <rect className="plot-area" x={margin.left} y={margin.top} width={inner.w} height={inner.h} />
          <g clipPath={`url(#${clipId})`}>
            {contourPaths.map((d, i) => (
              <path key={i} className="contour" d={d} stroke={contourInk(i / Math.max(1, contourPaths.length - 1), theme)} />
            ))}
            <path className="gd-halo" d={polylinePath(result.path, drawn, x, y)} />
            <path className="gd-path" d={polylinePath(result.path, drawn, x, y)} data-testid="gd-path" />
            {Array.from({ length: dots }, (_, i) => (
              <circle key={i} className="gd-dot" cx={x(result.path[2 * i])} cy={y(result.path[2 * i + 1])} r={3} />
            ))}
            {inside(tip) && drawn > 1 && <circle className="gd-tip" cx={x(tip[0])} cy={y(tip[1])} r={6.5} />}
            <path className="minimum" d={`M${x(f.minimum[0]) - 8},${y(f.minimum[1])}h16M${x(f.minimum[0])},${y(f.minimum[1]) - 8}v16`} />
          </g>
          <g className="axis">
            {xTicks.map((t) => (
              <text key={t} x={x(t)} y={margin.top + inner.h + 20} textAnchor="middle" className="tick">
                {formatTick(t)}
              </text>
            ))}
            {yTicks.map((t) => (
              <text key={t} x={margin.left - 8} y={y(t) + 5} textAnchor="end" className="tick">
                {formatTick(t)}
              </text>
            ))}
            <text className="axis-label" x={margin.left + inner.w / 2} y={height - 8} textAnchor="middle">
              {xLabel}
            </text>
            <text className="axis-label" transform={`translate(16,${margin.top + inner.h / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
          </g>
          {inside(start) && onStart === undefined && <circle className="start-point" cx={x(start[0])} cy={y(start[1])} r={9} />}
          {inside(start) && onStart !== undefined && (
            <g
              className="start-handle"
              tabIndex={0}
              role="button"
              aria-label={`Start point (${formatTick(start[0])}, ${formatTick(start[1])}). Drag it, or move it with the arrow keys (Shift for bigger steps).`}
              onKeyDown={onKeyDown}
            >
              <circle cx={x(start[0])} cy={y(start[1])} r={11} />
            </g>
          )}
          {overlay?.({ x, y, inner: { left: margin.left, top: margin.top, w: inner.w, h: inner.h } })}
        </svg>
      </div>
    </figure>
  );
}
