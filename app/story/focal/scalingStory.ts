import { DEFAULT_DESCENT, descend, toRaw, type DescentResult, type QuadraticLoss, type ScalingProblem, type Vec2 } from '../../../src/contour/index.ts';
import { DEFAULT_START, problemFor, type AreaUnit } from '../../scaling/scalingStore.ts';

/** The story's area unit: 10 m², the lab's default, where the zig-zag shows and the crawl still ends. */
export const STORY_AREA_UNIT: AreaUnit = 10;

/** One side of the story's pair: its loss, start, learning rate and descent. */
export interface ScalingRun {
  readonly side: 'raw' | 'standardized';
  readonly f: QuadraticLoss;
  readonly start: Vec2;
  /** The rate that converges in the fewest steps from this start (bestRate). */
  readonly lr: number;
  /** The rate at which descent would diverge, 2/λmax. */
  readonly limit: number;
  readonly result: DescentResult;
}

/** Rates tried, as fractions of the stable limit: 1% to 99%. */
const FRACTIONS = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

/**
 * The learning rate, among 1% … 99% of the stable limit 2/λmax, whose descent from `start` converges in the
 * fewest steps (the smallest such rate on a tie), with that descent.
 */
export function bestRate(f: QuadraticLoss, start: Vec2): { lr: number; result: DescentResult } {
  let best: { lr: number; result: DescentResult } | null = null;
  for (const k of FRACTIONS) {
    const lr = k * f.stableLimit();
    const result = descend(f, start, { ...DEFAULT_DESCENT, lr, keep: 1 });
    if (result.convergedAt !== null && (best === null || result.convergedAt < (best.result.convergedAt ?? Infinity))) best = { lr, result };
  }
  if (best === null) throw new Error('no rate under the stable limit converges');
  return { lr: best.lr, result: descend(f, start, { ...DEFAULT_DESCENT, lr: best.lr }) };
}

/** Both descents, from the same start (the lab's default), each at its best rate. */
export function scalingRuns(problem: ScalingProblem = problemFor(STORY_AREA_UNIT), start: Vec2 = DEFAULT_START): readonly [ScalingRun, ScalingRun] {
  const run = (side: ScalingRun['side'], f: QuadraticLoss, from: Vec2): ScalingRun => ({ side, f, start: from, limit: f.stableLimit(), ...bestRate(f, from) });
  return [run('raw', problem.raw, toRaw(start, problem.scale)), run('standardized', problem.standardized, start)];
}

/** The story's pair, computed once: the houses with area in 10 m², from the lab's default start. */
export const STORY_RUNS = scalingRuns();

/** Which side the story's pair says reaches the minimum in fewer steps: 'same' within a factor of 1.5. */
export function fewerSteps(runs: readonly [ScalingRun, ScalingRun] = STORY_RUNS): 'raw' | 'same' | 'standardized' {
  const [raw, std] = runs.map((r) => stepsOf(r.result));
  return std * 1.5 < raw ? 'standardized' : raw * 1.5 < std ? 'raw' : 'same';
}

/** Steps a run took to converge; the steps it took without converging when it did not. */
export function stepsOf(r: DescentResult): number {
  return r.convergedAt ?? r.steps;
}

/** The label a descent carries at the step shown: converged, still crawling, or diverged. */
export interface StepLabel {
  readonly kind: 'converged' | 'crawling' | 'diverged';
  readonly step: number;
  readonly text: string;
}

/** What a plot says about its descent once `shown` steps are drawn. */
export function stepLabel(r: DescentResult, shown: number): StepLabel {
  const n = (v: number) => v.toLocaleString('en-US');
  if (r.divergedAt !== null && shown >= r.divergedAt) return { kind: 'diverged', step: r.divergedAt, text: `diverged at step ${n(r.divergedAt)}` };
  if (r.convergedAt !== null && shown >= r.convergedAt)
    return { kind: 'converged', step: r.convergedAt, text: `converged in ${n(r.convergedAt)} step${r.convergedAt === 1 ? '' : 's'}` };
  const at = Math.min(shown, r.steps);
  return { kind: 'crawling', step: at, text: `still crawling after ${n(at)} step${at === 1 ? '' : 's'}` };
}

/** Animation ticks per second (the lab's 50-steps-per-second speed drives the ticks). */
export const TICKS_PER_SECOND = 50;
/** The first steps go slowly enough to follow each one: the zig-zag, and a round bowl done in a handful. */
const SLOW_STEPS = 10;
const SLOW_TICKS_PER_STEP = 20;
/** Then the long crawl speeds up geometrically over this many ticks. */
const FAST_TICKS = 220;

/** Ticks the whole animation of `total` steps takes. */
export function ticksFor(total: number): number {
  const slow = Math.min(total, SLOW_STEPS);
  return slow * SLOW_TICKS_PER_STEP + (total > SLOW_STEPS ? FAST_TICKS : 0);
}

/**
 * The step drawn at an animation tick: the first ten steps one every 0.4 s, then faster and faster
 * (geometrically) to the last step, so a crawl of hundreds of steps still ends within a few seconds.
 */
export function stepAtTick(tick: number, total: number): number {
  const slow = Math.min(total, SLOW_STEPS);
  const slowTicks = slow * SLOW_TICKS_PER_STEP;
  if (tick <= slowTicks) return Math.min(total, Math.floor(tick / SLOW_TICKS_PER_STEP));
  const u = Math.min(1, (tick - slowTicks) / FAST_TICKS);
  return Math.min(total, Math.max(SLOW_STEPS, Math.round(SLOW_STEPS * (total / SLOW_STEPS) ** u)));
}
