import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPercentileScratch, percentiles, percentilesInPlace } from './percentiles.ts';

/** The sort-based reference: numpy's default linear interpolation. */
function reference(values: number[], p: number): number {
  const a = [...values].sort((x, y) => x - y);
  const h = p * (a.length - 1);
  const k = Math.floor(h);
  return k + 1 < a.length ? a[k] + (h - k) * (a[k + 1] - a[k]) : a[k];
}

describe('percentiles', () => {
  it('match a full sort with linear interpolation, for any data', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 300 }), (values) => {
        const ps = [0, 0.15, 0.5, 0.85, 1];
        const out = new Float64Array(ps.length);
        percentilesInPlace(Float64Array.from(values), values.length, ps, out);
        ps.forEach((p, i) => expect(out[i]).toBeCloseTo(reference(values, p), 6));
        const untouched = Float32Array.from(values);
        const bucketed = new Float64Array(ps.length);
        percentiles(untouched, values.length, ps, bucketed, createPercentileScratch(values.length));
        ps.forEach((p, i) => expect(bucketed[i] + 0).toBe(reference(Array.from(untouched), p) + 0));
        expect(Array.from(untouched)).toEqual(Array.from(Float32Array.from(values)));
      }),
      { numRuns: 300 },
    );
  });

  it('handles ties, sorted and reversed input, and uses only the first n values', () => {
    const sorted = Float64Array.from({ length: 1001 }, (_, i) => i);
    const out = new Float64Array(3);
    percentilesInPlace(sorted, 1001, [0.15, 0.5, 0.85], out);
    expect(Array.from(out)).toEqual([150, 500, 850]);
    const reversed = Float64Array.from({ length: 1001 }, (_, i) => 1000 - i);
    percentilesInPlace(reversed, 1001, [0.15, 0.5, 0.85], out);
    expect(Array.from(out)).toEqual([150, 500, 850]);
    percentilesInPlace(Float64Array.from([5, 5, 5, 5, 100]), 4, [0.15, 0.5, 0.85], out);
    expect(Array.from(out)).toEqual([5, 5, 5]);
    const scratch = createPercentileScratch(2000);
    percentiles(reversed, 1001, [0.15, 0.5, 0.85], out, scratch);
    expect(Array.from(out)).toEqual([150, 500, 850]);
    // Heavy ties and one outlier put almost everything in a single bucket.
    const skewed = Float64Array.from({ length: 2000 }, (_, i) => (i === 7 ? 1e9 : i % 3));
    percentiles(skewed, 2000, [0.15, 0.5, 0.85], out, scratch);
    expect(Array.from(out)).toEqual([0, 1, 2]);
    // An overflowing layer: infinities sort to the ends.
    percentiles(Float64Array.from([Infinity, 1, 2, 3, -Infinity]), 5, [0, 0.5, 1], out, scratch);
    expect(Array.from(out)).toEqual([-Infinity, 2, Infinity]);
  });
});
