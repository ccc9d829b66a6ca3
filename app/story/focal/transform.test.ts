import { describe, expect, it } from 'vitest';
import { bnSteps, fmt2, largestRow, stackDots, transformRunLine, valueDomain, widthNear } from './transform.ts';
import { linkDepths, point, ROWS_BELOW, transformLayout } from './transformLayout.ts';

const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const variance = (a: readonly number[]) => mean(a.map((v) => (v - mean(a)) ** 2));

describe('the BN transform, step by step', () => {
  it('standardize x with its own batch mean and biased variance, then scale by γ and shift by β', () => {
    const x = [1, 2, 3, 6];
    const bn = bnSteps(x, 2, -0.5, 1e-5)!;
    expect(bn.mu).toBe(3);
    expect(bn.variance).toBe(3.5);
    expect(bn.sigma).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(mean(bn.xHat)).toBeCloseTo(0, 12);
    expect(variance(bn.xHat)).toBeCloseTo(3.5 / (3.5 + 1e-5), 12);
    expect(mean(bn.y)).toBeCloseTo(-0.5, 12);
    expect(Math.sqrt(variance(bn.y))).toBeCloseTo(2, 4);
  });

  it('become the identity with γ = √(σ²_B + ε) and β = μ_B', () => {
    const x = [0.3, -1.2, 0.8, 0.1];
    const first = bnSteps(x, 1, 0, 1e-5)!;
    const identity = bnSteps(x, Math.sqrt(first.variance + 1e-5), first.mu, 1e-5)!;
    identity.y.forEach((y, i) => expect(y).toBeCloseTo(x[i], 10));
  });

  it('cap the gain at 1/√ε on a batch that does not vary', () => {
    const bn = bnSteps([2, 2, 2, 2.001], 1, 0, 1e-3)!;
    expect(Math.max(...bn.xHat.map(Math.abs))).toBeLessThan(0.001 / Math.sqrt(1e-3));
  });

  it('give nothing for an empty batch or unknown γ', () => {
    expect(bnSteps([], 1, 0, 1e-5)).toBeNull();
    expect(bnSteps([1, 2], NaN, 0, 1e-5)).toBeNull();
  });
});

describe('the transform chart’s helpers', () => {
  it('stack dots in bins centred on multiples of the bin width, smaller values first', () => {
    expect(stackDots([0.02, -0.01, 0.5, 0.04], 0.1)).toEqual([
      { center: 0, k: 1 },
      { center: 0, k: 0 },
      { center: 0.5, k: 0 },
      { center: 0, k: 2 },
    ]);
  });

  it('follow the digit with the largest value', () => {
    expect(largestRow([0.1, NaN, 0.7, -2])).toBe(2);
    expect(largestRow([NaN])).toBe(-1);
  });

  it('hold every value on a symmetric whole-number axis of at least ±4', () => {
    expect(valueDomain([[0.5, -1], [2.5]])).toEqual([-4, 4]);
    expect(valueDomain([[4.2, NaN]])).toEqual([-5, 5]);
  });

  it('print two decimals with a typographic minus, never −0.00', () => {
    expect(fmt2(-0.425)).toBe('−0.42');
    expect(fmt2(1.36)).toBe('1.36');
    expect(fmt2(-0.001)).toBe('0.00');
  });

  it('measure a band’s width at the point nearest a step', () => {
    const band = [
      { step: 0, lo: 0, hi: 1 },
      { step: 98, lo: -1, hi: 1.2 },
      { step: 150, lo: -2, hi: 2 },
    ];
    expect(widthNear(band, 100)).toBeCloseTo(2.2, 10);
    expect(widthNear([], 100)).toBeNaN();
  });

  it('say this run’s γ and β, and whether a finished seed goes against the measurements', () => {
    expect(transformRunLine(1.3612, -0.057, 2.2, 2.7, 500, false, true)).toEqual({ text: 'This run, step 500: γ = 1.36, β = −0.06.', agrees: null });
    expect(transformRunLine(1.36, -0.06, 2.2, 2.7, 500, true, true)?.agrees).toBe(true);
    expect(transformRunLine(1.36, -0.06, 2.8, 2.7, 500, true, true)?.agrees).toBe(false);
    expect(transformRunLine(NaN, 0, 1, 1, 0, false, true)).toBeNull();
  });
});

describe('the transform chart’s layout', () => {
  const val = (v: number) => 100 - 10 * v;

  it('sets the panels side by side on a wide chart, dots stacking rightwards from each panel’s left edge', () => {
    const l = transformLayout(900, 600, false);
    expect(l.orientation).toBe('columns');
    expect(l.base[0]).toBeLessThan(l.base[1]);
    expect(point(l, val, 1, 2, 5)).toEqual([l.base[1] + 5, 80]);
    expect(linkDepths(l)).toEqual({ exit: l.depth, enter: 0 });
    // Presenter mode leaves more room above the panels for its larger formulas.
    expect(Math.min(...transformLayout(900, 600, true).valueRange)).toBeGreaterThan(Math.min(...l.valueRange));
  });

  it('stacks the panels top to bottom on a phone, dots stacking upwards from each panel’s bottom', () => {
    const l = transformLayout(ROWS_BELOW - 1, 500, false);
    expect(l.orientation).toBe('rows');
    expect(l.base[0]).toBeLessThan(l.base[1]);
    expect(point(l, val, 2, 1, 5)).toEqual([90, l.base[2] - 5]);
    expect(linkDepths(l)).toEqual({ exit: 0, enter: l.depth });
    expect(l.base[2]).toBeLessThan(500);
  });
});
