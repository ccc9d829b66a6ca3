import { describe, expect, it } from 'vitest';
import { accuracyGap, accuracyStdError, referenceIndex, stepsToTargetText, TEST_SET_SIZE } from './pairedGap.ts';
import { blobsSet, scalesSet } from '../../src/data/index.ts';

describe('the paired difference', () => {
  it('says how many points BN leads or trails by, with a real minus sign', () => {
    expect(accuracyGap(0.948, 0.7, 2000)).toMatchObject({ text: '+24.8', tie: false });
    expect(accuracyGap(0.9, 0.931, 2000)).toMatchObject({ text: '−3.1', tie: false });
    expect(accuracyGap(NaN, 0.9, 2000).text).toBe('—');
  });

  it('calls a gap within the test set’s standard error a tie', () => {
    // At 93% on 2,000 digits the standard error is √(0.93·0.07/2000) ≈ 0.57 points.
    expect(100 * accuracyStdError(0.93, 2000)).toBeCloseTo(0.5705, 3);
    expect(accuracyGap(0.935, 0.93, 2000)).toMatchObject({ text: 'tie', tie: true });
    expect(accuracyGap(0.925, 0.93, 2000).tie).toBe(true);
    expect(accuracyGap(0.938, 0.93, 2000)).toMatchObject({ text: '+0.8', tie: false });
    // The same gap on a smaller test set is a tie.
    expect(accuracyGap(0.938, 0.93, 500).tie).toBe(true);
    expect(accuracyGap(0.93, 0.93, 2000).text).toBe('tie');
  });

  it('gives steps to 90% as a step, "not yet", or "never" after diverging', () => {
    expect(stepsToTargetText(1100, -1)).toBe('1,100');
    expect(stepsToTargetText(-1, -1)).toBe('not yet');
    expect(stepsToTargetText(-1, 340)).toBe('never');
    expect(stepsToTargetText(200, 340)).toBe('200');
  });

  it('compares with the plain network, or the first variant when there is none', () => {
    expect(referenceIndex(['before', 'none', 'after'])).toBe(1);
    expect(referenceIndex(['before', 'after'])).toBe(0);
  });

  it('knows each data set’s test set size', () => {
    expect(TEST_SET_SIZE.mnist).toBe(2000);
    expect(blobsSet(1).test.count).toBe(TEST_SET_SIZE.blobs);
    expect(scalesSet(1).test.count).toBe(TEST_SET_SIZE.scales);
  });
});
