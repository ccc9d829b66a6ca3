import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import { dismiss, initialState, notify, updateConfig, useStore } from './store.ts';

describe('config changes from the page', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG)));

  it('announce a restart, and reject a bad value with a notice while keeping the rest', () => {
    updateConfig({ depth: 2 });
    const s = useStore.getState();
    expect(s.config.depth).toBe(2);
    // The default tracked layer (3) no longer fits: it moves to the last layer without a warning.
    expect(s.config.trackLayer).toBe(2);
    expect(s.notices.map((n) => n.text)).toEqual([
      'Changed the number of hidden layers: every variant restarted together from the same new weights, so they stay paired.',
    ]);
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

describe('restart notices', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG)));

  it('name settings as the controls do, never by their config keys', () => {
    updateConfig({ batchSize: 8, probeEvery: 50, seed: 3 });
    expect(useStore.getState().notices.at(-1)?.text).toMatch(/^Changed the batch size, the smoothness probes and the seed: /);
  });
});

describe('notices', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG)));

  it('number notices from the state, so a fresh state starts again at 1 and ids never repeat within one', () => {
    notify('one');
    notify('two', 'warning');
    expect(useStore.getState().notices.map((n) => n.id)).toEqual([1, 2]);
    dismiss(1);
    notify('three');
    expect(useStore.getState().notices.map((n) => [n.id, n.text])).toEqual([
      [2, 'two'],
      [3, 'three'],
    ]);
    useStore.setState(initialState(DEFAULT_CONFIG));
    notify('again');
    expect(useStore.getState().notices.map((n) => n.id)).toEqual([1]);
  });
});
