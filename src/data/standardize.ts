import type { Dataset, Split } from './dataset.ts';

/** Per-feature mean and standard deviation, fitted on a training set. */
export interface Standardizer {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/**
 * Fits per-feature mean and std on `train`. A feature that never varies (MNIST's border pixels) gets
 * std 1, so it maps to 0 instead of dividing by zero.
 */
export function fitStandardizer(train: Dataset): Standardizer {
  const { x, count, nIn } = train;
  const mean = new Float64Array(nIn);
  const std = new Float64Array(nIn);
  for (let i = 0; i < count; i++) for (let k = 0; k < nIn; k++) mean[k] += x[i * nIn + k];
  for (let k = 0; k < nIn; k++) mean[k] /= count;
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < nIn; k++) {
      const d = x[i * nIn + k] - mean[k];
      std[k] += d * d;
    }
  }
  for (let k = 0; k < nIn; k++) {
    const s = Math.sqrt(std[k] / count);
    std[k] = s > 1e-8 ? s : 1;
  }
  return { mean, std };
}

/** A copy of `data` with every feature mapped to (x − mean)/std. */
export function applyStandardizer(data: Dataset, s: Standardizer): Dataset {
  const { nIn } = data;
  const x = new Float32Array(data.x.length);
  for (let i = 0; i < data.count; i++) {
    for (let k = 0; k < nIn; k++) x[i * nIn + k] = (data.x[i * nIn + k] - s.mean[k]) / s.std[k];
  }
  return { ...data, name: `${data.name}-standardized`, x };
}

/** Standardizes both parts of a split with statistics fitted on the training part only. */
export function standardizeSplit(split: Split): Split {
  const s = fitStandardizer(split.train);
  return { train: applyStandardizer(split.train, s), test: applyStandardizer(split.test, s) };
}
