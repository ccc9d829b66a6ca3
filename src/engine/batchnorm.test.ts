import { describe, expect, it } from 'vitest';
import {
  batchNormAccumulatePopulation,
  batchNormBackward,
  batchNormBeginPopulation,
  batchNormEndPopulation,
  batchNormForwardBatch,
  batchNormForwardFixed,
  batchNormUpdateRunning,
  createBatchNorm,
  createBatchNormCache,
} from './batchnorm.ts';
import { checkGradient } from './gradcheck.ts';
import { Rng } from './rng.ts';
import { randomMatrix } from './testHelpers.ts';

const batchSize = 6;
const n = 4;

function setup() {
  const rng = new Rng(21);
  const p = createBatchNorm('float64', n, 1e-5, 0.1);
  for (let j = 0; j < n; j++) {
    p.gamma[j] = 0.5 + rng.uniform();
    p.beta[j] = rng.range(-1, 1);
    p.runningMean[j] = rng.range(-1, 1);
    p.runningVar[j] = 0.5 + rng.uniform();
  }
  const cache = createBatchNormCache('float64', n, batchSize);
  // Unit j has mean ≈ 3j and scale j + 1, so the statistics differ per unit.
  const x = randomMatrix(rng, batchSize, n).map((v, i) => 3 * (i % n) + ((i % n) + 1) * v);
  const y = new Float64Array(batchSize * n);
  const weights = randomMatrix(rng, batchSize, n);
  return { p, cache, x, y, weights };
}

function columnStats(values: Float64Array, j: number) {
  let mean = 0;
  for (let i = 0; i < batchSize; i++) mean += values[i * n + j] / batchSize;
  let variance = 0;
  for (let i = 0; i < batchSize; i++) variance += (values[i * n + j] - mean) ** 2 / batchSize;
  return { mean, variance };
}

describe('batch norm, training mode', () => {
  it('gives each unit the mean β and the variance γ² (up to ε)', () => {
    const { p, cache, x, y } = setup();
    batchNormForwardBatch(p, x, y, cache, batchSize);
    for (let j = 0; j < n; j++) {
      const input = columnStats(x, j);
      const output = columnStats(y, j);
      expect(cache.mean[j]).toBeCloseTo(input.mean, 12);
      expect(cache.variance[j]).toBeCloseTo(input.variance, 12);
      expect(output.mean).toBeCloseTo(p.beta[j], 10);
      const expectedVar = (p.gamma[j] ** 2 * input.variance) / (input.variance + p.eps);
      expect(output.variance).toBeCloseTo(expectedVar, 10);
      expect(output.variance / p.gamma[j] ** 2).toBeGreaterThan(0.9999);
    }
  });

  it('has γ, β and input gradients that match finite differences', () => {
    const { p, cache, x, y, weights } = setup();
    const loss = () => {
      batchNormForwardBatch(p, x, y, cache, batchSize);
      return y.reduce((acc, v, i) => acc + v * weights[i] * v, 0);
    };
    loss();
    const gradY = y.map((v, i) => 2 * v * weights[i]);
    const gradX = new Float64Array(x.length);
    batchNormBackward(p, gradY, cache, gradX, batchSize, true);
    for (const [value, grad] of [
      [p.gamma, p.gradGamma],
      [p.beta, p.gradBeta],
      [x, gradX],
    ] as const) {
      expect(checkGradient(value, Float64Array.from(grad), loss).maxRelError).toBeLessThan(1e-6);
    }
  });

  it('gives a constant shift of its input (a bias before BN) zero gradient', () => {
    const { p, cache, x, y, weights } = setup();
    batchNormForwardBatch(p, x, y, cache, batchSize);
    const gradX = new Float64Array(x.length);
    batchNormBackward(p, weights, cache, gradX, batchSize, true);
    for (let j = 0; j < n; j++) {
      const biasGrad = Array.from({ length: batchSize }, (_, i) => gradX[i * n + j]).reduce((a, v) => a + v, 0);
      expect(Math.abs(biasGrad)).toBeLessThan(1e-9);
    }
  });

  it('outputs β for every row of a batch of one', () => {
    const p = createBatchNorm('float64', 2, 1e-5, 0.1);
    p.beta.set([0.25, -3]);
    const cache = createBatchNormCache('float64', 2, 1);
    const y = new Float64Array(2);
    batchNormForwardBatch(p, Float64Array.from([7, -1]), y, cache, 1);
    expect(Array.from(y)).toEqual([0.25, -3]);
  });
});

describe('batch norm, inference', () => {
  it('is a fixed affine map per unit with the given statistics, with matching gradients', () => {
    const { p, cache, x, y, weights } = setup();
    const loss = () => {
      batchNormForwardFixed(p, x, y, cache, batchSize, p.runningMean, p.runningVar);
      return y.reduce((acc, v, i) => acc + v * weights[i], 0);
    };
    loss();
    for (let i = 0; i < batchSize; i++) {
      for (let j = 0; j < n; j++) {
        const expected = (p.gamma[j] * (x[i * n + j] - p.runningMean[j])) / Math.sqrt(p.runningVar[j] + p.eps) + p.beta[j];
        expect(y[i * n + j]).toBeCloseTo(expected, 12);
      }
    }
    const gradX = new Float64Array(x.length);
    batchNormBackward(p, weights, cache, gradX, batchSize, false);
    for (const [value, grad] of [
      [p.gamma, p.gradGamma],
      [p.beta, p.gradBeta],
      [x, gradX],
    ] as const) {
      expect(checkGradient(value, Float64Array.from(grad), loss).maxRelError).toBeLessThan(1e-6);
    }
  });

  it('moves running averages by momentum toward the batch mean and unbiased variance', () => {
    const { p, cache, x, y } = setup();
    const before = { mean: Float64Array.from(p.runningMean), variance: Float64Array.from(p.runningVar) };
    batchNormForwardBatch(p, x, y, cache, batchSize);
    batchNormUpdateRunning(p, cache, batchSize);
    for (let j = 0; j < n; j++) {
      const { mean, variance } = columnStats(x, j);
      expect(p.runningMean[j]).toBeCloseTo(0.9 * before.mean[j] + 0.1 * mean, 12);
      expect(p.runningVar[j]).toBeCloseTo(0.9 * before.variance[j] + 0.1 * variance * (batchSize / (batchSize - 1)), 12);
    }
  });

  it('takes population statistics as the mean of batch means and m/(m−1) times the mean batch variance', () => {
    const { p, cache, y } = setup();
    const rng = new Rng(4);
    const batches = [0, 1, 2].map(() => randomMatrix(rng, batchSize, n, 2));
    batchNormBeginPopulation(p);
    for (const b of batches) {
      batchNormForwardBatch(p, b, y, cache, batchSize);
      batchNormAccumulatePopulation(p, cache, batchSize);
    }
    batchNormEndPopulation(p);
    expect(p.hasPopulation).toBe(true);
    for (let j = 0; j < n; j++) {
      const stats = batches.map((b) => columnStats(b, j));
      const mean = stats.reduce((a, s) => a + s.mean, 0) / 3;
      const variance = ((batchSize / (batchSize - 1)) * stats.reduce((a, s) => a + s.variance, 0)) / 3;
      expect(p.populationMean[j]).toBeCloseTo(mean, 12);
      expect(p.populationVar[j]).toBeCloseTo(variance, 12);
    }
  });
});
