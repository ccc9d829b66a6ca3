import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';
import { adoptWorkerConfig, changedFields, initialState, needsReset, updateConfig, useStore } from './store.ts';

describe('config changes from the page', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG)));

  it('restart the run for model changes but not for the learning rate or the tracked unit', () => {
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, lr: 0.1, trackUnit: 4 })).toBe(false);
    expect(needsReset(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, batchSize: 32 })).toBe(true);
    expect(changedFields(DEFAULT_CONFIG, { ...DEFAULT_CONFIG, variants: ['none', 'after'] })).toEqual(['variants']);
  });

  it('announce a restart, and reject a bad value with a notice while keeping the rest', () => {
    updateConfig({ depth: 2 });
    const s = useStore.getState();
    expect(s.config.depth).toBe(2);
    // The default tracked layer (3) no longer fits: it moves to the last layer without a warning.
    expect(s.config.trackLayer).toBe(2);
    expect(s.notices.map((n) => n.text)).toEqual(['Changed the number of hidden layers: every variant restarted together from the same new weights, so they stay paired.']);
    updateConfig({ lr: -3 });
    expect(useStore.getState().config.lr).toBe(DEFAULT_CONFIG.lr);
    expect(useStore.getState().notices.at(-1)).toMatchObject({ kind: 'warning' });
    expect(useStore.getState().notices.at(-1)?.text).toMatch(/^lr: -3 is not valid/);
  });

  it('keep one restart notice however many changes restart the run, the latest', () => {
    updateConfig({ variants: ['none', 'after'] });
    updateConfig({ variants: ['none', 'before'] });
    updateConfig({ seed: 7 });
    const restarts = useStore.getState().notices.filter((n) => /restarted together/.test(n.text));
    expect(restarts.map((n) => n.text)).toEqual(['Changed the seed: every variant restarted together from the same new weights, so they stay paired.']);
  });

  it('do nothing when nothing changes', () => {
    const before = useStore.getState();
    updateConfig({ lr: DEFAULT_CONFIG.lr });
    expect(useStore.getState()).toBe(before);
  });
});

describe('adoptWorkerConfig', () => {
  it("takes the trainer's data set and seed, but keeps live changes the trainer has not answered yet", () => {
    const page = { ...DEFAULT_CONFIG, lr: 10, trackLayer: 2, trackUnit: 5 };
    const worker = { ...DEFAULT_CONFIG, dataset: 'blobs' as const, seed: 99, lr: 0.5 };
    expect(adoptWorkerConfig(page, worker)).toEqual({ ...worker, lr: 10, trackLayer: 2, trackUnit: 5 });
  });
});

describe('restart notices', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG)));

  it('name settings as the controls do, never by their config keys', () => {
    updateConfig({ batchSize: 8, probeEvery: 50, seed: 3 });
    expect(useStore.getState().notices.at(-1)?.text).toMatch(/^Changed the batch size, the smoothness probes and the seed: /);
  });
});
