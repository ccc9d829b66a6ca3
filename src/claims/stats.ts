/**
 * Summaries of one number measured over several seeds. A value is a number, or null for "did not happen
 * within the run" (a threshold never reached): null sorts above every number, so a median of nulls is null.
 */

/** One measured number, per seed in seed order. */
export type PerSeed = readonly (number | null)[];

/** Median, smallest and largest of a per-seed number; null stands for "not reached" and ranks last. */
export interface Summary {
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** Orders values with null (not reached) after every number. */
function rank(a: number | null, b: number | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a - b;
}

/** The median (mean of the middle two for an even count), min and max; null ranks above every number. */
export function summarize(values: PerSeed): Summary {
  if (values.length === 0) throw new Error('summarize needs at least one value');
  if (values.some((v) => v !== null && !Number.isFinite(v))) throw new Error(`a measured value is not finite: ${JSON.stringify(values)}`);
  const sorted = [...values].sort(rank);
  const n = sorted.length;
  const lo = sorted[(n - 1) >> 1];
  const hi = sorted[n >> 1];
  const median = lo === null || hi === null ? null : (lo + hi) / 2;
  return { median, min: sorted[0], max: sorted[n - 1] };
}

/** Standard error of an accuracy p measured on n independent test examples: √(p(1−p)/n). */
export function accuracyStandardError(p: number, n: number): number {
  return Math.sqrt((p * (1 - p)) / n);
}

/**
 * Standard error of the difference of two accuracies on test sets of n examples each, treated as independent
 * (the same test set makes them positively correlated, so this is the cautious, larger error).
 */
export function differenceStandardError(p1: number, p2: number, n: number): number {
  return Math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n);
}

/** Whether a difference is a tie: within two standard errors of zero. */
export function isTie(difference: number, standardError: number): boolean {
  return Math.abs(difference) <= 2 * standardError;
}

/** Whether every seed's value is a number satisfying the test. */
export function everySeed(values: PerSeed, test: (v: number) => boolean): boolean {
  return values.every((v) => v !== null && test(v));
}

/** Per seed, a combination of two per-seed numbers (null where either is null). */
export function zipSeeds(a: PerSeed, b: PerSeed, f: (x: number, y: number) => number): (number | null)[] {
  if (a.length !== b.length) throw new Error('per-seed numbers of different lengths');
  return a.map((x, i) => {
    const y = b[i];
    return x === null || y === null ? null : f(x, y);
  });
}
