import { allocFloat, type DType, type FloatArray } from './floatArray.ts';

/**
 * Layer normalization (Ba, Kiros & Hinton, 2016) over n units: each sample is normalized over its own
 * units, so there are no batch statistics, no running averages, and batch size 1 works. γ and β are learned
 * per unit, as in torch.nn.LayerNorm(n).
 */
export interface LayerNormParams {
  readonly n: number;
  /** ε added to each sample's variance. */
  readonly eps: number;
  /** [n], starts at 1. */
  readonly gamma: FloatArray;
  /** [n], starts at 0. */
  readonly beta: FloatArray;
  /** [n] */
  readonly gradGamma: FloatArray;
  /** [n] */
  readonly gradBeta: FloatArray;
}

/** What the forward pass leaves for the backward pass: per sample, not per unit. */
export interface LayerNormCache {
  /** [batchSize, n] normalized input x̂. */
  readonly xhat: FloatArray;
  /** [batchSize] each sample's mean over its units. */
  readonly mean: FloatArray;
  /** [batchSize] each sample's biased variance over its units. */
  readonly variance: FloatArray;
  /** [batchSize] 1/√(variance + ε). */
  readonly invStd: FloatArray;
}

/** A layer norm over n units with γ = 1 and β = 0. */
export function createLayerNorm(dtype: DType, n: number, eps: number): LayerNormParams {
  return {
    n,
    eps,
    gamma: allocFloat(dtype, n).fill(1),
    beta: allocFloat(dtype, n),
    gradGamma: allocFloat(dtype, n),
    gradBeta: allocFloat(dtype, n),
  };
}

/** The cache for batches of up to batchSize rows. */
export function createLayerNormCache(dtype: DType, n: number, batchSize: number): LayerNormCache {
  return {
    xhat: allocFloat(dtype, batchSize * n),
    mean: allocFloat(dtype, batchSize),
    variance: allocFloat(dtype, batchSize),
    invStd: allocFloat(dtype, batchSize),
  };
}

/**
 * x: [rows, n] → y: [rows, n], y = γ·(x − μ_r)/√(σ²_r + ε) + β with μ_r and σ²_r (biased) of each row r.
 * The same in training and inference.
 */
export function layerNormForward(p: LayerNormParams, x: FloatArray, y: FloatArray, cache: LayerNormCache, rows: number): void {
  const { n, eps, gamma, beta } = p;
  const { xhat, mean, variance, invStd } = cache;
  for (let r = 0; r < rows; r++) {
    const row = r * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += x[row + j];
    const mu = sum / n;
    let sq = 0;
    for (let j = 0; j < n; j++) {
      const dev = x[row + j] - mu;
      sq += dev * dev;
    }
    const inv = 1 / Math.sqrt(sq / n + eps);
    mean[r] = mu;
    variance[r] = sq / n;
    invStd[r] = inv;
    for (let j = 0; j < n; j++) {
      const h = (x[row + j] - mu) * inv;
      xhat[row + j] = h;
      y[row + j] = gamma[j] * h + beta[j];
    }
  }
}

/**
 * Backward of layerNormForward given gradY: [rows, n]: writes gradGamma, gradBeta (overwriting) and
 * gradX: [rows, n] = (1/σ_r)·(ĝ − mean_j ĝ − x̂·mean_j(ĝ·x̂)) per row, where ĝ = γ·gradY.
 */
export function layerNormBackward(p: LayerNormParams, gradY: FloatArray, cache: LayerNormCache, gradX: FloatArray, rows: number): void {
  const { n, gamma, gradGamma, gradBeta } = p;
  const { xhat, invStd } = cache;
  gradGamma.fill(0);
  gradBeta.fill(0);
  const invN = 1 / n;
  for (let r = 0; r < rows; r++) {
    const row = r * n;
    let sumG = 0;
    let sumGX = 0;
    for (let j = 0; j < n; j++) {
      const g = gradY[row + j];
      gradGamma[j] += g * xhat[row + j];
      gradBeta[j] += g;
      const gh = g * gamma[j];
      sumG += gh;
      sumGX += gh * xhat[row + j];
    }
    const inv = invStd[r];
    for (let j = 0; j < n; j++) {
      gradX[row + j] = inv * (gradY[row + j] * gamma[j] - invN * (sumG + xhat[row + j] * sumGX));
    }
  }
}
