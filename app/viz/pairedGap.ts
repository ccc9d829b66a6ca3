/** The paired difference the run bar leads with: steps to 90 % per variant, and each variant's accuracy gap to the reference. */

import type { DatasetName } from '../../src/config/index.ts';
import { MNIST_TRAIN_COUNT } from '../../src/data/index.ts';
import { formatStep } from './format.ts';

/** Test examples per data set (MNIST: 10,000 digits, 8,000 train; src/data/synthetic.ts for the others). */
export const TEST_SET_SIZE: Record<DatasetName, number> = { mnist: 10_000 - MNIST_TRAIN_COUNT, blobs: 500, scales: 1000 };

/** The standard error of an accuracy p measured on n test examples: √(p(1−p)/n). */
export function accuracyStdError(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}

/** A variant's accuracy gap to the reference: in points, whether it is a tie, and how it reads. */
export interface AccuracyGap {
  /** acc − ref, in percentage points (NaN when either is unknown). */
  readonly points: number;
  /** The test set's standard error at their mean accuracy, in points. */
  readonly sePoints: number;
  /** Within one standard error: the test set cannot tell them apart. */
  readonly tie: boolean;
  /** "+24.8", "−3.1", "tie" or "—". */
  readonly text: string;
}

/**
 * The gap between a variant's test accuracy and the reference's, both measured on the same n test examples.
 * It is a tie when it is within the test set's standard error ±√(p(1−p)/n), p their mean accuracy.
 */
export function accuracyGap(acc: number, ref: number, n: number): AccuracyGap {
  if (!Number.isFinite(acc) || !Number.isFinite(ref) || !(n > 0)) return { points: NaN, sePoints: NaN, tie: false, text: '—' };
  const points = 100 * (acc - ref);
  const sePoints = 100 * accuracyStdError((acc + ref) / 2, n);
  const tie = Math.abs(points) <= sePoints;
  const rounded = Math.abs(points).toFixed(1);
  return { points, sePoints, tie, text: tie ? 'tie' : `${points > 0 ? '+' : '−'}${rounded}` };
}

/** Steps to the target accuracy: the first evaluated step that reached it, else "not yet" (or "never" once diverged). */
export function stepsToTargetText(reachedAt: number, divergedAt: number): string {
  if (reachedAt >= 0) return formatStep(reachedAt);
  return divergedAt >= 0 ? 'never' : 'not yet';
}

/** The variant the others are compared with: the first without normalization, else the first. */
export function referenceIndex(placements: readonly string[]): number {
  return Math.max(0, placements.indexOf('none'));
}
