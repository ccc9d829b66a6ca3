import { describe, expect, it } from 'vitest';
import { accuracyStandardError, differenceStandardError, everySeed, isTie, summarize, zipSeeds } from './stats.ts';

describe('summarize', () => {
  it('gives the median, min and max of an odd count', () => {
    expect(summarize([300, 200, 250, 300, 250])).toEqual({ median: 250, min: 200, max: 300 });
  });
  it('averages the middle two of an even count', () => {
    expect(summarize([1, 4, 2, 3])).toEqual({ median: 2.5, min: 1, max: 4 });
  });
  it('ranks "not reached" (null) above every number', () => {
    expect(summarize([1200, null, 1050])).toEqual({ median: 1200, min: 1050, max: null });
    expect(summarize([null, null, 5])).toEqual({ median: null, min: 5, max: null });
  });
  it('refuses no values and non-finite ones', () => {
    expect(() => summarize([])).toThrow();
    expect(() => summarize([1, NaN])).toThrow(/not finite/);
  });
});

describe('standard errors and ties', () => {
  it('gives the binomial standard error of an accuracy', () => {
    expect(accuracyStandardError(0.9, 2000)).toBeCloseTo(Math.sqrt(0.09 / 2000), 12);
  });
  it('adds the two variances for a difference', () => {
    expect(differenceStandardError(0.9, 0.94, 2000)).toBeCloseTo(Math.sqrt((0.09 + 0.94 * 0.06) / 2000), 12);
  });
  it('calls a difference within two standard errors a tie, and one beyond it not', () => {
    expect(isTie(0.009, 0.005)).toBe(true);
    expect(isTie(-0.0101, 0.005)).toBe(false);
  });
});

describe('per-seed helpers', () => {
  it('needs every seed to be a number that passes', () => {
    expect(everySeed([1, 2, 3], (v) => v > 0)).toBe(true);
    expect(everySeed([1, null, 3], (v) => v > 0)).toBe(false);
    expect(everySeed([1, -2], (v) => v > 0)).toBe(false);
  });
  it('combines two per-seed numbers, null where either is', () => {
    expect(zipSeeds([6, null, 4], [2, 3, 4], (a, b) => a / b)).toEqual([3, null, 1]);
    expect(() => zipSeeds([1], [1, 2], (a) => a)).toThrow();
  });
});
