import { describe, expect, it } from 'vitest';
import { checkGradient } from './gradcheck.ts';
import { createLayerNorm, createLayerNormCache, layerNormBackward, layerNormForward } from './layerNorm.ts';
import { Rng } from './rng.ts';
import { randomMatrix } from './testHelpers.ts';

const rows = 5;
const n = 6;

function setup(seed = 11) {
  const rng = new Rng(seed);
  const p = createLayerNorm('float64', n, 1e-5);
  for (let j = 0; j < n; j++) {
    p.gamma[j] = 0.5 + rng.uniform();
    p.beta[j] = rng.range(-1, 1);
  }
  const cache = createLayerNormCache('float64', n, rows);
  // Rows with different means and spreads, so every row's statistics differ.
  const x = randomMatrix(rng, rows, n).map((v, i) => 2 * Math.floor(i / n) + (1 + Math.floor(i / n)) * v);
  return { p, cache, x, y: new Float64Array(rows * n), weights: randomMatrix(rng, rows, n) };
}

const row = (a: ArrayLike<number>, r: number) => Array.from({ length: n }, (_, j) => a[r * n + j]);

describe('layer norm', () => {
  it('gives every sample mean 0 and variance 1 over its units before γ and β', () => {
    const { p, cache, x, y } = setup();
    layerNormForward(p, x, y, cache, rows);
    for (let r = 0; r < rows; r++) {
      const h = row(cache.xhat, r);
      const mean = h.reduce((a, v) => a + v, 0) / n;
      expect(mean).toBeCloseTo(0, 12);
      expect(h.reduce((a, v) => a + (v - mean) ** 2, 0) / n).toBeCloseTo(cache.variance[r] / (cache.variance[r] + p.eps), 12);
    }
  });

  it('is invariant to scaling and shifting a sample’s inputs, and needs no batch', () => {
    const { p, cache, x, y } = setup();
    layerNormForward(p, x, y, cache, rows);
    // Sample 2 alone, scaled by 7 and shifted by −3: the same output (up to ε).
    const alone = Float64Array.from(row(x, 2), (v) => 7 * v - 3);
    const out = new Float64Array(n);
    layerNormForward(p, alone, out, createLayerNormCache('float64', n, 1), 1);
    out.forEach((v, j) => expect(v).toBeCloseTo(y[2 * n + j], 5));
  });

  it('has γ, β and input gradients that match finite differences', () => {
    const { p, cache, x, y, weights } = setup(3);
    const loss = () => {
      layerNormForward(p, x, y, cache, rows);
      return y.reduce((acc, v, i) => acc + v * weights[i] * v, 0);
    };
    loss();
    const gradY = y.map((v, i) => 2 * v * weights[i]);
    const gradX = new Float64Array(x.length);
    layerNormBackward(p, gradY, cache, gradX, rows);
    for (const [value, grad] of [
      [p.gamma, p.gradGamma],
      [p.beta, p.gradBeta],
      [x, gradX],
    ] as const) {
      expect(checkGradient(value, Float64Array.from(grad), loss).maxRelError).toBeLessThan(1e-6);
    }
  });
});
