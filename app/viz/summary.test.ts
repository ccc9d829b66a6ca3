import { describe, expect, it } from 'vitest';
import { driftSummary, histogramSummary, seriesSummary, spreadSummary, targetSummary } from './summary.ts';

describe('chart text alternatives', () => {
  it('reads each variant at the latest step, and says when a value is missing', () => {
    const text = seriesSummary(
      1348,
      [
        { name: 'Plain', value: 0.1304 },
        { name: 'BN before', value: NaN },
      ],
      (v) => v.toFixed(3),
    );
    expect(text).toBe('At step 1,348: Plain 0.130; BN before no value yet.');
    expect(seriesSummary(0, [], String)).toBe('No run yet.');
  });

  it('names who reached the target and when', () => {
    expect(
      targetSummary('90%', [
        { name: 'Plain', reached: -1 },
        { name: 'BN before', reached: 100 },
      ]),
    ).toBe('Reached 90%: Plain not yet; BN before at step 100.');
  });

  it('reads a percentile band as a median and a range', () => {
    expect(spreadSummary(-1.234, -0.8412, -0.449)).toBe('median -0.84, middle 70% from -1.2 to -0.45');
    expect(spreadSummary(NaN, 0, 1)).toBe('no values yet');
  });

  it('says which quantity a drift chart or histogram shows, then its spread', () => {
    expect(driftSummary(1200, 'z = xW + b (before BN)', [-1, 0, 1], [-2, 0.5, 2])).toBe(
      'Step 1,200, z = xW + b (before BN). Tracked unit: median 0, middle 70% from -1 to 1. Whole layer: median 0.5, middle 70% from -2 to 2.',
    );
    expect(histogramSummary(10, 'into the sigmoid (after BN)', [-1, 0, 1], '52% saturated')).toBe(
      'Step 10, into the sigmoid (after BN): median 0, middle 70% from -1 to 1; 52% saturated.',
    );
    expect(histogramSummary(10, 'z', [NaN, 0, 1], '')).toBe('Step 10, z: no values yet.');
  });
});
