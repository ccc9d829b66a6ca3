import { describe, expect, it } from 'vitest';
import { batchNormBackward, batchNormForwardBatch, createBatchNorm, createBatchNormCache, type AffineParams } from './batchnorm.ts';
import { checkGradient } from './gradcheck.ts';
import {
  createLpBatchNorm,
  createLpBatchNormCache,
  lpBatchNormBackward,
  lpBatchNormForwardBatch,
  lpBatchNormForwardFixed,
  lpBatchNormUpdateRunning,
  type LpOrder,
} from './lpBatchNorm.ts';
import { Rng } from './rng.ts';
import { randomMatrix } from './testHelpers.ts';

const rows = 6;
const n = 4;
const ORDERS: readonly LpOrder[] = [1, 2, 'inf'];

/** ℓp BN's parameters and cache, with γ, β, x and loss weights drawn from seed. */
function setup(seed = 21) {
  return draw(seed, createLpBatchNorm('float64', n, 1e-5, 0.1), createLpBatchNormCache('float64', n, rows));
}

/** The same draws for plain BN's parameters and cache. */
function plainBnSetup(seed: number) {
  return draw(seed, createBatchNorm('float64', n, 1e-5, 0.1), createBatchNormCache('float64', n, rows));
}

function draw<P extends AffineParams, C>(seed: number, p: P, cache: C) {
  const rng = new Rng(seed);
  for (let j = 0; j < n; j++) {
    p.gamma[j] = 0.5 + rng.uniform();
    p.beta[j] = rng.range(-1, 1);
  }
  // Distinct per-unit means and scales; continuous values, so |c| has no ties (ℓ∞'s max is unique).
  const x = randomMatrix(rng, rows, n).map((v, i) => 3 * (i % n) + ((i % n) + 1) * v);
  const y = new Float64Array(rows * n);
  const weights = randomMatrix(rng, rows, n);
  return { p, cache, x, y, weights };
}

const column = (a: ArrayLike<number>, j: number) => Array.from({ length: rows }, (_, i) => a[i * n + j]);

describe('ℓp batch norm', () => {
  for (const order of ORDERS) {
    it(`ℓ${order === 'inf' ? '∞' : order}: γ, β and input gradients match finite differences`, () => {
      const { p, cache, x, y, weights } = setup();
      const loss = () => {
        lpBatchNormForwardBatch(order, p, x, y, cache, rows);
        return y.reduce((acc, v, i) => acc + v * weights[i] * v, 0);
      };
      loss();
      const gradY = y.map((v, i) => 2 * v * weights[i]);
      const gradX = new Float64Array(x.length);
      lpBatchNormBackward(order, p, gradY, cache, gradX, rows, true);
      for (const [value, grad] of [
        [p.gamma, p.gradGamma],
        [p.beta, p.gradBeta],
        [x, gradX],
      ] as const) {
        // h small enough that no |c| changes sign or overtakes the largest (the ℓ1 and ℓ∞ kinks).
        expect(checkGradient(value, Float64Array.from(grad), loss, { h: 1e-5 }).maxRelError).toBeLessThan(1e-6);
      }
    });

    it(`ℓ${order === 'inf' ? '∞' : order}: centers every unit and gives a constant shift of its input zero gradient`, () => {
      const { p, cache, x, y, weights } = setup(5);
      lpBatchNormForwardBatch(order, p, x, y, cache, rows);
      const gradX = new Float64Array(x.length);
      lpBatchNormBackward(order, p, weights, cache, gradX, rows, true);
      for (let j = 0; j < n; j++) {
        expect(column(cache.xhat, j).reduce((a, v) => a + v, 0)).toBeCloseTo(0, 10);
        expect(Math.abs(column(gradX, j).reduce((a, v) => a + v, 0))).toBeLessThan(1e-9);
      }
    });
  }

  it('normalizes each unit to unit scale in its own norm', () => {
    const { p, cache, x, y } = setup(8);
    lpBatchNormForwardBatch(1, p, x, y, cache, rows);
    for (let j = 0; j < n; j++) expect(column(cache.xhat, j).reduce((a, v) => a + Math.abs(v), 0) / rows).toBeCloseTo(1, 4);
    lpBatchNormForwardBatch('inf', p, x, y, cache, rows);
    for (let j = 0; j < n; j++) expect(Math.max(...column(cache.xhat, j).map(Math.abs))).toBeCloseTo(1, 4);
  });

  it('ℓ2 is BN’s transform and gradient exactly', () => {
    const a = setup(3);
    const b = plainBnSetup(3);
    lpBatchNormForwardBatch(2, a.p, a.x, a.y, a.cache, rows);
    batchNormForwardBatch(b.p, b.x, b.y, b.cache, rows);
    Array.from(a.y).forEach((v, i) => expect(v).toBeCloseTo(b.y[i], 12));
    const gradA = new Float64Array(a.x.length);
    const gradB = new Float64Array(b.x.length);
    lpBatchNormBackward(2, a.p, a.weights, a.cache, gradA, rows, true);
    batchNormBackward(b.p, b.weights, b.cache, gradB, rows, true);
    Array.from(gradA).forEach((v, i) => expect(v).toBeCloseTo(gradB[i], 12));
  });

  it('keeps running averages of the mean and the ℓp scale for inference, where the batch no longer matters', () => {
    const { p, cache, x, y } = setup(4);
    lpBatchNormForwardBatch(1, p, x, y, cache, rows);
    lpBatchNormUpdateRunning(p, cache);
    for (let j = 0; j < n; j++) {
      expect(p.runningMean[j]).toBeCloseTo(0.1 * cache.mean[j], 12);
      expect(p.runningScale[j]).toBeCloseTo(0.9 + 0.1 * cache.scale[j], 12);
    }
    // With fixed statistics a row's output is the same alone as in its batch.
    const alone = new Float64Array(n);
    lpBatchNormForwardFixed(1, p, x, y, cache, rows, p.runningMean, p.runningScale);
    lpBatchNormForwardFixed(1, p, x.subarray(0, n), alone, createLpBatchNormCache('float64', n, 1), 1, p.runningMean, p.runningScale);
    Array.from(alone).forEach((v, j) => expect(v).toBeCloseTo(y[j], 12));
  });
});
