import { describe, expect, it } from 'vitest';
import { formatLoss, formatLossShort, formatPercent, formatStep, formatTick } from './format.ts';

describe('formatting', () => {
  it('shows losses, percentages, steps and ticks compactly, and unknowns as a dash', () => {
    expect([formatLoss(2.30258), formatLoss(0.01234), formatLoss(NaN), formatLoss(1234.5)]).toEqual(['2.30', '0.0123', '—', '1235']);
    expect([formatLossShort(2.30258), formatLossShort(0.01234), formatLossShort(0.1), formatLossShort(NaN), formatLossShort(123.4)]).toEqual([
      '2.3',
      '0.012',
      '0.1',
      '—',
      '123',
    ]);
    expect([formatPercent(0.9123), formatPercent(NaN)]).toEqual(['91.2%', '—']);
    expect(formatStep(12345)).toBe('12,345');
    expect([formatTick(0), formatTick(2500), formatTick(0.001), formatTick(-4), formatTick(0.25)]).toEqual(['0', '2.5k', '0.001', '-4', '0.25']);
  });

  it('writes huge values (a diverging loss) as powers of ten, never as 20 digits or "1e+22k"', () => {
    expect([formatLoss(26277070192157519872), formatLoss(4.81e38), formatLoss(999_999), formatLoss(-3e7)]).toEqual(['2.63e19', '4.81e38', '999999', '-3e7']);
    expect([formatLossShort(26277070192157519872), formatLossShort(4.81e38), formatLossShort(1e6)]).toEqual(['2.6e19', '4.8e38', '1e6']);
    expect([formatTick(1e22), formatTick(2.5e7), formatTick(999_000), formatTick(1e6)]).toEqual(['1e22', '2.5e7', '999k', '1e6']);
    for (const v of [1e6, 3.3e12, 1e22, 4.81e38, Number.MAX_VALUE]) {
      expect(formatLoss(v).length).toBeLessThanOrEqual(9);
      expect(formatTick(v).length).toBeLessThanOrEqual(7);
    }
  });
});
