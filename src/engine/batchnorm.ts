import { allocFloat, type DType, type FloatArray } from './floatArray.ts';

/** What every normalization learns over n units: γ and β of y = γ·x̂ + β, and their gradients. */
export interface AffineParams {
  readonly n: number;
  /** ε added to the denominator's square (BN, layer norm) or to the ℓp scale. */
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

/** What BN's and ℓp BN's shared kernels read of a cache: x̂: [batchSize, n], and the centre and 1/denominator: [n]. */
export interface CenteredCache {
  readonly xhat: FloatArray;
  readonly mean: FloatArray;
  readonly invStd: FloatArray;
}

/** A batch-norm layer over n units: learned γ, β and the statistics used at inference. */
export interface BatchNormParams extends AffineParams {
  /** Running-average momentum m, PyTorch convention: r ← (1−m)·r + m·batchStat. */
  readonly momentum: number;
  /** [n] exponential moving average of batch means; starts at 0. */
  readonly runningMean: FloatArray;
  /** [n] exponential moving average of unbiased batch variances; starts at 1. */
  readonly runningVar: FloatArray;
  /** [n] E_B[μ_B] over a pass of the training set (BN paper, Alg. 2). */
  readonly populationMean: FloatArray;
  /** [n] m/(m−1)·E_B[σ²_B] over the same pass. */
  readonly populationVar: FloatArray;
  /** [n] sums of batch means during a population pass. */
  readonly popSumMean: FloatArray;
  /** [n] sums of unbiased batch variances during a population pass. */
  readonly popSumVar: FloatArray;
  /** How many batches the current population pass has seen. */
  popBatches: number;
  /** Whether populationMean/populationVar hold a finished pass. */
  hasPopulation: boolean;
}

/** Per-batch-size values one forward pass leaves behind for the backward pass and the probes. */
export interface BatchNormCache extends CenteredCache {
  /** [batchSize, n] normalized input x̂. */
  readonly xhat: FloatArray;
  /** [n] the mean that was subtracted (batch mean in batch mode). */
  readonly mean: FloatArray;
  /** [n] the variance that was used (biased batch variance in batch mode). */
  readonly variance: FloatArray;
  /** [n] 1/√(variance + ε). */
  readonly invStd: FloatArray;
}

/** A batch-norm layer over n units with γ = 1, β = 0, running mean 0 and running variance 1. */
export function createBatchNorm(dtype: DType, n: number, eps: number, momentum: number): BatchNormParams {
  const p: BatchNormParams = {
    n,
    eps,
    momentum,
    gamma: allocFloat(dtype, n).fill(1),
    beta: allocFloat(dtype, n),
    gradGamma: allocFloat(dtype, n),
    gradBeta: allocFloat(dtype, n),
    runningMean: allocFloat(dtype, n),
    runningVar: allocFloat(dtype, n).fill(1),
    populationMean: allocFloat(dtype, n),
    populationVar: allocFloat(dtype, n).fill(1),
    popSumMean: allocFloat(dtype, n),
    popSumVar: allocFloat(dtype, n),
    popBatches: 0,
    hasPopulation: false,
  };
  return p;
}

/** The cache for a batch of batchSize rows. */
export function createBatchNormCache(dtype: DType, n: number, batchSize: number): BatchNormCache {
  return {
    xhat: allocFloat(dtype, batchSize * n),
    mean: allocFloat(dtype, n),
    variance: allocFloat(dtype, n),
    invStd: allocFloat(dtype, n),
  };
}

/**
 * Training-mode transform (BN paper, Alg. 1) of x: [batchSize, n] into y: [batchSize, n], with the
 * batch mean and biased batch variance per unit. Leaves them, x̂ and 1/√(σ²+ε) in the cache.
 */
export function batchNormForwardBatch(p: BatchNormParams, x: FloatArray, y: FloatArray, cache: BatchNormCache, batchSize: number): void {
  const { n } = p;
  const { mean, variance } = cache;
  // Column by column with the sums in locals: double-precision accumulation whatever the array type,
  // and one store per unit instead of one per element. Two passes (mean, then squared deviations)
  // avoid the cancellation of E[x²] − E[x]².
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let i = 0, at = j; i < batchSize; i++, at += n) sum += x[at];
    const mu = sum / batchSize;
    let sq = 0;
    for (let i = 0, at = j; i < batchSize; i++, at += n) {
      const dev = x[at] - mu;
      sq += dev * dev;
    }
    mean[j] = mu;
    variance[j] = sq / batchSize;
  }
  normalize(p, x, y, cache, batchSize);
}

/** Inference-mode transform of x into y with fixed statistics (running or population) per unit. */
export function batchNormForwardFixed(
  p: BatchNormParams,
  x: FloatArray,
  y: FloatArray,
  cache: BatchNormCache,
  batchSize: number,
  fixedMean: FloatArray,
  fixedVar: FloatArray,
): void {
  cache.mean.set(fixedMean);
  cache.variance.set(fixedVar);
  normalize(p, x, y, cache, batchSize);
}

function normalize(p: BatchNormParams, x: FloatArray, y: FloatArray, cache: BatchNormCache, batchSize: number): void {
  const { invStd, variance } = cache;
  for (let j = 0; j < p.n; j++) invStd[j] = 1 / Math.sqrt(variance[j] + p.eps);
  batchNormApply(p, x, y, cache, batchSize);
}

