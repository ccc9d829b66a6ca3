import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { activation } from '../activations.ts';
import { createDense, denseBackward, denseForward } from '../dense.ts';
import { Rng } from '../rng.ts';
import { createSparseRows } from '../sparse.ts';
import { maxRelDiff, randomMatrix } from '../testHelpers.ts';
import { assembleKernels } from './assemble.ts';
import { KERNELS_WASM_BASE64 } from './kernelsBinary.ts';
import { useWasmKernels, wasmKernelsAvailable, wasmKernelsOn } from './kernels.ts';

/** One dense layer's forward and backward results for a random problem, on the kernels in use now. */
function run(rows: number, nIn: number, nOut: number, zeroShare: number, seed: number, sparse: boolean) {
  const rng = new Rng(seed);
  const p = createDense('float32', nIn, nOut);
  p.W.set(randomMatrix(rng, nIn, nOut));
  p.b.set(randomMatrix(rng, 1, nOut));
  const x = new Float32Array(rows * nIn).map(() => (rng.uniform() < zeroShare ? 0 : rng.normal()));
  const gradY = new Float32Array(rows * nOut).map(() => rng.normal());
  const y = new Float32Array(rows * nOut);
  const gradX = new Float32Array(rows * nIn);
  const s = sparse ? createSparseRows('float32', rows, nIn) : null;
  denseForward(p, x, y, rows, s);
  denseBackward(p, x, gradY, gradX, rows, s);
  return { y, gradW: p.gradW.slice(), gradB: p.gradB.slice(), gradX, sparseUsed: s?.active ?? false };
}

describe('WebAssembly kernels', () => {
  afterEach(() => {
    useWasmKernels(true);
  });

  it('are the committed binary of kernels.wat', async () => {
    const bytes = await assembleKernels();
    expect(Buffer.from(bytes).toString('base64')).toBe(KERNELS_WASM_BASE64);
  });

  it('load in Node, and float32 layers use them by default', () => {
    expect(wasmKernelsAvailable()).toBe(true);
    expect(wasmKernelsOn()).toBe(true);
    expect(useWasmKernels(false)).toBe(false);
    expect(wasmKernelsOn()).toBe(false);
  });

  it('agree with the JavaScript kernels on every block and remainder path, dense or sparse', () => {
    const shape = fc.record({
      rows: fc.integer({ min: 1, max: 11 }),
      nIn: fc.integer({ min: 1, max: 90 }),
      nOut: fc.integer({ min: 1, max: 41 }),
      zeroShare: fc.double({ min: 0, max: 1, noNaN: true }),
      seed: fc.integer({ min: 0, max: 1000 }),
      sparse: fc.boolean(),
    });
    fc.assert(
      fc.property(shape, ({ rows, nIn, nOut, zeroShare, seed, sparse }) => {
        useWasmKernels(true);
        const wasm = run(rows, nIn, nOut, zeroShare, seed, sparse);
        useWasmKernels(false);
        const js = run(rows, nIn, nOut, zeroShare, seed, sparse);
        expect(wasm.sparseUsed).toBe(js.sparseUsed);
        // float32 sums in a different order: agreement to float32 rounding over up to 90 terms.
        expect(maxRelDiff(wasm.y, js.y, 1)).toBeLessThan(2e-5);
        expect(maxRelDiff(wasm.gradW, js.gradW, 1)).toBeLessThan(2e-5);
        expect(maxRelDiff(wasm.gradX, js.gradX, 1)).toBeLessThan(2e-5);
        expect(Array.from(wasm.gradB)).toEqual(Array.from(js.gradB));
      }),
      { numRuns: 150 },
    );
  });

  it('compute the sigmoid to the same bits as JavaScript, special values included', () => {
    const sigmoid = activation('sigmoid');
    const special = [
      0,
      -0,
      1,
      -1,
      0.5,
      2 ** -29,
      -(2 ** -29),
      2 ** -27,
      4,
      -4,
      17,
      -17,
      88,
      -88,
      103.9,
      -103.9,
      119.9,
      -119.9,
      120.5,
      -120.5,
      745,
      -746,
      1e30,
      -1e30,
      Infinity,
      -Infinity,
      NaN,
    ];
    const rng = new Rng(5);
    const random = Array.from({ length: 4001 }, (_, i) => (i % 3 === 0 ? rng.normal() : rng.normal() * 10 ** rng.range(-10, 2.3)));
    // A multiple of ln 2 / 2 lands on Math.round's ties; odd lengths exercise the padded last group.
    const ties = Array.from({ length: 41 }, (_, i) => -(i + 0.5) * Math.LN2);
    const x = Float32Array.from([...special, ...random, ...ties]);
    const viaWasm = new Float32Array(x.length);
    sigmoid.forward(x, viaWasm, x.length);
    useWasmKernels(false);
    const viaJs = new Float32Array(x.length);
    sigmoid.forward(x, viaJs, x.length);
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(viaJs[i])) expect(viaWasm[i]).toBeNaN();
      else expect([x[i], viaWasm[i]]).toEqual([x[i], viaJs[i]]);
    }
  });

  it('give the same bits on a repeat, and grow their scratch memory for large layers', () => {
    const a = run(64, 784, 300, 0.8, 3, true);
    const b = run(64, 784, 300, 0.8, 3, true);
    expect(a.sparseUsed).toBe(true);
    expect(Array.from(a.gradW)).toEqual(Array.from(b.gradW));
    const big = run(130, 600, 257, 0, 4, false);
    expect(big.y.every(Number.isFinite)).toBe(true);
    useWasmKernels(false);
    const ref = run(130, 600, 257, 0, 4, false);
    expect(maxRelDiff(big.gradX, ref.gradX, 1)).toBeLessThan(1e-4);
  });
});
