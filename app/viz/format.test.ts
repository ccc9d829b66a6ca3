import { describe, expect, it } from 'vitest';
import { formatLoss, formatLossShort, formatPercent, formatStep, formatTick } from './format.ts';

describe('formatting', () => {
  it('shows losses, percentages, steps and ticks compactly, and unknowns as a dash', () => {
    expect([formatLoss(2.30258), formatLoss(0.01234), formatLoss(NaN), formatLoss(1234.5)]).toEqual(['2.30', '0.0123', '—', '1235']);
    expect([formatLossShort(2.30258), formatLossShort(0.01234), formatLossShort(0.1), formatLossShort(NaN), formatLossShort(123.4)]).toEqual(['2.3', '0.012', '0.1', '—', '123']);
    expect([formatPercent(0.9123), formatPercent(NaN)]).toEqual(['91.2%', '—']);
    expect(formatStep(12345)).toBe('12,345');
    expect([formatTick(0), formatTick(2500), formatTick(0.001), formatTick(-4), formatTick(0.25)]).toEqual(['0', '2.5k', '0.001', '-4', '0.25']);
  });
});
