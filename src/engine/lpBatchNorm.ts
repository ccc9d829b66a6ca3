import { batchNormApply, fixedStatsGradX, normParamGrads, type AffineParams, type CenteredCache } from './batchnorm.ts';
import { allocFloat, type DType, type FloatArray } from './floatArray.ts';

/** The ℓp norms Santurkar et al. (2018, §3.3) normalize by instead of the standard deviation. */
export type LpOrder = 1 | 2 | 'inf';

/** An ℓp batch-norm layer over n units: learned γ, β and the mean and ℓp scale used at inference. */
export interface LpBatchNormParams extends AffineParams {
  /** Running-average momentum m, PyTorch convention: r ← (1−m)·r + m·batchStat. */
  readonly momentum: number;
  /** [n] exponential moving average of batch means; starts at 0. */
  readonly runningMean: FloatArray;
  /** [n] exponential moving average of batch ℓp scales s_p; starts at 1. */
  readonly runningScale: FloatArray;
  /** [n] E_B[μ_B] over a pass of the training set. */
  readonly populationMean: FloatArray;
  /** [n] E_B[s_p] over the same pass (a scale has no unbiasing factor). */
  readonly populationScale: FloatArray;
  /** [n] sums of batch means during a population pass. */
  readonly popSumMean: FloatArray;
  /** [n] sums of batch ℓp scales during a population pass. */
  readonly popSumScale: FloatArray;
  /** How many batches the current population pass has seen. */
  popBatches: number;
  /** Whether populationMean/populationScale hold a finished pass. */
  hasPopulation: boolean;
}

/** Per-batch-size values one ℓp BN forward pass leaves behind for the backward pass and the probes. */
export interface LpBatchNormCache extends CenteredCache {
  /** [batchSize, n] normalized input x̂. */
  readonly xhat: FloatArray;
  /** [n] the mean that was subtracted (batch mean in batch mode). */
  readonly mean: FloatArray;
  /** [n] the ℓp scale s_p that was used (this batch's in batch mode). */
  readonly scale: FloatArray;
  /** [n] 1/d, the inverse denominator (the role 1/σ plays in BN). */
  readonly invStd: FloatArray;
}

/** An ℓp batch-norm layer over n units with γ = 1, β = 0, running mean 0 and running scale 1. */
export function createLpBatchNorm(dtype: DType, n: number, eps: number, momentum: number): LpBatchNormParams {
  return {
    n,
    eps,
    momentum,
    gamma: allocFloat(dtype, n).fill(1),
    beta: allocFloat(dtype, n),
    gradGamma: allocFloat(dtype, n),
    gradBeta: allocFloat(dtype, n),
    runningMean: allocFloat(dtype, n),
    runningScale: allocFloat(dtype, n).fill(1),
    populationMean: allocFloat(dtype, n),
    populationScale: allocFloat(dtype, n).fill(1),
    popSumMean: allocFloat(dtype, n),
    popSumScale: allocFloat(dtype, n),
    popBatches: 0,
    hasPopulation: false,
  };
}

/** The cache for a batch of batchSize rows. */
export function createLpBatchNormCache(dtype: DType, n: number, batchSize: number): LpBatchNormCache {
  return { xhat: allocFloat(dtype, batchSize * n), mean: allocFloat(dtype, n), scale: allocFloat(dtype, n), invStd: allocFloat(dtype, n) };
}

/**
 * The scale of unit j over a batch of m rows, with c_i = x_ij − μ_j, is the power mean of |c|:
 *   s_1 = (1/m)·Σ|c_i|,  s_2 = √((1/m)·Σc_i²) (BN's σ_B),  s_∞ = max_i |c_i|,
 * and x̂ = c/d with d = (s_p^p + ε)^(1/p) for p = 1, 2 and d = s_∞ + ε. Santurkar et al. "normalize by the
 * average of the ℓp norm"; the power mean is that average taken so that every scale is in the units of x
 * and is O(1) for O(1) inputs (γ = 1 then starts near unit scale, as in BN), ℓ2 is exactly BN's transform,
 * and ℓ∞ is the limit of the power means as p grows.
 */
export function lpScale(order: LpOrder, x: FloatArray, j: number, n: number, rows: number, mean: number): number {
  let acc = 0;
  for (let i = 0, at = j; i < rows; i++, at += n) {
    const c = Math.abs(x[at] - mean);
    if (order === 1) acc += c;
    else if (order === 2) acc += c * c;
    else if (c > acc) acc = c;
  }
  if (order === 1) return acc / rows;
  if (order === 2) return Math.sqrt(acc / rows);
  return acc;
}

/** The denominator d for a scale s: (s^p + ε)^(1/p), or s + ε for ℓ∞. */
export function lpDenominator(order: LpOrder, scale: number, eps: number): number {
  if (order === 2) return Math.sqrt(scale * scale + eps);
  return scale + eps;
}

/**
 * Training-mode ℓp BN of x: [rows, n] into y: the batch mean and ℓp scale per unit, then y = γ·x̂ + β.
 * Leaves μ, s_p, 1/d and x̂ in the cache.
 */
