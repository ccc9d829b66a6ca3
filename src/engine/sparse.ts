import { allocFloat, type DType, type FloatArray } from './floatArray.ts';

/**
 * A batch of input rows in compressed form, for the first layer: 81% of MNIST pixels are 0, so the
 * first layer's forward pass and weight gradient only visit the non-zero inputs. Rows are kept as CSR
 * (for y = x·W + b) and, built on demand, as CSC (for ∂W = xᵀ·∂y).
 */
export interface SparseRows {
  /** Whether the last `compressRows` chose the sparse path (density at or below SPARSE_MAX_DENSITY). */
  active: boolean;
  /**
   * Set when the caller promises the input array's contents never change (a fixed probe batch): the
   * compressed form of the same array is then reused instead of rebuilt.
   */
  fixedInput: boolean;
  /** The array last compressed, for `fixedInput`. */
  source: FloatArray | null;
  rows: number;
  nnz: number;
  /** [maxRows + 1] start of each row in idx/val. */
  readonly rowPtr: Int32Array;
  /** [maxRows·nIn] column k of each non-zero. */
  readonly idx: Int32Array;
  /** [maxRows·nIn] k·nOut for each non-zero: where its row of W starts (saves a multiply in the hot loop). */
  readonly wOffset: Int32Array;
  /** [maxRows·nIn] value of each non-zero. */
  readonly val: FloatArray;
  /** [nIn + 1] start of each column in colRow/colVal. */
  readonly colPtr: Int32Array;
  /** [maxRows·nIn] row of each non-zero, by column; allocated by the first backward pass (inference never needs it). */
  colRow: Int32Array | null;
  /** [maxRows·nIn] value of each non-zero, by column; allocated with colRow. */
  colVal: FloatArray | null;
  readonly dtype: DType;
}

/** Above this share of non-zeros the dense kernels are faster than the sparse ones. */
export const SPARSE_MAX_DENSITY = 0.5;

/** Buffers for up to maxRows rows of nIn inputs. */
export function createSparseRows(dtype: DType, maxRows: number, nIn: number): SparseRows {
  const cap = maxRows * nIn;
  return {
    active: false,
    fixedInput: false,
    source: null,
    rows: 0,
    nnz: 0,
    rowPtr: new Int32Array(maxRows + 1),
    idx: new Int32Array(cap),
    wOffset: new Int32Array(cap),
    val: allocFloat(dtype, cap),
    colPtr: new Int32Array(nIn + 1),
    colRow: null,
    colVal: null,
    dtype,
  };
}

/**
 * Compresses x: [rows, nIn] into s (CSR) for a layer of nOut outputs and decides whether the sparse path
 * pays; returns s.active.
 */
export function compressRows(x: FloatArray, rows: number, nIn: number, nOut: number, s: SparseRows): boolean {
  if (s.fixedInput && s.source === x && s.rows === rows) return s.active;
  s.source = x;
  const { rowPtr, idx, wOffset, val } = s;
  let p = 0;
  for (let i = 0; i < rows; i++) {
    rowPtr[i] = p;
    const xr = i * nIn;
    for (let k = 0; k < nIn; k++) {
      const v = x[xr + k];
      if (v !== 0) {
        idx[p] = k;
        wOffset[p] = k * nOut;
        val[p] = v;
        p++;
      }
    }
  }
  rowPtr[rows] = p;
  s.rows = rows;
  s.nnz = p;
  s.active = p <= SPARSE_MAX_DENSITY * rows * nIn;
  return s.active;
}

