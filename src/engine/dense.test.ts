import { describe, expect, it } from 'vitest';
import { createDense, denseBackward, denseForward } from './dense.ts';
import { checkGradient } from './gradcheck.ts';
import { Rng } from './rng.ts';
import { randomMatrix } from './testHelpers.ts';

function setup(batchSize: number, nIn: number, nOut: number) {
  const rng = new Rng(11);
  const p = createDense('float64', nIn, nOut);
  p.W.set(randomMatrix(rng, nIn, nOut));
  p.b.set(randomMatrix(rng, 1, nOut));
  const x = randomMatrix(rng, batchSize, nIn);
  // Zeros exercise the sparse skip.
  x[1] = 0;
  x[nIn + 2] = 0;
  const weights = randomMatrix(rng, batchSize, nOut);
  const y = new Float64Array(batchSize * nOut);
  // A linear read-out of y makes a scalar loss whose gradient w.r.t. y is `weights`.
  const loss = () => {
    denseForward(p, x, y, batchSize);
    return y.reduce((acc, v, i) => acc + v * weights[i], 0);
  };
  return { p, x, y, weights, loss };
}

describe('dense layer', () => {
  it('computes y = x·W + b with W row-major [nIn, nOut]', () => {
    const { p, x, y } = setup(3, 4, 5);
    denseForward(p, x, y, 3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 5; j++) {
        let expected = p.b[j];
        for (let k = 0; k < 4; k++) expected += x[i * 4 + k] * p.W[k * 5 + j];
        expect(y[i * 5 + j]).toBeCloseTo(expected, 12);
      }
    }
  });

  it('has W, b and input gradients that match finite differences', () => {
    const { p, x, weights, loss } = setup(4, 6, 5);
    const gradX = new Float64Array(x.length);
    loss();
    denseBackward(p, x, weights, gradX, 4);
    for (const [value, grad] of [[p.W, p.gradW], [p.b, p.gradB], [x, gradX]] as const) {
      const r = checkGradient(value, Float64Array.from(grad), loss);
      expect(r.maxRelError).toBeLessThan(1e-6);
      expect(r.checked).toBe(value.length);
    }
  });

  it('skips the input gradient when none is asked for, and overwrites stale gradients', () => {
    const { p, x, weights, loss } = setup(4, 6, 5);
    loss();
    p.gradW.fill(99);
    p.gradB.fill(99);
    denseBackward(p, x, weights, null, 4);
    const first = Float64Array.from(p.gradW);
    denseBackward(p, x, weights, null, 4);
    expect(Array.from(p.gradW)).toEqual(Array.from(first));
    expect(Math.max(...p.gradB)).toBeLessThan(99);
  });
});
