import { useMemo, useState } from 'react';
import { DEFAULT_DESCENT, descend, toRaw, toStandardized, type DescentResult, type QuadraticLoss, type Vec2 } from '../../src/contour/index.ts';
import { PanelFrame } from '../panels/PanelFrame.tsx';
import { formatStep } from '../viz/format.ts';
import { ContourPlot } from './ContourPlot.tsx';
import { formatAmount, formatLimit } from './contourGeometry.ts';
import { RateControl } from './RateControl.tsx';
import {
  ANIMATION_SPEEDS,
  AREA_UNITS,
  DEFAULT_START,
  moveStart,
  problemFor,
  resetScaling,
  setAnimationSpeed,
  setAreaUnit,
  setMomentum,
  setRate,
  useScalingStore,
  type AreaUnit,
  type Side,
} from './scalingStore.ts';
import { useStepAnimation } from './useStepAnimation.ts';

const unitName = (u: AreaUnit) => (u === 1 ? 'm²' : `${u} m²`);

/** Each plot's title, axis labels and loss for floor area measured in `unit`. */
function sides(unit: AreaUnit): Record<Side, { title: string; xLabel: string; yLabel: string; f: QuadraticLoss }> {
  const p = problemFor(unit);
  const [sdRooms, sdArea] = p.scale;
  return {
    raw: { title: `Raw features: rooms, and area in ${unitName(unit)}`, xLabel: 'w₁: k€ per room', yLabel: `w₂: k€ per ${unitName(unit)}`, f: p.raw },
    standardized: {
      title: 'Standardized features (any unit)',
      xLabel: `w̃₁: k€ per SD of rooms (${sdRooms.toFixed(1)})`,
      yLabel: `w̃₂: k€ per SD of area (${Math.round(sdArea * unit)} m²)`,
      f: p.standardized,
    },
  };
}

/** What a run came to, in words. */
function outcome(r: DescentResult): { text: string; kind: 'ok' | 'bad' | 'slow' } {
  if (r.divergedAt !== null) return { text: `Diverged at step ${formatStep(r.divergedAt)}`, kind: 'bad' };
  if (r.convergedAt !== null) return { text: `Converged in ${formatStep(r.convergedAt)} steps`, kind: r.convergedAt > 50 ? 'slow' : 'ok' };
  return { text: `Not converged after ${formatStep(r.steps)} steps`, kind: 'slow' };
}

/**
 * Gradient descent on the same houses twice: raw features (rooms 1–8, floor area 20–400 m²) and
 * standardized ones. One start point, mirrored between the plots; each plot has its own learning rate.
 */
