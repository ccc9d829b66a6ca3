import type { FloatArray } from '../engine/floatArray.ts';

/**
 * Exact percentiles with the linear interpolation between order statistics that numpy uses by default:
 * the p-th percentile of n sorted values a is a[⌊h⌋] + (h − ⌊h⌋)·(a[⌊h⌋+1] − a[⌊h⌋]) with h = p·(n − 1).
 */

/** Rearranges scratch[lo..hi] so that scratch[k] holds the value a full sort would put there. */
function select(a: Float32Array | Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    // Median of three as pivot keeps already-sorted input linear.
    const mid = (lo + hi) >>> 1;
    let pivot = a[mid];
    const x = a[lo];
    const z = a[hi];
    if ((x <= pivot && pivot <= z) || (z <= pivot && pivot <= x)) {
      // pivot is the median
    } else if ((pivot <= x && x <= z) || (z <= x && x <= pivot)) {
      pivot = x;
    } else {
      pivot = z;
    }
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The smallest of a[lo..hi]. */
function minOf(a: Float32Array | Float64Array, lo: number, hi: number): number {
  let m = a[lo];
  for (let i = lo + 1; i <= hi; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * Writes into out[i] the ps[i]-th percentile (ps ascending, each in [0, 1]) of scratch[0..n).
 * Reorders scratch in place; allocates nothing. NaN values are not allowed.
 */
export function percentilesInPlace(scratch: Float32Array | Float64Array, n: number, ps: ArrayLike<number>, out: Float64Array | Float32Array | number[]): void {
  if (n === 0) {
    for (let i = 0; i < ps.length; i++) out[i] = NaN;
    return;
  }
  let lo = 0;
  for (let i = 0; i < ps.length; i++) {
    const h = ps[i] * (n - 1);
    const k = Math.floor(h);
    // Earlier selections leave everything before their k at most a[k], so each search starts there.
    select(scratch, lo, n - 1, k);
    const below = scratch[k];
    const frac = h - k;
    out[i] = frac === 0 || k + 1 >= n ? below : below + frac * (minOf(scratch, k + 1, n - 1) - below);
    lo = k;
  }
}

const BUCKETS = 256;

/** Scratch for `percentiles`: bucket counts, each value's bucket, and room for the values of one bucket. */
export interface PercentileScratch {
  readonly counts: Int32Array;
  readonly ids: Uint8Array;
  readonly bucket: Float64Array;
}

/** Scratch for up to n values. */
export function createPercentileScratch(n: number): PercentileScratch {
  return { counts: new Int32Array(BUCKETS), ids: new Uint8Array(n), bucket: new Float64Array(n) };
}

/**
 * Writes into out[i] the ps[i]-th percentile (each in [0, 1]) of values[0..n), leaving values untouched.
 * Exact, and faster than quickselect over the whole array: one pass files every value into one of 256
 * equal-width buckets between min and max, then each order statistic is selected among the few values of
 * its bucket. Allocates nothing. NaN values are not allowed.
 */
export function percentiles(
  values: FloatArray,
  n: number,
  ps: ArrayLike<number>,
  out: Float64Array | Float32Array | number[],
  scratch: PercentileScratch,
): void {
  if (n === 0) {
    for (let i = 0; i < ps.length; i++) out[i] = NaN;
    return;
  }
  let min = values[0];
  let max = values[0];
  for (let i = 1; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min === max) {
    for (let i = 0; i < ps.length; i++) out[i] = min;
    return;
  }
  if (!Number.isFinite(max - min)) {
    // ±Infinity (an overflowing layer) leaves no finite bucket width: select on a copy instead.
    for (let i = 0; i < n; i++) scratch.bucket[i] = values[i];
    percentilesInPlace(scratch.bucket, n, ps, out);
    return;
  }
  const { counts, ids } = scratch;
  counts.fill(0);
  const scale = BUCKETS / (max - min);
  for (let i = 0; i < n; i++) {
    let b = Math.floor((values[i] - min) * scale);
    if (b >= BUCKETS) b = BUCKETS - 1;
    ids[i] = b;
    counts[b]++;
  }
  for (let i = 0; i < ps.length; i++) {
    const h = ps[i] * (n - 1);
    const k = Math.floor(h);
    const frac = h - k;
    out[i] = orderStatistics(values, n, k, frac > 0 && k + 1 < n ? frac : 0, scratch);
  }
}

/** a[k] + frac·(a[k+1] − a[k]) for the sorted values a, using the bucket ids. */
function orderStatistics(values: FloatArray, n: number, k: number, frac: number, scratch: PercentileScratch): number {
  const { counts, ids, bucket } = scratch;
  let b = 0;
  let before = 0;
  while (before + counts[b] <= k) before += counts[b++];
  let m = 0;
  for (let i = 0; i < n; i++) if (ids[i] === b) bucket[m++] = values[i];
  const r = k - before;
  select(bucket, 0, m - 1, r);
  const low = bucket[r];
  if (frac === 0) return low;
  let high: number;
  if (r + 1 < m) {
    high = minOf(bucket, r + 1, m - 1);
  } else {
    // The next order statistic is the smallest value of the next non-empty bucket.
    let next = b + 1;
    while (counts[next] === 0) next++;
    high = Infinity;
    for (let i = 0; i < n; i++) if (ids[i] === next && values[i] < high) high = values[i];
  }
  return low + frac * (high - low);
}
