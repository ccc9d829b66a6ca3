import type { VariantRecord } from './record.ts';

/** The first evaluated step at which test accuracy reached `threshold`, or null if it never did in the run. */
export function stepsTo(r: VariantRecord, threshold: number): number | null {
  for (let i = 0; i < r.evalSteps.length; i++) {
    if (r.divergedAt >= 0 && r.evalSteps[i] > r.divergedAt) break;
    if (r.testAcc[i] >= threshold) return r.evalSteps[i];
  }
  return null;
}

/** Index of the evaluation at this step (throws if there was none: the claim asked for a step its run did not evaluate). */
function evalIndex(r: VariantRecord, step: number): number {
  const i = r.evalSteps.indexOf(step);
  if (i < 0) throw new Error(`no evaluation at step ${step}`);
  return i;
}

/** Test accuracy evaluated at this step. */
export function accAt(r: VariantRecord, step: number): number {
  return r.testAcc[evalIndex(r, step)];
}

/** Test loss evaluated at this step. */
export function lossAt(r: VariantRecord, step: number): number {
  return r.testLoss[evalIndex(r, step)];
}

/** Test accuracy at the run's last evaluation. */
export function finalAcc(r: VariantRecord): number {
  const a = r.testAcc.at(-1);
  if (a === undefined) throw new Error('the run has no evaluation');
  return a;
}

/**
 * The area under the test-accuracy curve over steps 0…upTo divided by upTo: the mean accuracy over the first
 * upTo steps (trapezoids between evaluations). Less sensitive than a threshold crossing to one test digit.
 */
export function meanAccUpTo(r: VariantRecord, upTo: number): number {
  const last = evalIndex(r, upTo);
  if (last === 0) throw new Error('meanAccUpTo needs evaluations after step 0');
  let area = 0;
  for (let i = 1; i <= last; i++) area += ((r.testAcc[i] + r.testAcc[i - 1]) / 2) * (r.evalSteps[i] - r.evalSteps[i - 1]);
  return area / (r.evalSteps[last] - r.evalSteps[0]);
}
