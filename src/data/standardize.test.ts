import { describe, expect, it } from 'vitest';
import { fitStandardizer, standardizeSplit } from './standardize.ts';
import { scalesSet, SCALES_RANGES } from './synthetic.ts';

describe('standardization', () => {
  it('maps each training feature to mean 0 and std 1, and the test set with the training statistics', () => {
    const raw = scalesSet(3, 2000, 500);
    const split = standardizeSplit(raw);
    const fitted = fitStandardizer(raw.train);
    const nIn = raw.train.nIn;
    for (let k = 0; k < nIn; k++) {
      let mean = 0;
      let sq = 0;
      for (let i = 0; i < split.train.count; i++) mean += split.train.x[i * nIn + k] / split.train.count;
      for (let i = 0; i < split.train.count; i++) sq += (split.train.x[i * nIn + k] - mean) ** 2 / split.train.count;
      expect(mean).toBeCloseTo(0, 4);
      expect(Math.sqrt(sq)).toBeCloseTo(1, 4);
      const raw0 = raw.test.x[k];
      expect(split.test.x[k]).toBeCloseTo((raw0 - fitted.mean[k]) / fitted.std[k], 4);
    }
  });

  it('leaves a constant feature at 0 instead of dividing by zero', () => {
    const data = { name: 'c', x: Float32Array.from([5, 1, 5, 2, 5, 3]), y: new Uint8Array(3), count: 3, nIn: 2, nClasses: 2 };
    const s = fitStandardizer(data);
    expect(s.std[0]).toBe(1);
    const out = standardizeSplit({ train: data, test: data }).train.x;
    expect([out[0], out[2], out[4]]).toEqual([0, 0, 0]);
  });
});

describe('the mixed-scale set', () => {
  it('has two features in [0, 1] and two in [0, 1000], and labels that depend on both', () => {
    const { train } = scalesSet(1);
    for (let k = 0; k < SCALES_RANGES.length; k++) {
      let max = 0;
      for (let i = 0; i < train.count; i++) max = Math.max(max, train.x[i * 4 + k]);
      expect(max).toBeLessThanOrEqual(SCALES_RANGES[k]);
      expect(max).toBeGreaterThan(0.99 * SCALES_RANGES[k]);
    }
    const counts = [0, 0, 0, 0];
    for (const y of train.y) counts[y]++;
    for (const c of counts) expect(c / train.count).toBeGreaterThan(0.2);
    expect(Array.from(scalesSet(1).train.x.slice(0, 8))).toEqual(Array.from(train.x.slice(0, 8)));
  });
});
