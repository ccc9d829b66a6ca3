/** Axis domains that change rarely: they snap to round numbers, so axes re-render only at thresholds. */

/** The smallest of 1, 2, 2.5, 5 × 10ⁿ that is ≥ v (at least `floor`). */
export function niceCeil(v: number, floor = 10): number {
  if (!(v > floor)) return floor;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

/** A log-scale domain of whole decades around [min, max] (positive values only). */
export function decadeDomain(min: number, max: number): [number, number] {
  if (!(min > 0) || !(max > 0)) return [0.01, 10];
  const lo = 10 ** Math.floor(Math.log10(min));
  let hi = 10 ** Math.ceil(Math.log10(max));
  if (hi <= lo) hi = lo * 10;
  return [lo, hi];
}

/** A linear domain [0, niceCeil(max)] for non-negative data. */
export function zeroBasedDomain(max: number): [number, number] {
  return [0, niceCeil(max, 0.1)];
}

/**
 * The highest a loss axis goes: ten times the loss of a uniform guess over 10 classes (the most any dataset has).
 * A diverging variant's loss (1e22 just before it turns non-finite) leaves the plot instead of flattening the others.
 */
export const LOSS_AXIS_MAX = 10 * Math.log(10);

/** A y coordinate kept within `margin` px of the plot [top, bottom]: a point off the chart stays off it, but never 1e30 px away. */
export function nearPlot(py: number, top: number, bottom: number, margin: number): number {
  return Math.max(top - margin, Math.min(bottom + margin, py));
}

/** The index in sorted[0..n) whose value is nearest to target (n ≥ 1). */
export function nearestIndex(sorted: ArrayLike<number>, n: number, target: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(sorted[lo - 1] - target) <= Math.abs(sorted[lo] - target)) return lo - 1;
  return lo;
}
