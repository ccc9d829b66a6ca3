import type { FloatArray } from './floatArray.ts';

/** The worst disagreement found by a gradient check. */
export interface GradCheckResult {
  /** Largest |analytic − numeric| / max(|analytic|, |numeric|) over entries with a gradient above the floor. */
  readonly maxRelError: number;
  /** Largest |analytic − numeric| over all entries. */
  readonly maxAbsError: number;
  /** How many entries were compared. */
  readonly checked: number;
}

/**
 * Compares an analytic gradient with fourth-order central differences,
 * (8·(f(p+h) − f(p−h)) − (f(p+2h) − f(p−2h)))/12h, for each entry of `value`. The O(h⁴) stencil keeps
 * truncation error far below the O(h²) of the two-point rule where BN's 1/√(σ²+ε) makes the loss curve sharply.
 * `loss` recomputes the loss from the current values; `indices` limits which entries are checked.
 * Entries whose gradient is below `floor` in magnitude count toward the absolute error only, because a
 * relative error of two near-zero numbers measures nothing but rounding.
 */
export function checkGradient(
  value: FloatArray,
  analytic: ArrayLike<number>,
  loss: () => number,
  options: { h?: number; floor?: number; indices?: Iterable<number> } = {},
): GradCheckResult {
  const h = options.h ?? 1e-4;
  const floor = options.floor ?? 1e-7;
  const indices = options.indices ?? value.keys();
  let maxRelError = 0;
  let maxAbsError = 0;
  let checked = 0;
  for (const i of indices) {
    const saved = value[i];
    const at = (offset: number): number => {
      value[i] = saved + offset;
      return loss();
    };
    const near = at(h) - at(-h);
    const far = at(2 * h) - at(-2 * h);
    value[i] = saved;
    const numeric = (8 * near - far) / (12 * h);
    const a = analytic[i];
    const abs = Math.abs(a - numeric);
    maxAbsError = Math.max(maxAbsError, abs);
    const scale = Math.max(Math.abs(a), Math.abs(numeric));
    if (scale >= floor) maxRelError = Math.max(maxRelError, abs / scale);
    checked++;
  }
  return { maxRelError, maxAbsError, checked };
}
