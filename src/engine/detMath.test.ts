import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exp, log, sinCos2Pi, tanh } from './detMath.ts';

/** Distance in units of the last place, through the bit patterns. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const buf = new DataView(new ArrayBuffer(16));
  buf.setFloat64(0, a);
  buf.setFloat64(8, b);
  return Number(buf.getBigInt64(0) - buf.getBigInt64(8)) * (a * b < 0 ? Infinity : 1);
}

describe('deterministic elementary functions', () => {
  it('exp is within 1 ulp of Math.exp over its whole range', () => {
    fc.assert(
      fc.property(fc.double({ min: -745, max: 709.7, noNaN: true }), (x) => {
        expect(Math.abs(ulps(exp(x), Math.exp(x)))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20_000 },
    );
    expect([exp(0), exp(-Infinity), exp(Infinity), exp(800), exp(-800)]).toEqual([1, 0, Infinity, Infinity, 0]);
    expect(Math.abs(ulps(exp(1), Math.E))).toBeLessThanOrEqual(1);
    expect(exp(NaN)).toBeNaN();
    expect(exp(-744) / Math.exp(-744)).toBeCloseTo(1, 10); // subnormal results
  });

  it('log is within 1 ulp of Math.log, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        expect(Math.abs(ulps(log(x), Math.log(x)))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20_000 },
    );
    for (const x of [1, 2, 0.5, 1 + 1e-10, 1 - 1e-10, 1e-310, 10]) expect(Math.abs(ulps(log(x), Math.log(x)))).toBeLessThanOrEqual(1);
    expect([log(1), log(0), log(Infinity)]).toEqual([0, -Infinity, Infinity]);
    expect(log(-1)).toBeNaN();
  });

  it('tanh and sin/cos of 2πv are accurate to a few ulps', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(Math.abs(tanh(x) - Math.tanh(x))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(Math.abs(Math.tanh(x)), Number.MIN_VALUE));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (v) => {
        const [s, c] = sinCos2Pi(v);
        // The reference itself is off by up to ~6e-16: 2π·v is rounded before Math.sin sees it.
        expect(Math.abs(s - Math.sin(2 * Math.PI * v))).toBeLessThan(1.5e-15);
        expect(Math.abs(c - Math.cos(2 * Math.PI * v))).toBeLessThan(1.5e-15);
      }),
      { numRuns: 20_000 },
    );
  });
});