export function ScalingLab() {
  const { start, areaUnit, lr, momentum, speed } = useScalingStore();
  const [dragging, setDragging] = useState(false);
  const SIDES = useMemo(() => sides(areaUnit), [areaUnit]);
  const scale = problemFor(areaUnit).scale;
  const starts: Record<Side, Vec2> = useMemo(() => ({ raw: toRaw(start, scale), standardized: start }), [start, scale]);
  const results = useMemo(() => {
    const run = (side: Side) => descend(SIDES[side].f, starts[side], { ...DEFAULT_DESCENT, lr: lr[side], momentum });
    return { raw: run('raw'), standardized: run('standardized') };
  }, [SIDES, starts, lr, momentum]);
  const total = Math.max(results.raw.path.length, results.standardized.path.length) / 2 - 1;
  const key = `${start[0]},${start[1]},${areaUnit},${lr.raw},${lr.standardized},${momentum}`;
  const animation = useStepAnimation(total, dragging ? 'all' : speed, dragging ? 'drag' : key);

  const setStart = (side: Side) => (w: Vec2, isDragging: boolean) => {
    setDragging(isDragging);
    moveStart(side === 'raw' ? toStandardized(w, scale) : w, SIDES.standardized.f.minimum);
  };
  const minRadius = (side: Side) => {
    const from = side === 'raw' ? toRaw(DEFAULT_START, scale) : DEFAULT_START;
    const m = SIDES[side].f.minimum;
    return 0.3 * Math.hypot(from[0] - m[0], from[1] - m[1]);
  };

  return (
    <div className="scaling-lab">
      <PanelFrame id="scaling" title="Why standardize inputs? Gradient descent on raw and standardized features">
        <p className="watch">
          Fit a house price as w₁·rooms + w₂·area, with no intercept. Rooms run from 1 to 8. Measured in 10 m², floor area runs from 2 to 40, so no single step
          size suits both weights. On the raw features the bowl is a narrow valley, and gradient descent zig-zags across it before it creeps along.
          Standardized, the bowl is round and descent goes straight in. Drag the start point (●) in either plot: it moves in both. The + marks the minimum.
        </p>
        <div className="scaling-controls">
          <label className="speed">
            Floor area in
            <select value={areaUnit} onChange={(e) => setAreaUnit(Number(e.target.value) as AreaUnit)}>
              {AREA_UNITS.map((u) => (
                <option key={u} value={u}>
                  {unitName(u)}
                </option>
              ))}
            </select>
          </label>
          <label className="toggle">
            <input type="checkbox" checked={momentum > 0} onChange={(e) => setMomentum(e.target.checked ? 0.9 : 0)} />
            Momentum
          </label>
          {momentum > 0 && (
            <label className="speed">
              β
              <select value={momentum} onChange={(e) => setMomentum(Number(e.target.value))}>
                {[0.5, 0.8, 0.9, 0.95].map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="speed">
            Animation
            <select value={String(speed)} onChange={(e) => setAnimationSpeed(e.target.value === 'all' ? 'all' : (Number(e.target.value) as 2))}>
              {ANIMATION_SPEEDS.map((s) => (
                <option key={String(s)} value={String(s)}>
                  {s === 'all' ? 'whole path' : `${s} steps/s`}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="plain-button" onClick={animation.replay}>
            Replay
          </button>
          <button type="button" className="plain-button" onClick={resetScaling}>
            Defaults
          </button>
          <p className="anim-step" aria-live="off">
            step <strong data-testid="scaling-step">{formatStep(animation.step)}</strong>
          </p>
        </div>
        <div className="contour-pair">
          {(['raw', 'standardized'] as const).map((side) => {
            const s = SIDES[side];
            const r = results[side];
            const o = outcome(r);
            return (
              <div key={side} className="contour-side" data-side={side}>
                <ContourPlot
                  title={s.title}
                  xLabel={s.xLabel}
                  yLabel={s.yLabel}
                  f={s.f}
                  start={starts[side]}
                  result={r}
                  shown={animation.step}
                  onStart={setStart(side)}
                  frozen={dragging}
                  minRadius={minRadius(side)}
                />
                <p className={`outcome ${o.kind}`} data-testid={`outcome-${side}`} role="status">
                  {o.text}
                </p>
                <dl className="contour-facts">
                  <dt>Condition number κ = λmax/λmin</dt>
                  <dd data-testid={`kappa-${side}`}>{formatAmount(s.f.condition)}</dd>
                  <dt>Stable while η &lt; {momentum > 0 ? '2(1+β)/λmax' : '2/λmax'}</dt>
                  <dd data-testid={`limit-${side}`}>{formatLimit(s.f.stableLimit(momentum))}</dd>
                  <dt>Excess loss L − L* at the step shown</dt>
                  <dd>{formatAmount(r.excess[Math.min(animation.step, r.excess.length - 1)])}</dd>
                </dl>
                <RateControl side={side} f={s.f} momentum={momentum} lr={lr[side]} onChange={(v) => setRate(side, v)} />
              </div>
            );
          })}
        </div>
        <p className="watch">
          Try: measure the area in m² (a 50-fold gap in scale): the raw valley narrows until descent barely advances, while the standardized plot does not
          change at all. Raise the raw η past its stable limit and it diverges. The raw η is capped by the steep direction (2/λmax), and then the flat direction
          shrinks by only about 2/κ per step. A run counts as converged once L − L* is down to 10⁻⁶ of its value at the start.
        </p>
      </PanelFrame>
    </div>
  );
}
