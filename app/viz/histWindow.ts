import type { HistogramBins } from '../../src/experiment/index.ts';

/**
 * Re-bins one histogram of shares on `from` bins (values[offset … offset + from.count)) onto the `to` window
 * (out: [to.count]), each source bin going where its centre falls; what lies beyond the window lands in its
 * edge bins, as the worker's own histograms do. Exact when the edges align (z's bins and the nonlinearity's
 * do). Returns the share that lay beyond the window. Overwrites out.
 */
export function foldIntoWindow(values: ArrayLike<number>, offset: number, from: HistogramBins, to: HistogramBins, out: Float32Array): number {
  out.fill(0);
  const width = (from.hi - from.lo) / from.count;
  const scale = to.count / (to.hi - to.lo);
  let beyond = 0;
  for (let b = 0; b < from.count; b++) {
    const share = values[offset + b];
    if (!(share > 0)) continue;
    const centre = from.lo + (b + 0.5) * width;
    let k = Math.floor((centre - to.lo) * scale);
    if (k < 0 || k >= to.count) {
      beyond += share;
      k = k < 0 ? 0 : to.count - 1;
    }
    out[k] += share;
  }
  return beyond;
}
