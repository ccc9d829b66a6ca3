import type { FloatArray } from './floatArray.ts';

/*
 * Register-blocked dense kernels. JavaScript has no SIMD, so speed comes from keeping partial sums in
 * local variables: each block of 2 rows × 4 columns loads 6 values per 8 multiply-adds and stores only
 * at the end. Remainder rows and columns fall back to narrower loops. All arrays are row-major.
 */

/** y: [rows, nOut] = x: [rows, nIn] · W: [nIn, nOut] + b: [nOut]. */
export function matmulBias(x: FloatArray, W: FloatArray, b: FloatArray, y: FloatArray, rows: number, nIn: number, nOut: number): void {
  const nOut4 = nOut - (nOut % 4);
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    const x0 = i * nIn;
    const x1 = x0 + nIn;
    const y0 = i * nOut;
    const y1 = y0 + nOut;
    let j = 0;
    for (; j < nOut4; j += 4) {
      let a0 = b[j],
        a1 = b[j + 1],
        a2 = b[j + 2],
        a3 = b[j + 3];
      let c0 = a0,
        c1 = a1,
        c2 = a2,
        c3 = a3;
      for (let k = 0, w = j; k < nIn; k++, w += nOut) {
        const u0 = x[x0 + k];
        const u1 = x[x1 + k];
        const v0 = W[w],
          v1 = W[w + 1],
          v2 = W[w + 2],
          v3 = W[w + 3];
        a0 += u0 * v0;
        a1 += u0 * v1;
        a2 += u0 * v2;
        a3 += u0 * v3;
        c0 += u1 * v0;
        c1 += u1 * v1;
        c2 += u1 * v2;
        c3 += u1 * v3;
      }
      y[y0 + j] = a0;
      y[y0 + j + 1] = a1;
      y[y0 + j + 2] = a2;
      y[y0 + j + 3] = a3;
      y[y1 + j] = c0;
      y[y1 + j + 1] = c1;
      y[y1 + j + 2] = c2;
      y[y1 + j + 3] = c3;
    }
    for (; j < nOut; j++) {
      let a = b[j];
      let c = a;
      for (let k = 0, w = j; k < nIn; k++, w += nOut) {
        a += x[x0 + k] * W[w];
        c += x[x1 + k] * W[w];
      }
      y[y0 + j] = a;
      y[y1 + j] = c;
    }
  }
  if (i < rows) {
    const x0 = i * nIn;
    const y0 = i * nOut;
    for (let j = 0; j < nOut; j++) {
      let a = b[j];
      for (let k = 0, w = j; k < nIn; k++, w += nOut) a += x[x0 + k] * W[w];
      y[y0 + j] = a;
    }
  }
}

/** gradW: [nIn, nOut] = xᵀ · gradY, with x: [rows, nIn] and gradY: [rows, nOut] (overwrites). */
export function matmulTransposeA(x: FloatArray, gradY: FloatArray, gradW: FloatArray, rows: number, nIn: number, nOut: number): void {
  const nOut4 = nOut - (nOut % 4);
  let k = 0;
  for (; k + 1 < nIn; k += 2) {
    const w0 = k * nOut;
    const w1 = w0 + nOut;
    let j = 0;
    for (; j < nOut4; j += 4) {
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      for (let i = 0, xi = k, g = j; i < rows; i++, xi += nIn, g += nOut) {
        const u0 = x[xi];
        const u1 = x[xi + 1];
        const v0 = gradY[g],
          v1 = gradY[g + 1],
          v2 = gradY[g + 2],
          v3 = gradY[g + 3];
        a0 += u0 * v0;
        a1 += u0 * v1;
        a2 += u0 * v2;
        a3 += u0 * v3;
        c0 += u1 * v0;
        c1 += u1 * v1;
        c2 += u1 * v2;
        c3 += u1 * v3;
      }
      gradW[w0 + j] = a0;
      gradW[w0 + j + 1] = a1;
      gradW[w0 + j + 2] = a2;
      gradW[w0 + j + 3] = a3;
      gradW[w1 + j] = c0;
      gradW[w1 + j + 1] = c1;
      gradW[w1 + j + 2] = c2;
      gradW[w1 + j + 3] = c3;
    }
    for (; j < nOut; j++) {
      let a = 0;
      let c = 0;
      for (let i = 0, xi = k, g = j; i < rows; i++, xi += nIn, g += nOut) {
        a += x[xi] * gradY[g];
        c += x[xi + 1] * gradY[g];
      }
      gradW[w0 + j] = a;
      gradW[w1 + j] = c;
    }
  }
  if (k < nIn) {
    const w0 = k * nOut;
    for (let j = 0; j < nOut; j++) {
      let a = 0;
      for (let i = 0, xi = k, g = j; i < rows; i++, xi += nIn, g += nOut) a += x[xi] * gradY[g];
      gradW[w0 + j] = a;
    }
  }
}

