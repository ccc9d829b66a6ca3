import { useRef, type ReactNode } from 'react';
import { prefersReducedMotion } from '../../hooks/motion.ts';
import { ContourPlot, type ContourFrame } from '../../scaling/ContourPlot.tsx';
import { formatAmount } from '../../scaling/contourGeometry.ts';
import { useStepAnimation } from '../../scaling/useStepAnimation.ts';
import { useStore } from '../../store/store.ts';
import { keepInside, labelAway, pathBox, fitLabel, zigzagSpot, type LabelSpot, type PlotBox, type Px } from './scalingLabels.ts';
import { STORY_AREA_UNIT, STORY_RUNS, stepAtTick, stepLabel, stepsOf, ticksFor, TICKS_PER_SECOND, type ScalingRun } from './scalingStory.ts';
import { useMarkDone, useSectionWaiting } from './sectionWaiting.ts';

const AXES: Record<ScalingRun['side'], { title: string; x: string; y: string }> = {
  raw: { title: 'Raw', x: 'w₁: k€ per room', y: `w₂: k€ per ${STORY_AREA_UNIT} m²` },
  standardized: { title: 'Standardized', x: 'w̃₁: k€ per SD of rooms', y: 'w̃₂: k€ per SD of area' },
};

/** Pixels per character of a label, by the label's font (presenter mode draws them larger). */
const CHAR_PX = { mark: 9.6, note: 8.8, line: 10.8 } as const;
const LINE_PX = { mark: 18, note: 19, line: 21 } as const;

/** A text mark with the chart's halo, kept inside the plot; several lines stack downwards. */
function Label({
  spot,
  kind,
  lines,
  plot,
  scale,
  data,
}: {
  spot: LabelSpot;
  kind: keyof typeof CHAR_PX;
  lines: readonly string[];
  plot: PlotBox;
  scale: number;
  data?: Record<string, string | number>;
}) {
  const width = Math.max(...lines.map((l) => l.length)) * CHAR_PX[kind] * scale;
  const line = LINE_PX[kind] * scale;
  const at = keepInside(spot, width, line, { ...plot, bottom: plot.bottom - (lines.length - 1) * line });
  return (
    <text x={at.x} y={at.y} textAnchor={at.anchor} className={`${kind}-label`} {...data}>
      {lines.map((l, i) => (
        <tspan key={l} x={at.x} dy={i === 0 ? 0 : line}>
          {l}
        </tspan>
      ))}
    </text>
  );
}