export function lpBatchNormForwardBatch(order: LpOrder, p: LpBatchNormParams, x: FloatArray, y: FloatArray, cache: LpBatchNormCache, rows: number): void {
  const { n } = p;
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0, at = j; i < rows; i++, at += n) sum += x[at];
    const mu = sum / rows;
    cache.mean[j] = mu;
    cache.scale[j] = lpScale(order, x, j, n, rows, mu);
  }
  lpNormalize(order, p, x, y, cache, rows);
}

/** Inference-mode ℓp BN with fixed means and scales (running or population) per unit. */
export function lpBatchNormForwardFixed(
  order: LpOrder,
  p: LpBatchNormParams,
  x: FloatArray,
  y: FloatArray,
  cache: LpBatchNormCache,
  rows: number,
  fixedMean: FloatArray,
  fixedScale: FloatArray,
): void {
  cache.mean.set(fixedMean);
  cache.scale.set(fixedScale);
  lpNormalize(order, p, x, y, cache, rows);
}

function lpNormalize(order: LpOrder, p: LpBatchNormParams, x: FloatArray, y: FloatArray, cache: LpBatchNormCache, rows: number): void {
  for (let j = 0; j < p.n; j++) cache.invStd[j] = 1 / lpDenominator(order, cache.scale[j], p.eps);
  batchNormApply(p, x, y, cache, rows);
}

/**
 * Backward of ℓp BN given gradY: [rows, n]: gradGamma, gradBeta (overwritten) and gradX. With batch
 * statistics, for ĝ = γ·gradY and c = x − μ: ∂L/∂c_i = (ĝ_i − ∂d/∂c_i · Σ_k ĝ_k·x̂_k)/d, where ∂d/∂c_i is
 * sign(c_i)/m (ℓ1), x̂_i/m (ℓ2) or sign(c_i) at the row of largest |c| and 0 elsewhere (ℓ∞, a
 * subgradient at ties); then ∂L/∂x = ∂L/∂c − mean(∂L/∂c), through μ.
 */
export function lpBatchNormBackward(
  order: LpOrder,
  p: LpBatchNormParams,
  gradY: FloatArray,
  cache: LpBatchNormCache,
  gradX: FloatArray,
  rows: number,
  usedBatchStats: boolean,
): void {
  const { n, gamma, gradGamma } = p;
  const { xhat, invStd } = cache;
  normParamGrads(p, gradY, cache, rows);
  if (!usedBatchStats) {
    fixedStatsGradX(p, gradY, cache, gradX, rows);
    return;
  }
  for (let j = 0; j < n; j++) {
    const g = gamma[j];
    const inv = invStd[j];
    // Σ ĝ·x̂ = γ·Σ gradY·x̂; the row of the largest |x̂| is the row of the largest |c| (d > 0).
    const dot = g * gradGamma[j];
    let top = 0;
    if (order === 'inf') for (let i = 1; i < rows; i++) if (Math.abs(xhat[i * n + j]) > Math.abs(xhat[top * n + j])) top = i;
    let meanGc = 0;
    for (let i = 0, at = j; i < rows; i++, at += n) {
      const h = xhat[at];
      const dd = order === 1 ? Math.sign(h) / rows : order === 2 ? h / rows : i === top ? Math.sign(h) : 0;
      const gc = (gradY[at] * g - dd * dot) * inv;
      gradX[at] = gc;
      meanGc += gc;
    }
    meanGc /= rows;
    for (let i = 0, at = j; i < rows; i++, at += n) gradX[at] -= meanGc;
  }
}

/** Moves the running averages toward this batch's mean and ℓp scale: r ← (1−m)·r + m·stat. */
export function lpBatchNormUpdateRunning(p: LpBatchNormParams, cache: LpBatchNormCache): void {
  const { n, momentum, runningMean, runningScale } = p;
  for (let j = 0; j < n; j++) {
    runningMean[j] = (1 - momentum) * runningMean[j] + momentum * cache.mean[j];
    runningScale[j] = (1 - momentum) * runningScale[j] + momentum * cache.scale[j];
  }
}

/** Starts a population pass: forgets the sums of any earlier pass. */
export function lpBatchNormBeginPopulation(p: LpBatchNormParams): void {
  p.popSumMean.fill(0);
  p.popSumScale.fill(0);
  p.popBatches = 0;
}

/** Adds this batch's mean and ℓp scale to a population pass. */
export function lpBatchNormAccumulatePopulation(p: LpBatchNormParams, cache: LpBatchNormCache): void {
  for (let j = 0; j < p.n; j++) {
    p.popSumMean[j] += cache.mean[j];
    p.popSumScale[j] += cache.scale[j];
  }
  p.popBatches++;
}

/** Ends a population pass: the mean and the ℓp scale averaged over its batches. */
export function lpBatchNormEndPopulation(p: LpBatchNormParams): void {
  if (p.popBatches === 0) throw new Error('population pass saw no batches');
  for (let j = 0; j < p.n; j++) {
    p.populationMean[j] = p.popSumMean[j] / p.popBatches;
    p.populationScale[j] = p.popSumScale[j] / p.popBatches;
  }
  p.hasPopulation = true;
}