/** y: [rows, nOut] = x·W + b from the CSR form of x, with W: [nIn, nOut]. Blocks of 8 outputs stay in registers. */
export function sparseMatmulBias(s: SparseRows, W: FloatArray, b: FloatArray, y: FloatArray, nOut: number): void {
  const { rowPtr, wOffset, val, rows } = s;
  const nOut8 = nOut - (nOut % 8);
  for (let i = 0; i < rows; i++) {
    const start = rowPtr[i];
    const end = rowPtr[i + 1];
    const yr = i * nOut;
    let j = 0;
    for (; j < nOut8; j += 8) {
      let a0 = b[j],
        a1 = b[j + 1],
        a2 = b[j + 2],
        a3 = b[j + 3],
        a4 = b[j + 4],
        a5 = b[j + 5],
        a6 = b[j + 6],
        a7 = b[j + 7];
      for (let t = start; t < end; t++) {
        const v = val[t];
        const w = wOffset[t] + j;
        a0 += v * W[w];
        a1 += v * W[w + 1];
        a2 += v * W[w + 2];
        a3 += v * W[w + 3];
        a4 += v * W[w + 4];
        a5 += v * W[w + 5];
        a6 += v * W[w + 6];
        a7 += v * W[w + 7];
      }
      y[yr + j] = a0;
      y[yr + j + 1] = a1;
      y[yr + j + 2] = a2;
      y[yr + j + 3] = a3;
      y[yr + j + 4] = a4;
      y[yr + j + 5] = a5;
      y[yr + j + 6] = a6;
      y[yr + j + 7] = a7;
    }
    for (; j < nOut; j++) {
      let a = b[j];
      for (let t = start; t < end; t++) a += val[t] * W[wOffset[t] + j];
      y[yr + j] = a;
    }
  }
}

/** gradW: [nIn, nOut] = xᵀ·gradY from the compressed x (builds its CSC form first). Overwrites gradW. */
export function sparseMatmulTransposeA(s: SparseRows, gradY: FloatArray, gradW: FloatArray, nIn: number, nOut: number): void {
  buildColumns(s, nIn);
  const { colPtr } = s;
  const colRow = s.colRow as Int32Array;
  const colVal = s.colVal as FloatArray;
  const nOut8 = nOut - (nOut % 8);
  for (let k = 0; k < nIn; k++) {
    const start = colPtr[k];
    const end = colPtr[k + 1];
    const wr = k * nOut;
    if (start === end) {
      gradW.fill(0, wr, wr + nOut);
      continue;
    }
    let j = 0;
    for (; j < nOut8; j += 8) {
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        a4 = 0,
        a5 = 0,
        a6 = 0,
        a7 = 0;
      for (let t = start; t < end; t++) {
        const v = colVal[t];
        const g = colRow[t] * nOut + j;
        a0 += v * gradY[g];
        a1 += v * gradY[g + 1];
        a2 += v * gradY[g + 2];
        a3 += v * gradY[g + 3];
        a4 += v * gradY[g + 4];
        a5 += v * gradY[g + 5];
        a6 += v * gradY[g + 6];
        a7 += v * gradY[g + 7];
      }
      gradW[wr + j] = a0;
      gradW[wr + j + 1] = a1;
      gradW[wr + j + 2] = a2;
      gradW[wr + j + 3] = a3;
      gradW[wr + j + 4] = a4;
      gradW[wr + j + 5] = a5;
      gradW[wr + j + 6] = a6;
      gradW[wr + j + 7] = a7;
    }
    for (; j < nOut; j++) {
      let a = 0;
      for (let t = start; t < end; t++) a += colVal[t] * gradY[colRow[t] * nOut + j];
      gradW[wr + j] = a;
    }
  }
}

/** CSC from CSR by counting sort: O(nnz + nIn). Rows stay in ascending order within each column. */
export function buildColumns(s: SparseRows, nIn: number): void {
  if (s.colRow === null || s.colVal === null) {
    s.colRow = new Int32Array(s.idx.length);
    s.colVal = allocFloat(s.dtype, s.idx.length);
  }
  const { rowPtr, idx, val, colPtr, rows, nnz } = s;
  const colRow = s.colRow;
  const colVal = s.colVal;
  colPtr.fill(0);
  for (let t = 0; t < nnz; t++) colPtr[idx[t] + 1]++;
  for (let k = 0; k < nIn; k++) colPtr[k + 1] += colPtr[k];
  // colPtr[k] is used as a moving cursor, then restored by shifting.
  for (let i = 0; i < rows; i++) {
    for (let t = rowPtr[i]; t < rowPtr[i + 1]; t++) {
      const k = idx[t];
      const at = colPtr[k]++;
      colRow[at] = i;
      colVal[at] = val[t];
    }
  }
  for (let k = nIn; k > 0; k--) colPtr[k] = colPtr[k - 1];
  colPtr[0] = 0;
}
