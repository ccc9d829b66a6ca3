import { allocFloat, type DType, type FloatArray } from './floatArray.ts';
import type { Rng } from './rng.ts';

/**
 * "Noisy BN" (Santurkar, Tsipras, Ilyas & Madry, 2018, §2.1): after BN, inject noise with a non-zero mean
 * and a non-unit variance that changes every step, so that each unit's input distribution keeps shifting.
 * Per unit j and step: μ_j ~ U(−n_μ, n_μ), σ_j ~ U(1, n_σ). Per sample i: m_ij ~ U(μ_j − r_μ, μ_j + r_μ),
 * s_ij ~ N(σ_j, r_σ). Then a_ij ← s_ij·a_ij + m_ij. The backward pass treats s as a constant.
 */
export const NOISE = {
  /** n_μ: range of the per-unit mean shift. */
  meanRange: 0.5,
  /** n_σ: upper end of the per-unit scale. */
  scaleMax: 1.25,
  /** r_μ: spread of each sample's shift around its unit's. */
  sampleMeanSpread: 0.1,
  /** r_σ: standard deviation of each sample's scale around its unit's. */
  sampleScaleStd: 0.1,
} as const;

/** One noisy layer's per-unit draw of the current step (kept with the model, so probes can read it). */
export interface UnitNoise {
  readonly n: number;
  /** [n] μ_j of the last step. */
  readonly shift: Float64Array;
  /** [n] σ_j of the last step. */
  readonly scale: Float64Array;
}

/** One noisy layer's per-sample values for a training batch (kept with the workspace). */
export interface SampleNoise {
  /** [batchSize, n] s_ij of the last training batch. */
  readonly scale: FloatArray;
  /** [batchSize, n] m_ij of the last training batch. */
  readonly shift: FloatArray;
}

/** Per-unit noise over n units; until the first draw it is the identity. */
export function createUnitNoise(n: number): UnitNoise {
  return { n, shift: new Float64Array(n), scale: new Float64Array(n).fill(1) };
}

/** Per-sample noise for batches of up to batchSize rows over n units; until the first draw it is the identity. */
export function createSampleNoise(dtype: DType, n: number, batchSize: number): SampleNoise {
  return { scale: allocFloat(dtype, batchSize * n).fill(1), shift: allocFloat(dtype, batchSize * n) };
}

/** Draws a new step's noise for `rows` samples: units first, then samples row by row. */
export function drawBnNoise(unit: UnitNoise, sample: SampleNoise, rng: Rng, rows: number): void {
  const { n } = unit;
  for (let j = 0; j < n; j++) {
    unit.shift[j] = rng.range(-NOISE.meanRange, NOISE.meanRange);
    unit.scale[j] = rng.range(1, NOISE.scaleMax);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      sample.shift[k] = rng.range(unit.shift[j] - NOISE.sampleMeanSpread, unit.shift[j] + NOISE.sampleMeanSpread);
      sample.scale[k] = unit.scale[j] + NOISE.sampleScaleStd * rng.normal();
    }
  }
}

/** a ← s·a + m over `rows` samples of `n` units, in place. */
export function applyBnNoise(sample: SampleNoise, a: FloatArray, rows: number, n: number): void {
  const { scale, shift } = sample;
  const count = rows * n;
  for (let k = 0; k < count; k++) a[k] = scale[k] * a[k] + shift[k];
}

/**
 * a ← σ_j·a + μ_j: the current step's shift without the per-sample jitter, for probe passes. It shows the
 * shifted distribution the next layer sees without drawing from the training noise's generator.
 */
export function applyUnitShift(unit: UnitNoise, a: FloatArray, rows: number): void {
  const { n, scale, shift } = unit;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < n; j++) a[i * n + j] = scale[j] * a[i * n + j] + shift[j];
  }
}

/** ∂L/∂a_before = s·∂L/∂a_after over `rows` samples of `n` units, in place (s is a constant). */
export function bnNoiseBackward(sample: SampleNoise, grad: FloatArray, rows: number, n: number): void {
  const { scale } = sample;
  const count = rows * n;
  for (let k = 0; k < count; k++) grad[k] *= scale[k];
}
