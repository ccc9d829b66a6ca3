import type { ActivationName } from '../engine/activations.ts';
import type { FloatArray } from '../engine/floatArray.ts';
import type { HistogramBins } from './snapshot.ts';

/**
 * Fixed bins for the inputs to each nonlinearity: wide enough to show sigmoid's saturated tails (|x| > 4)
 * and tanh's (|x| > 2) with room on either side; relu and linear get a symmetric window around 0.
 */
export function binsFor(activation: ActivationName): HistogramBins {
  switch (activation) {
    case 'sigmoid':
      return { lo: -10, hi: 10, count: 50 };
    case 'tanh':
      return { lo: -5, hi: 5, count: 50 };
    case 'relu':
    case 'linear':
      return { lo: -5, hi: 5, count: 50 };
  }
}

/**
 * Fixed bins for z = xW + b, the input to a normalization: nothing holds it to a scale (on bn-paper at lr 10,
 * BN-before's z spans about ±60 while the sigmoid's input stays within ±15), so twice the span of binsFor at
 * the same bin width, edges aligned with its bins, locked for the run so its histograms compare.
 */
export function zBinsFor(activation: ActivationName): HistogramBins {
  const { lo, hi, count } = binsFor(activation);
  return { lo: 2 * lo, hi: 2 * hi, count: 2 * count };
}

/**
 * Adds the first n values to out: [bins.count] as shares of n (values beyond the range land in the edge
 * bins, so nothing is lost from view). Overwrites out.
 */
export function histogramInto(values: FloatArray, n: number, bins: HistogramBins, out: Float32Array, offset = 0): void {
  const { lo, hi, count } = bins;
  out.fill(0, offset, offset + count);
  const scale = count / (hi - lo);
  const share = 1 / n;
  for (let i = 0; i < n; i++) {
    let b = Math.floor((values[i] - lo) * scale);
    if (b < 0) b = 0;
    else if (b >= count) b = count - 1;
    out[offset + b] += share;
  }
}