/** gradX: [rows, nIn] = gradY: [rows, nOut] · Wᵀ, with W: [nIn, nOut]: dot products of contiguous rows. */
export function matmulTransposeB(gradY: FloatArray, W: FloatArray, gradX: FloatArray, rows: number, nIn: number, nOut: number): void {
  const nIn4 = nIn - (nIn % 4);
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    const g0 = i * nOut;
    const g1 = g0 + nOut;
    const r0 = i * nIn;
    const r1 = r0 + nIn;
    let k = 0;
    for (; k < nIn4; k += 4) {
      const w0 = k * nOut,
        w1 = w0 + nOut,
        w2 = w1 + nOut,
        w3 = w2 + nOut;
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        c0 = 0,
        c1 = 0,
        c2 = 0,
        c3 = 0;
      for (let j = 0; j < nOut; j++) {
        const u0 = gradY[g0 + j];
        const u1 = gradY[g1 + j];
        const v0 = W[w0 + j],
          v1 = W[w1 + j],
          v2 = W[w2 + j],
          v3 = W[w3 + j];
        a0 += u0 * v0;
        a1 += u0 * v1;
        a2 += u0 * v2;
        a3 += u0 * v3;
        c0 += u1 * v0;
        c1 += u1 * v1;
        c2 += u1 * v2;
        c3 += u1 * v3;
      }
      gradX[r0 + k] = a0;
      gradX[r0 + k + 1] = a1;
      gradX[r0 + k + 2] = a2;
      gradX[r0 + k + 3] = a3;
      gradX[r1 + k] = c0;
      gradX[r1 + k + 1] = c1;
      gradX[r1 + k + 2] = c2;
      gradX[r1 + k + 3] = c3;
    }
    for (; k < nIn; k++) {
      const w0 = k * nOut;
      let a = 0;
      let c = 0;
      for (let j = 0; j < nOut; j++) {
        a += gradY[g0 + j] * W[w0 + j];
        c += gradY[g1 + j] * W[w0 + j];
      }
      gradX[r0 + k] = a;
      gradX[r1 + k] = c;
    }
  }
  if (i < rows) {
    const g0 = i * nOut;
    const r0 = i * nIn;
    for (let k = 0; k < nIn; k++) {
      const w0 = k * nOut;
      let a = 0;
      for (let j = 0; j < nOut; j++) a += gradY[g0 + j] * W[w0 + j];
      gradX[r0 + k] = a;
    }
  }
}

/** gradB: [nOut] = column sums of gradY: [rows, nOut] (overwrites). */
export function columnSums(gradY: FloatArray, gradB: FloatArray, rows: number, nOut: number): void {
  gradB.fill(0);
  for (let i = 0; i < rows; i++) {
    const g = i * nOut;
    for (let j = 0; j < nOut; j++) gradB[j] += gradY[g + j];
  }
}
