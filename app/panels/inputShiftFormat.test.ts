import { describe, expect, it } from 'vitest';
import { formatShift } from './inputShiftFormat.ts';

describe('input shift text', () => {
  it('gives the spread in percent and the mean in σ, with more digits when small', () => {
    expect(formatShift(0.0137, 0.047)).toEqual({ location: '0.014 σ', spread: '4.7%' });
    expect(formatShift(0.33, 0.123)).toEqual({ location: '0.33 σ', spread: '12%' });
  });

  it('shows a dash before the first measurement', () => {
    expect(formatShift(NaN, NaN)).toEqual({ location: '—', spread: '—' });
  });
});
