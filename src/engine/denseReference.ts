import type { DenseParams } from './dense.ts';
import type { FloatArray } from './floatArray.ts';

/*
 * The plain reference kernels: the textbook loops, kept so tests can hold the fast kernels in dense.ts,
 * matmul.ts and sparse.ts to them.
 */

/** y: [batchSize, nOut] = x: [batchSize, nIn] · W + b, with i-k-j loops. */
export function referenceDenseForward(p: DenseParams, x: FloatArray, y: FloatArray, batchSize: number): void {
  const { nIn, nOut, W, b } = p;
  for (let i = 0; i < batchSize; i++) {
    const yRow = i * nOut;
    for (let j = 0; j < nOut; j++) y[yRow + j] = b[j];
    const xRow = i * nIn;
    for (let k = 0; k < nIn; k++) {
      const xik = x[xRow + k];
      if (xik === 0) continue;
      const wRow = k * nOut;
      for (let j = 0; j < nOut; j++) y[yRow + j] += xik * W[wRow + j];
    }
  }
}

/**
 * Backward of y = x·W + b, given gradY: [batchSize, nOut].
 * Writes gradW = xᵀ·gradY and gradB = Σ_rows gradY (overwriting), and gradX = gradY·Wᵀ: [batchSize, nIn]
 * unless gradX is null (the first layer needs no input gradient).
 */
export function referenceDenseBackward(p: DenseParams, x: FloatArray, gradY: FloatArray, gradX: FloatArray | null, batchSize: number): void {
  const { nIn, nOut, W, gradW, gradB } = p;
  gradW.fill(0);
  gradB.fill(0);
  for (let i = 0; i < batchSize; i++) {
    const gRow = i * nOut;
    for (let j = 0; j < nOut; j++) gradB[j] += gradY[gRow + j];
    const xRow = i * nIn;
    for (let k = 0; k < nIn; k++) {
      const xik = x[xRow + k];
      if (xik === 0) continue;
      const wRow = k * nOut;
      for (let j = 0; j < nOut; j++) gradW[wRow + j] += xik * gradY[gRow + j];
    }
  }
  if (gradX === null) return;
  for (let i = 0; i < batchSize; i++) {
    const gRow = i * nOut;
    const xRow = i * nIn;
    for (let k = 0; k < nIn; k++) {
      const wRow = k * nOut;
      let acc = 0;
      for (let j = 0; j < nOut; j++) acc += gradY[gRow + j] * W[wRow + j];
      gradX[xRow + k] = acc;
    }
  }
}