/**
 * y = γ·(x − mean)·invStd + β for x: [batchSize, n], with mean and invStd already in the cache; leaves x̂
 * there. Shared by BN and ℓp BN, which differ only in how they fill invStd.
 */
export function batchNormApply(p: AffineParams, x: FloatArray, y: FloatArray, cache: CenteredCache, batchSize: number): void {
  const { n, gamma, beta } = p;
  const { xhat, mean, invStd } = cache;
  for (let i = 0; i < batchSize; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      const h = (x[row + j] - mean[j]) * invStd[j];
      xhat[row + j] = h;
      y[row + j] = gamma[j] * h + beta[j];
    }
  }
}

/**
 * Backward of the transform, given gradY: [batchSize, n]. Writes gradGamma and gradBeta (overwriting) and
 * gradX: [batchSize, n]. With batch statistics the gradient flows through μ_B and σ²_B too, which is why
 * a constant shift of x (a bias before BN) gets exactly zero gradient.
 */
export function batchNormBackward(
  p: BatchNormParams,
  gradY: FloatArray,
  cache: BatchNormCache,
  gradX: FloatArray,
  batchSize: number,
  usedBatchStats: boolean,
): void {
  const { n, gamma, gradGamma, gradBeta } = p;
  const { xhat, invStd } = cache;
  normParamGrads(p, gradY, cache, batchSize);
  if (!usedBatchStats) {
    fixedStatsGradX(p, gradY, cache, gradX, batchSize);
    return;
  }
  // dx = γ/(m·σ) · (m·dy − Σdy − x̂·Σ(dy·x̂))
  const invBatch = 1 / batchSize;
  for (let i = 0; i < batchSize; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      gradX[row + j] = gamma[j] * invStd[j] * (gradY[row + j] - invBatch * (gradBeta[j] + xhat[row + j] * gradGamma[j]));
    }
  }
}

/** γ and β gradients of a transform y = γ·x̂ + β (BN and ℓp BN): Σ gradY·x̂ and Σ gradY per unit, overwriting. */
export function normParamGrads(p: AffineParams, gradY: FloatArray, cache: CenteredCache, rows: number): void {
  const { n, gradGamma, gradBeta } = p;
  const { xhat } = cache;
  for (let j = 0; j < n; j++) {
    let sumG = 0;
    let sumGX = 0;
    for (let i = 0, at = j; i < rows; i++, at += n) {
      const g = gradY[at];
      sumG += g;
      sumGX += g * xhat[at];
    }
    gradBeta[j] = sumG;
    gradGamma[j] = sumGX;
  }
}

/** gradX with fixed (running or population) statistics: the transform is affine per unit, gradX = gradY·γ/d. */
export function fixedStatsGradX(p: AffineParams, gradY: FloatArray, cache: CenteredCache, gradX: FloatArray, rows: number): void {
  const { n, gamma } = p;
  const { invStd } = cache;
  for (let i = 0; i < rows; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) gradX[row + j] = gradY[row + j] * gamma[j] * invStd[j];
  }
}

/**
 * Moves the running averages toward this batch's statistics, r ← (1−m)·r + m·stat, with the unbiased
 * variance σ²_B·B/(B−1) (for B = 1 the variance is 0 and stays biased: there is nothing to unbias).
 */
export function batchNormUpdateRunning(p: BatchNormParams, cache: BatchNormCache, batchSize: number): void {
  const { n, momentum, runningMean, runningVar } = p;
  const unbias = batchSize > 1 ? batchSize / (batchSize - 1) : 1;
  for (let j = 0; j < n; j++) {
    runningMean[j] = (1 - momentum) * runningMean[j] + momentum * cache.mean[j];
    runningVar[j] = (1 - momentum) * runningVar[j] + momentum * cache.variance[j] * unbias;
  }
}

/** Starts a population pass: forgets the sums of any earlier pass. */
export function batchNormBeginPopulation(p: BatchNormParams): void {
  p.popSumMean.fill(0);
  p.popSumVar.fill(0);
  p.popBatches = 0;
}

/** Adds this batch's mean and unbiased variance to the population pass. */
export function batchNormAccumulatePopulation(p: BatchNormParams, cache: BatchNormCache, batchSize: number): void {
  const unbias = batchSize > 1 ? batchSize / (batchSize - 1) : 1;
  for (let j = 0; j < p.n; j++) {
    p.popSumMean[j] += cache.mean[j];
    p.popSumVar[j] += cache.variance[j] * unbias;
  }
  p.popBatches++;
}

/** Ends a population pass: E[x] = E_B[μ_B], Var[x] = E_B[m/(m−1)·σ²_B] (BN paper, Alg. 2). */
export function batchNormEndPopulation(p: BatchNormParams): void {
  if (p.popBatches === 0) throw new Error('population pass saw no batches');
  for (let j = 0; j < p.n; j++) {
    p.populationMean[j] = p.popSumMean[j] / p.popBatches;
    p.populationVar[j] = p.popSumVar[j] / p.popBatches;
  }
  p.hasPopulation = true;
}
