import { allocFloat, type DType, type FloatArray } from './floatArray.ts';
import type { Rng } from './rng.ts';

/** Noisy BN's four constants (names as in Santurkar et al., 2018, §2.1). */
export interface NoiseParams {
  /** n_μ: range of the per-unit mean shift, μ_j ~ U(−n_μ, n_μ). */
  readonly meanRange: number;
  /** n_σ: upper end of the per-unit scale, σ_j ~ U(1, n_σ). */
  readonly scaleMax: number;
  /** r_μ: spread of each sample's shift around its unit's, m_ij ~ U(μ_j − r_μ, μ_j + r_μ). */
  readonly sampleMeanSpread: number;
  /** r_σ: standard deviation of each sample's scale around its unit's, s_ij ~ N(σ_j, r_σ). */
  readonly sampleScaleStd: number;
}

/**
 * "Noisy BN" (Santurkar, Tsipras, Ilyas & Madry, 2018, §2.1): after BN, inject noise with a non-zero mean
 * and a non-unit variance that changes every step, so that each unit's input distribution keeps shifting.
 * Per unit j and step: μ_j ~ U(−n_μ, n_μ), σ_j ~ U(1, n_σ). Per sample i: m_ij ~ U(μ_j − r_μ, μ_j + r_μ),
 * s_ij ~ N(σ_j, r_σ). Then a_ij ← s_ij·a_ij + m_ij. The backward pass treats s as a constant.
 *
 * The constants are calibrated to this app's network, not the paper's. The paper's point is relative: noisy
 * BN's layer inputs shift MORE than the plain network's, yet it trains about as well as BN. Its constants
 * (PAPER_NOISE: n_μ 0.5, n_σ 1.25, r_μ = r_σ 0.1, for VGG on CIFAR-10) do not show that here. The condition
 * used: over 3,000 steps of the noisy-bn preset, noisy BN's input shift (InputShiftMeter's spread and
 * location averages) is at least 1.2× plain's on both measures, in every hidden layer, on every seed 1–5. The
 * search scaled n_μ and n_σ − 1 by k (k = 1 is the paper; r_μ, r_σ kept); layer 3's location is the
 * hardest part to meet, since plain's own drift is largest there.
 *
 * Calibration measurements (min over layers × seeds of noisy/plain, spread and location):
 * - the paper's constants (k = 1): 0.61 and 0.50, less shift than plain (layer 3 spread 0.075 against 0.12);
 * - k = 2.75: 1.40 and 1.15, not enough;
 * - chosen, k = 3 (n_μ 1.5, n_σ 1.75): 1.50 and 1.22.
 * With these, noisy BN still reaches 90% test accuracy at a median 325 steps over seeds 1–5, evaluated every
 * 25 steps (BN 250, plain 1,050). `npx tsx scripts/calibrateNoise.ts` re-measures the chosen constants;
 * `--paper`, `--k 2.75,3` or `--noise 1.5:1.75` measure others.
 */
export const NOISE: NoiseParams = Object.freeze({
  meanRange: 1.5,
  scaleMax: 1.75,
  sampleMeanSpread: 0.1,
  sampleScaleStd: 0.1,
});

/** The paper's constants (Santurkar et al., 2018, §2.1), kept for comparison and tests. */
export const PAPER_NOISE: NoiseParams = Object.freeze({ meanRange: 0.5, scaleMax: 1.25, sampleMeanSpread: 0.1, sampleScaleStd: 0.1 });

/** One noisy layer's per-unit draw of the current step (kept with the model, so probes can read it). */
export interface UnitNoise {
  readonly n: number;
  /** [n] μ_j of the last step. */
  readonly shift: Float64Array;
  /** [n] σ_j of the last step. */
  readonly scale: Float64Array;
  /** The constants the next draws use (NOISE unless a calibration sets others). */
  params: NoiseParams;
}

/** One noisy layer's per-sample values for a training batch (kept with the workspace). */
export interface SampleNoise {
  /** [batchSize, n] s_ij of the last training batch. */
  readonly scale: FloatArray;
  /** [batchSize, n] m_ij of the last training batch. */
  readonly shift: FloatArray;
}

/** Per-unit noise over n units, drawn with `params`; until the first draw it is the identity. */
export function createUnitNoise(n: number, params: NoiseParams = NOISE): UnitNoise {
  return { n, shift: new Float64Array(n), scale: new Float64Array(n).fill(1), params };
}

/** Per-sample noise for batches of up to batchSize rows over n units; until the first draw it is the identity. */
export function createSampleNoise(dtype: DType, n: number, batchSize: number): SampleNoise {
  return { scale: allocFloat(dtype, batchSize * n).fill(1), shift: allocFloat(dtype, batchSize * n) };
}

/** Draws a new step's noise for `rows` samples with unit.params: units first, then samples row by row. */
export function drawBnNoise(unit: UnitNoise, sample: SampleNoise, rng: Rng, rows: number): void {
  const { n, params } = unit;
  const { meanRange, scaleMax, sampleMeanSpread, sampleScaleStd } = params;
  for (let j = 0; j < n; j++) {
    unit.shift[j] = rng.range(-meanRange, meanRange);
    unit.scale[j] = rng.range(1, scaleMax);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      sample.shift[k] = rng.range(unit.shift[j] - sampleMeanSpread, unit.shift[j] + sampleMeanSpread);
      sample.scale[k] = unit.scale[j] + sampleScaleStd * rng.normal();
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
