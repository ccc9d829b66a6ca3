/** The numeric array types the engine computes in: Float32 for speed, Float64 for gradient checks. */
export type FloatArray = Float32Array | Float64Array;

/** Which float type a model allocates its buffers with. */
export type DType = 'float32' | 'float64';

/** A zeroed array of `length` elements of the given float type. */
export function allocFloat(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** Throws on an impossible value of a discriminated union: closes every switch. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${String(value)}`);
}
