import { describe, expect, it } from 'vitest';
import { formatShift, shiftBar } from './inputShiftFormat.ts';

describe('input shift text', () => {
  it('gives the spread in percent and the mean in σ, with more digits when small', () => {
    expect(formatShift(0.0137, 0.047)).toEqual({ location: '0.014 σ', spread: '4.7%' });
    expect(formatShift(0.33, 0.123)).toEqual({ location: '0.33 σ', spread: '12%' });
  });

  it('shows a dash before the first measurement', () => {
    expect(formatShift(NaN, NaN)).toEqual({ location: '—', spread: '—' });
  });

  it('draws the bar on a log scale from 0.1% to 100%, clamped', () => {
    expect(shiftBar(0.001)).toBeCloseTo(0, 12);
    expect(shiftBar(0.01)).toBeCloseTo(1 / 3, 12);
    expect(shiftBar(0.1)).toBeCloseTo(2 / 3, 12);
    expect(shiftBar(5)).toBe(1);
    expect(shiftBar(1e-6)).toBe(0);
    expect(shiftBar(NaN)).toBe(0);
  });
});