/** The labels written on one plot: start, minimum, how the path goes, and the step count at the path's tip. */
function marks(run: ScalingRun, shown: number, { x, y, inner }: ContourFrame, scale: number): ReactNode {
  const r = run.result;
  const kept = r.path.length / 2;
  const drawn = Math.min(shown, kept - 1);
  const start: Px = [x(run.start[0]), y(run.start[1])];
  const min: Px = [x(run.f.minimum[0]), y(run.f.minimum[1])];
  const tip: Px = [x(r.path[2 * drawn]), y(r.path[2 * drawn + 1])];
  const plot: PlotBox = { left: inner.left, right: inner.left + inner.w, top: inner.top, bottom: inner.top + inner.h };
  const label = stepLabel(r, shown);
  // "minimum" goes on the side away from the start, or above the mark when that side has no room for it.
  const away = min[0] >= start[0] ? 1 : -1;
  const roomy = away > 0 ? min[0] + 16 + 7 * CHAR_PX.mark * scale <= plot.right : min[0] - 16 - 7 * CHAR_PX.mark * scale >= plot.left;
  const minSpot: LabelSpot = roomy
    ? { x: min[0] + 16 * away, y: min[1] + 5 * scale, anchor: away > 0 ? 'start' : 'end' }
    : { x: min[0], y: min[1] - 14 * scale, anchor: 'middle' };
  // The count sits in the plot's free bottom corner, away from the start, with a leader to the path's tip;
  // on two lines when one does not fit the plot.
  const lineH = LINE_PX.line * scale;
  const widthOf = (t: string) => t.length * CHAR_PX.line * scale;
  const countLines = fitLabel(label.text, widthOf, inner.w - 16);
  const widest = Math.max(...countLines.map(widthOf));
  const right = start[0] <= (plot.left + plot.right) / 2;
  const countSpot = keepInside(
    { x: right ? plot.right - 8 : plot.left + 8, y: plot.bottom - 12 - (countLines.length - 1) * lineH, anchor: right ? 'end' : 'start' },
    widest,
    lineH,
    plot,
  );
  const leaderFrom: Px = [countSpot.anchor === 'end' ? countSpot.x - widest / 2 : countSpot.x + widest / 2, countSpot.y - lineH];
  // How the path goes, written beside its first steps (placed once, for the first 30) when they are drawn.
  const how = run.side === 'raw' ? ['zig-zag across', 'the valley'] : ['straight in:', 'the bowl is round'];
  const howSpot = shown >= (run.side === 'raw' ? 3 : 1) ? zigzagSpot(pathBox(r.path, 0, 30, x, y), plot, 18) : null;
  return (
    <g className="scaling-focal-marks" data-side={run.side}>
      <Label spot={labelAway(start, min, 16)} kind="mark" lines={['start']} plot={plot} scale={scale} />
      <Label spot={minSpot} kind="mark" lines={['minimum']} plot={plot} scale={scale} />
      {howSpot !== null && <Label spot={howSpot} kind="note" lines={how} plot={plot} scale={scale} />}
      {shown > 0 && (
        <>
          <line x1={leaderFrom[0]} y1={leaderFrom[1]} x2={tip[0]} y2={tip[1]} className="scaling-focal-leader" />
          <Label spot={countSpot} kind="line" lines={countLines} plot={plot} scale={scale} data={{ 'data-count': label.kind, 'data-steps': label.step }} />
        </>
      )}
    </g>
  );
}

/**
 * Feature scaling's focal chart: gradient descent on the houses problem, raw and standardized side by side,
 * from the same start, each at its best rate (bestRate), animated once the prediction is locked
 * (the first steps slowly, the crawl faster), then held with Replay. κ, η and the steps are computed here.
 */
export function ScalingFocal(): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const waiting = useSectionWaiting();
  const runs = STORY_RUNS;
  const total = Math.max(...runs.map((r) => stepsOf(r.result)));
  const animation = useStepAnimation(waiting ? 0 : ticksFor(total), prefersReducedMotion() ? 'all' : TICKS_PER_SECOND, waiting ? 'waiting' : 'run');
  const shown = stepAtTick(animation.step, total);
  useMarkDone(!waiting && shown >= total);
  const scale = useStore((s) => (s.presenting ? 1.4 : 1));
  const summary = runs.map((r) => `${AXES[r.side].title}: κ = ${formatAmount(r.f.condition)}, ${stepLabel(r.result, Infinity).text}`).join('; ');
  return (
    <>
      <div className="demo-bar" role="group" aria-label="This section’s descent">
        <button type="button" disabled={waiting} onClick={animation.replay}>
          ↺ Replay
        </button>
        <span className="demo-step" data-testid="scaling-story-step" aria-live="off">
          {waiting ? 'waits for your prediction' : `step ${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
        </span>
      </div>
      <div
        ref={box}
        className="focal-chart scaling-focal"
        data-chart="scaling"
        role="group"
        aria-label={`Gradient descent from the same start on raw and standardized features. ${summary}.`}
      >
        {runs.map((run) => (
          <div key={run.side} className="scaling-focal-side" data-side={run.side}>
            <ContourPlot
              title={`${AXES[run.side].title} · κ = ${formatAmount(run.f.condition)}`}
              xLabel={AXES[run.side].x}
              yLabel={AXES[run.side].y}
              f={run.f}
              start={run.start}
              result={run.result}
              shown={shown}
              frozen={false}
              minRadius={0.3 * Math.hypot(run.start[0] - run.f.minimum[0], run.start[1] - run.f.minimum[1])}
              fill
              overlay={(frame) => marks(run, shown, frame, scale)}
            />
          </div>
        ))}
      </div>
    </>
  );
}
