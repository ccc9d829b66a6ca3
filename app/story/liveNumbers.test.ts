import { describe, expect, it } from 'vitest';
import { LAYER_STATS, LS } from '../../src/experiment/snapshot.ts';
import { biasGradient, firstBnVariant, formatLive, unitBn, workedExample } from './liveNumbers.ts';

/** A snapshot of 2 variants × 2 layers with the given layer statistics of variant 1, layer 1. */
function snapshot(values: Partial<Record<keyof typeof LS, number>>) {
  const layer = new Float32Array(2 * 2 * LAYER_STATS.length).fill(NaN);
  for (const [k, v] of Object.entries(values)) layer[(1 * 2 + 1) * LAYER_STATS.length + LS[k as keyof typeof LS]] = v;
  return { step: 5, variant: new Float64Array(0), layer, hist: new Float32Array(0) };
}

describe('the story\'s live numbers', () => {
  it('read the tracked unit\'s BN statistics and parameters, or nothing without BN', () => {
    const s = snapshot({ unitBatchMean: 0.5, unitBatchVar: 4, unitRunningMean: 0.25, unitRunningVar: 2, unitGamma: 1.5, unitBeta: -0.5, biasGradNorm: 1e-9 });
    expect(unitBn(s, 2, 1, 1)).toEqual({ batchMean: 0.5, batchVar: 4, runningMean: 0.25, runningVar: 2, gamma: 1.5, beta: -0.5 });
    expect(unitBn(s, 2, 0, 1)).toBeNull();
    expect(biasGradient(s, 2, 1, 1)).toBeCloseTo(1e-9, 15);
  });

  it('work the transform through one batch standard deviation above the mean', () => {
    const ex = workedExample({ batchMean: 0.5, batchVar: 4, runningMean: 0, runningVar: 1, gamma: 1.5, beta: -0.5 }, 1e-5);
    expect(ex.x).toBe(2.5);
    expect(ex.xhat).toBeCloseTo(2 / Math.sqrt(4 + 1e-5), 12);
    expect(ex.y).toBeCloseTo(1.5 * ex.xhat - 0.5, 12);
    // A tiny variance: ε decides, and x̂ is far below 1 (the gain is capped at 1/√ε).
    expect(workedExample({ batchMean: 0, batchVar: 1e-6, runningMean: 0, runningVar: 1, gamma: 1, beta: 0 }, 1e-3).xhat).toBeLessThan(0.04);
  });

  it('find the first variant with batch statistics, and format numbers for reading aloud', () => {
    expect(firstBnVariant(['none', 'after', 'before'])).toBe(1);
    expect(firstBnVariant(['none'])).toBe(-1);
    // Layer norm and ℓp BN show no BN batch statistics to explain: the live BN numbers skip them.
    expect(firstBnVariant(['ln-before', 'l1-before', 'noisy'])).toBe(2);
    expect(formatLive(NaN)).toBe('—');
    expect(formatLive(-0.123456)).toBe('−0.1235');
    expect(formatLive(3.2e-9)).toBe('3.2×10⁻⁹');
    expect(formatLive(-4.5e-12)).toBe('−4.5×10⁻¹²');
  });
});
