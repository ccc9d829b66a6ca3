import { describe, expect, it } from 'vitest';
import { decadeDomain, nearestIndex, nearPlot, niceCeil, zeroBasedDomain } from './domains.ts';

describe('domains', () => {
  it('snap to round numbers so axes rarely change', () => {
    expect([niceCeil(3), niceCeil(11), niceCeil(180), niceCeil(2400), niceCeil(5001)]).toEqual([10, 20, 200, 2500, 10000]);
    expect(decadeDomain(0.034, 2.4)).toEqual([0.01, 10]);
    expect(decadeDomain(1, 1)).toEqual([1, 10]);
    expect(decadeDomain(NaN, 3)).toEqual([0.01, 10]);
    expect(zeroBasedDomain(2.31)).toEqual([0, 2.5]);
  });

  it('keeps a point far off the plot near it', () => {
    expect([nearPlot(-1e30, 10, 210, 400), nearPlot(1e30, 10, 210, 400), nearPlot(50, 10, 210, 400)]).toEqual([-390, 610, 50]);
  });

  it('finds the nearest kept step', () => {
    const steps = [0, 10, 20, 40];
    expect([nearestIndex(steps, 4, -5), nearestIndex(steps, 4, 14), nearestIndex(steps, 4, 16), nearestIndex(steps, 4, 99)]).toEqual([0, 1, 2, 3]);
  });
});
