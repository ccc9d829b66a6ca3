import { allocFloat, type DType, type FloatArray } from './floatArray.ts';
import { columnSums, matmulBias, matmulTransposeA, matmulTransposeB } from './matmul.ts';
import { buildColumns, compressRows, sparseMatmulBias, sparseMatmulTransposeA, type SparseRows } from './sparse.ts';
import { wasmKernelsOn, wasmMatmulBias, wasmMatmulTransposeA, wasmMatmulTransposeB, wasmSparseMatmulBias, wasmSparseMatmulTransposeA } from './wasm/kernels.ts';

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
  const wasm = onWasm(p, x, y);
  if (sparse !== null && compressRows(x, rows, p.nIn, p.nOut, sparse)) {
    if (wasm) wasmSparseMatmulBias(sparse, p.W as Float32Array, p.b as Float32Array, y as Float32Array, p.nOut);
    else sparseMatmulBias(sparse, p.W, p.b, y, p.nOut);
    return;
  }
  if (wasm) wasmMatmulBias(x as Float32Array, p.W as Float32Array, p.b as Float32Array, y as Float32Array, rows, p.nIn, p.nOut);
  else matmulBias(x, p.W, p.b, y, rows, p.nIn, p.nOut);
}

/** Whether a layer's products go to the WebAssembly kernels: float32 throughout, with the kernels on. */
function onWasm(p: DenseParams, a: FloatArray, b: FloatArray): boolean {
  return wasmKernelsOn() && p.W instanceof Float32Array && a instanceof Float32Array && b instanceof Float32Array;
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
  const wasm = onWasm(p, x, gradY);
  if (sparse !== null && sparse.active) {
    if (wasm) {
      buildColumns(sparse, nIn);
      wasmSparseMatmulTransposeA(sparse, gradY as Float32Array, p.gradW as Float32Array, nIn, nOut);
    } else {
      sparseMatmulTransposeA(sparse, gradY, p.gradW, nIn, nOut);
    }
  } else if (wasm) {
    wasmMatmulTransposeA(x as Float32Array, gradY as Float32Array, p.gradW as Float32Array, rows, nIn, nOut);
  } else {
    matmulTransposeA(x, gradY, p.gradW, rows, nIn, nOut);
  }
  if (gradX === null) return;
  if (wasm && gradX instanceof Float32Array) wasmMatmulTransposeB(gradY as Float32Array, p.W as Float32Array, gradX, rows, nIn, nOut);
  else matmulTransposeB(gradY, p.W, gradX, rows, nIn, nOut);
}
