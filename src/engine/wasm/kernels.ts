import type { SparseRows } from '../sparse.ts';
import { KERNELS_WASM_BASE64 } from './kernelsBinary.ts';

/**
 * The dense layer's float32 products run in WebAssembly SIMD (kernels.wat), about seven times the speed of
 * the JavaScript kernels, which stay for float64 (gradient checks) and for engines without SIMD.
 *
 * The kernels work on one scratch memory per thread: each call copies its operands in, runs, and copies
 * the result out. The copies cost a few percent of the arithmetic and keep every array an ordinary
 * Float32Array that can be posted, transferred and kept anywhere.
 */

/** The parts of WebAssembly's API used here (src/ compiles without the DOM's type library). */
interface WasmApi {
  Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  Instance: new (module: object) => { readonly exports: object };
}

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface KernelExports {
  readonly memory: WasmMemory;
  gemm(A: number, sAm: number, sAk: number, B: number, init: number, hasInit: number, out: number, M: number, K: number, N: number): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  spmmRows(rowPtr: number, wOff: number, val: number, W: number, b: number, y: number, rows: number, N: number): void;
  spmmCols(colPtr: number, colRow: number, colVal: number, G: number, out: number, nIn: number, N: number): void;
  sigmoid(src: number, dst: number, n: number): void;
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The kernels' instance, or null where WebAssembly or its SIMD is missing (compiling then throws). */
function instantiate(): KernelExports | null {
  try {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (api === undefined) return null;
    const module = new api.Module(decodeBase64(KERNELS_WASM_BASE64));
    return new api.Instance(module).exports as KernelExports;
  } catch {
    return null;
  }
}

const PAGE_BYTES = 65536;

/** A bump allocator over the kernels' memory, emptied before each call; it grows the memory as needed. */
class Scratch {
  private f32: Float32Array;
  private i32: Int32Array;
  private top = 0;

  constructor(private readonly memory: WasmMemory) {
    this.f32 = new Float32Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }

  /** Starts a call: every earlier region is free again. */
  reset(): this {
    this.top = 0;
    return this;
  }

  /** A region of n 4-byte values, 16-byte aligned; returns its byte offset. */
  reserve(n: number): number {
    const at = this.top;
    this.top = at + ((n * 4 + 15) & ~15);
    if (this.top > this.memory.buffer.byteLength) {
      // Growing keeps the contents but detaches the old buffer: the views are made again.
      this.memory.grow(Math.ceil((this.top - this.memory.buffer.byteLength) / PAGE_BYTES));
      this.f32 = new Float32Array(this.memory.buffer);
      this.i32 = new Int32Array(this.memory.buffer);
    }
    return at;
  }

  /** Copies the first n values of src in; returns their byte offset. */
  floats(src: Float32Array, n: number): number {
    const at = this.reserve(n);
    this.f32.set(n === src.length ? src : src.subarray(0, n), at >> 2);
    return at;
  }

  /** Copies the first n values of src in; returns their byte offset. */
  ints(src: Int32Array, n: number): number {
    const at = this.reserve(n);
    this.i32.set(n === src.length ? src : src.subarray(0, n), at >> 2);
    return at;
  }

  /** Copies n values at byte offset `at` out to dst. */
  read(at: number, dst: Float32Array, n: number): void {
    dst.set(this.f32.subarray(at >> 2, (at >> 2) + n));
  }
}

/** The instance and its scratch, made on first use (a page that only imports the engine's types never compiles it). */
let loaded: { exports: KernelExports; scratch: Scratch } | null | undefined;
let enabled = true;

function load(): { exports: KernelExports; scratch: Scratch } | null {
  if (loaded === undefined) {
    const exports = instantiate();
    loaded = exports === null ? null : { exports, scratch: new Scratch(exports.memory) };
  }
  return loaded;
}

/** Whether this engine can run the WebAssembly kernels. */
export function wasmKernelsAvailable(): boolean {
  return load() !== null;
}

/** Turns the WebAssembly kernels on or off (benchmarks and tests compare both); returns whether they are on. */
export function useWasmKernels(on: boolean): boolean {
  enabled = on;
  return wasmKernelsOn();
}

/** Whether float32 products go to the WebAssembly kernels now. */
export function wasmKernelsOn(): boolean {
  return enabled && load() !== null;
}

function kernels(): [KernelExports, Scratch] {
  const k = load();
  if (k === null) throw new Error('the WebAssembly kernels are not available here');
  return [k.exports, k.scratch.reset()];
}

/** y: [rows, nOut] = x: [rows, nIn] · W: [nIn, nOut] + b: [nOut]. */
export function wasmMatmulBias(x: Float32Array, W: Float32Array, b: Float32Array, y: Float32Array, rows: number, nIn: number, nOut: number): void {
  const [k, s] = kernels();
  const px = s.floats(x, rows * nIn);
  const pW = s.floats(W, nIn * nOut);
  const pb = s.floats(b, nOut);
  const py = s.reserve(rows * nOut);
  k.gemm(px, nIn, 1, pW, pb, 1, py, rows, nIn, nOut);
  s.read(py, y, rows * nOut);
}

/** gradW: [nIn, nOut] = xᵀ · gradY (overwrites). */
export function wasmMatmulTransposeA(x: Float32Array, gradY: Float32Array, gradW: Float32Array, rows: number, nIn: number, nOut: number): void {
  const [k, s] = kernels();
  const px = s.floats(x, rows * nIn);
  const pg = s.floats(gradY, rows * nOut);
  const pW = s.reserve(nIn * nOut);
  k.gemm(px, 1, nIn, pg, 0, 0, pW, nIn, rows, nOut);
  s.read(pW, gradW, nIn * nOut);
}

/** gradX: [rows, nIn] = gradY: [rows, nOut] · Wᵀ. */
export function wasmMatmulTransposeB(gradY: Float32Array, W: Float32Array, gradX: Float32Array, rows: number, nIn: number, nOut: number): void {
  const [k, s] = kernels();
  const pg = s.floats(gradY, rows * nOut);
  const pW = s.floats(W, nIn * nOut);
  const pWt = s.reserve(nIn * nOut);
  const px = s.reserve(rows * nIn);
  k.transpose(pW, pWt, nIn, nOut);
  k.gemm(pg, nOut, 1, pWt, 0, 0, px, rows, nOut, nIn);
  s.read(px, gradX, rows * nIn);
}

/** y: [rows, nOut] = x·W + b from the CSR form of x. */
export function wasmSparseMatmulBias(sp: SparseRows, W: Float32Array, b: Float32Array, y: Float32Array, nOut: number): void {
  const [k, s] = kernels();
  const { rows, nnz } = sp;
  const pPtr = s.ints(sp.rowPtr, rows + 1);
  const pOff = s.ints(sp.wOffset, nnz);
  const pVal = s.floats(sp.val as Float32Array, nnz);
  const pW = s.floats(W, W.length);
  const pb = s.floats(b, nOut);
  const py = s.reserve(rows * nOut);
  k.spmmRows(pPtr, pOff, pVal, pW, pb, py, rows, nOut);
  s.read(py, y, rows * nOut);
}

/** gradW: [nIn, nOut] = xᵀ·gradY from the CSC form of x (the caller builds it). Overwrites gradW. */
export function wasmSparseMatmulTransposeA(sp: SparseRows, gradY: Float32Array, gradW: Float32Array, nIn: number, nOut: number): void {
  const [k, s] = kernels();
  const { rows, nnz } = sp;
  const pPtr = s.ints(sp.colPtr, nIn + 1);
  const pRow = s.ints(sp.colRow as Int32Array, nnz);
  const pVal = s.floats(sp.colVal as Float32Array, nnz);
  const pg = s.floats(gradY, rows * nOut);
  const pW = s.reserve(nIn * nOut);
  k.spmmCols(pPtr, pRow, pVal, pg, pW, nIn, nOut);
  s.read(pW, gradW, nIn * nOut);
}

/** y[i] = sigmoid(x[i]) for i < n: the same bits as the JavaScript sigmoid, four at a time. */
export function wasmSigmoid(x: Float32Array, y: Float32Array, n: number): void {
  const [k, s] = kernels();
  const px = s.floats(x, n);
  const py = s.reserve(n);
  k.sigmoid(px, py, n);
  s.read(py, y, n);
}
