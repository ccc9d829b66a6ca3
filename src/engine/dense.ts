import { allocFloat, type DType, type FloatArray } from './floatArray.ts';

/** A dense layer's parameters and their gradients. W is row-major [nIn, nOut], so y = x·W + b. */
export interface DenseParams {
  readonly nIn: number;
  readonly nOut: number;
  /** [nIn, nOut] */
  readonly W: FloatArray;
  /** [nOut] */
  readonly b: FloatArray;
  /** [nIn, nOut] */
  readonly gradW: FloatArray;
  /** [nOut] */
  readonly gradB: FloatArray;
}

/** A zeroed dense layer of nIn → nOut. */
export function createDense(dtype: DType, nIn: number, nOut: number): DenseParams {
  return {
    nIn,
    nOut,
    W: allocFloat(dtype, nIn * nOut),
    b: allocFloat(dtype, nOut),
    gradW: allocFloat(dtype, nIn * nOut),
    gradB: allocFloat(dtype, nOut),
  };
}

/** y: [batchSize, nOut] = x: [batchSize, nIn] · W + b. Zero inputs are skipped (most MNIST pixels are 0). */
export function denseForward(p: DenseParams, x: FloatArray, y: FloatArray, batchSize: number): void {
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
export function denseBackward(
  p: DenseParams,
  x: FloatArray,
  gradY: FloatArray,
  gradX: FloatArray | null,
  batchSize: number,
): void {
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
