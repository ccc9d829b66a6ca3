import { allocFloat, type DType, type FloatArray } from './floatArray.ts';
import { columnSums, matmulBias, matmulTransposeA, matmulTransposeB } from './matmul.ts';
import { compressRows, sparseMatmulBias, sparseMatmulTransposeA, type SparseRows } from './sparse.ts';

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

/**
 * y: [rows, nOut] = x: [rows, nIn] · W + b. Given `sparse` buffers (the first layer), mostly-zero inputs
 * take the compressed path, which visits only the non-zeros.
 */
export function denseForward(p: DenseParams, x: FloatArray, y: FloatArray, rows: number, sparse: SparseRows | null = null): void {
  if (sparse !== null && compressRows(x, rows, p.nIn, p.nOut, sparse)) {
    sparseMatmulBias(sparse, p.W, p.b, y, p.nOut);
    return;
  }
  matmulBias(x, p.W, p.b, y, rows, p.nIn, p.nOut);
}

/**
 * Backward of y = x·W + b, given gradY: [rows, nOut]. Writes gradW = xᵀ·gradY and gradB = Σ_rows gradY
 * (overwriting), and gradX = gradY·Wᵀ: [rows, nIn] unless gradX is null (the first layer needs no input
 * gradient). `sparse` must be the buffers the forward pass of the same x used, if any.
 */
export function denseBackward(
  p: DenseParams,
  x: FloatArray,
  gradY: FloatArray,
  gradX: FloatArray | null,
  rows: number,
  sparse: SparseRows | null = null,
): void {
  const { nIn, nOut } = p;
  columnSums(gradY, p.gradB, rows, nOut);
  if (sparse !== null && sparse.active) sparseMatmulTransposeA(sparse, gradY, p.gradW, nIn, nOut);
  else matmulTransposeA(x, gradY, p.gradW, rows, nIn, nOut);
  if (gradX !== null) matmulTransposeB(gradY, p.W, gradX, rows, nIn, nOut);
}
