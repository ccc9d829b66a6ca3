import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDense, denseBackward, denseForward } from './dense.ts';
import { referenceDenseBackward, referenceDenseForward } from './denseReference.ts';
import type { DType } from './floatArray.ts';
import { checkGradient } from './gradcheck.ts';
import { Rng } from './rng.ts';
import { createSparseRows } from './sparse.ts';
import { maxRelDiff, randomMatrix } from './testHelpers.ts';

function setup(batchSize: number, nIn: number, nOut: number) {
  const rng = new Rng(11);
  const p = createDense('float64', nIn, nOut);
  p.W.set(randomMatrix(rng, nIn, nOut));
  p.b.set(randomMatrix(rng, 1, nOut));
  const x = randomMatrix(rng, batchSize, nIn);
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
    for (const [value, grad] of [
      [p.W, p.gradW],
      [p.b, p.gradB],
      [x, gradX],
    ] as const) {
      const r = checkGradient(value, Float64Array.from(grad), loss);
      expect(r.maxRelError).toBeLessThan(1e-6);
      expect(r.checked).toBe(value.length);
    }
  });

  it('overwrites stale gradients', () => {
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

describe('fast kernels', () => {
  const shape = fc.record({
    rows: fc.integer({ min: 1, max: 9 }),
    nIn: fc.integer({ min: 1, max: 80 }),
    nOut: fc.integer({ min: 1, max: 19 }),
    zeroShare: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1000 }),
    dtype: fc.constantFrom<DType>('float64', 'float32'),
  });

  it('match the reference kernels for any shape, dense or sparse input', () => {
    fc.assert(
      fc.property(shape, ({ rows, nIn, nOut, zeroShare, seed, dtype }) => {
        const rng = new Rng(seed);
        const make = (n: number) => (dtype === 'float64' ? new Float64Array(n) : new Float32Array(n));
        const p = createDense(dtype, nIn, nOut);
        p.W.set(randomMatrix(rng, nIn, nOut));
        p.b.set(randomMatrix(rng, 1, nOut));
        const x = make(rows * nIn).map(() => (rng.uniform() < zeroShare ? 0 : rng.normal()));
        const gradY = make(rows * nOut).map(() => rng.normal());
        const tol = dtype === 'float64' ? 1e-12 : 1e-5;
        for (const sparse of [null, createSparseRows(dtype, rows, nIn)]) {
          const y = make(rows * nOut);
          const yRef = make(rows * nOut);
          denseForward(p, x, y, rows, sparse);
          referenceDenseForward(p, x, yRef, rows);
          expect(maxRelDiff(y, yRef, 1)).toBeLessThan(tol);
          const gradX = make(rows * nIn);
          denseBackward(p, x, gradY, gradX, rows, sparse);
          const fast = { W: p.gradW.slice(), b: p.gradB.slice(), x: gradX.slice() };
          const gradXRef = make(rows * nIn);
          referenceDenseBackward(p, x, gradY, gradXRef, rows);
          expect(maxRelDiff(fast.W, p.gradW, 1)).toBeLessThan(tol);
          expect(maxRelDiff(fast.b, p.gradB, 1)).toBeLessThan(tol);
          expect(maxRelDiff(fast.x, gradXRef, 1)).toBeLessThan(tol);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('take the sparse path only for mostly-zero inputs', () => {
    const s = createSparseRows('float64', 2, 4);
    const p = createDense('float64', 4, 3);
    const y = new Float64Array(6);
    denseForward(p, Float64Array.from([0, 0, 0, 1, 0, 2, 0, 0]), y, 2, s);
    expect(s.active).toBe(true);
    denseForward(p, Float64Array.from([1, 1, 0, 1, 0, 2, 3, 0]), y, 2, s);
    expect(s.active).toBe(false);
  });
});
