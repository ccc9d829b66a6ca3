import { describe, expect, it } from 'vitest';
import { chainStep } from '../../src/chain/index.ts';
import { formatChange, formatDecade, sweepChange, symlogTicks } from './chainChart.ts';

describe('sweepChange', () => {
  it('spans the range log-evenly and matches single steps', () => {
    const s = sweepChange(1, [1.5, 1.5, 1.5], false, 1e-3, 1, 4);
    expect(Array.from(s.eps).map((e) => Number(e.toPrecision(6)))).toEqual([0.001, 0.01, 0.1, 1]);
    expect(s.actual[2]).toBeCloseTo(chainStep(1, [1.5, 1.5, 1.5], 0.1).actual, 12);
    const n = sweepChange(1, [1.5, 1.5, 1.5], true, 1e-3, 1, 4);
    for (let i = 0; i < 4; i++) expect(n.actual[i]).toBeCloseTo(n.predicted[i], 12);
  });
});

describe('symlogTicks', () => {
  it('gives 0 and ± decades from the linear zone up to the largest value', () => {
    expect(symlogTicks(500, 0.1)).toEqual([-100, -10, -1, 0, 1, 10, 100]);
    expect(symlogTicks(0, 1)).toEqual([0]);
    expect(symlogTicks(NaN, 1)).toEqual([0]);
    const many = symlogTicks(1e12, 1e-3, 4);
    expect(many.length).toBeLessThanOrEqual(9);
    expect(many.at(-1)).toBe(1e12);
  });
});

describe('formatChange', () => {
  it('uses a real minus sign and e-notation at the extremes', () => {
    expect(formatChange(-0.4321)).toBe('−0.432');
    expect(formatChange(3.2e9)).toBe('3.20e9');
    expect(formatChange(-2e-5)).toBe('−2.00e−5');
    expect(formatChange(NaN)).toBe('—');
  });
});

describe('formatDecade', () => {
  it('writes decades short, with e-notation beyond 10⁴', () => {
    expect([0, 0.001, 0.01, 1, 100, 1e4, 1e6, -1e-5].map(formatDecade)).toEqual(['0', '0.001', '0.01', '1', '100', '10000', '1e6', '−1e−5']);
  });
});
