import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config.ts';
import { adoptWorkerConfig, changedFields, needsReset } from './diff.ts';

describe('config diffing', () => {
  it('restarts the run for model changes but not for the learning rate or the tracked unit', () => {
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, lr: 0.1, trackUnit: 4 })).toBe(false);
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, batchSize: 32 })).toBe(true);
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG })).toBe(false);
  });

  it('names the fields that differ, comparing arrays by value', () => {
    expect(changedFields(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, variants: ['none', 'after'] })).toEqual(['variants']);
    expect(changedFields(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, variants: [...DEFAULT_CONFIG.variants] })).toEqual([]);
    expect(changedFields(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, seed: 9, lr: 0.3 }).sort()).toEqual(['lr', 'seed']);
  });
});

describe('adoptWorkerConfig', () => {
  it("takes the trainer's data set and seed, but keeps live changes the trainer has not answered yet", () => {
    const page = { ...DEFAULT_CONFIG, lr: 10, trackLayer: 2, trackUnit: 5 };
    const worker = { ...DEFAULT_CONFIG, dataset: 'blobs' as const, seed: 99, lr: 0.5 };
    expect(adoptWorkerConfig(page, worker)).toEqual({ ...worker, lr: 10, trackLayer: 2, trackUnit: 5 });
  });
});
