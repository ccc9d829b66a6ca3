import { scaleLinear, scaleSymlog, type ScaleContinuousNumeric } from 'd3-scale';

/** How the training-step axis spreads steps: evenly, or on a log scale so the early phase keeps its room. */
export type StepAxis = 'linear' | 'log';

/**
 * The log step axis is a symmetric log (sign(s)·ln(1 + s/STEP_KNEE)): about linear below this many steps, so
 * step 0 has a place and the first steps are not stretched, and one decade per equal width beyond it.
 */
export const STEP_KNEE = 100;

/** The x scale of a time chart: steps [0, maxStep] onto [x0, x1] pixels. */
export function stepScale(axis: StepAxis, maxStep: number, range: [number, number]): ScaleContinuousNumeric<number, number> {
  const scale = axis === 'log' ? scaleSymlog().constant(STEP_KNEE) : scaleLinear();
  return scale.domain([0, maxStep]).range(range);
}

/**
 * Tick steps for the log step axis, up to maxStep: 0 and the powers of ten first, then 2 and 5 times a power of
 * ten wherever they fit, a label never nearer its neighbour than half their widths plus `gap` (widthOf gives a
 * step's label width in px, at gives its position).
 */
export function logStepTicks(maxStep: number, at: (step: number) => number, widthOf: (step: number) => number, gap: number): number[] {
  const kept: number[] = [];
  const fits = (s: number) => kept.every((k) => Math.abs(at(k) - at(s)) >= (widthOf(k) + widthOf(s)) / 2 + gap);
  const tryAdd = (s: number) => {
    if (s <= maxStep && fits(s)) kept.push(s);
  };
  tryAdd(0);
  for (let p = 10; p <= maxStep; p *= 10) tryAdd(p);
  for (const m of [5, 2]) for (let p = 1; m * p <= maxStep; p *= 10) tryAdd(m * p);
  return kept.sort((a, b) => a - b);
}
