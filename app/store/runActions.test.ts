import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import type { RunShape } from '../../src/worker/index.ts';
import { applyConfigured, setLoading } from './runActions.ts';
import { initialState, useStore } from './store.ts';

const shape = {} as RunShape;

describe('run actions', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG)));

  it("adopt the trainer's config only from the answer to the latest request, keeping the page's live fields", () => {
    useStore.setState({ step: 40, config: { ...DEFAULT_CONFIG, lr: 0.7 } });
    applyConfigured({ runId: 3, shape, config: { ...DEFAULT_CONFIG, seed: 9 }, resumed: false, latest: false });
    expect(useStore.getState()).toMatchObject({ runId: 3, step: 0, configSource: 'page' });
    expect(useStore.getState().config.seed).toBe(DEFAULT_CONFIG.seed);
    applyConfigured({ runId: 4, shape, config: { ...DEFAULT_CONFIG, seed: 9 }, resumed: false, latest: true });
    expect(useStore.getState().config).toMatchObject({ seed: 9, lr: 0.7 });
    expect(useStore.getState().configSource).toBe('worker');
  });

  it('keep the step a resumed run had reached, and end loading', () => {
    setLoading(10, 100);
    useStore.setState({ step: 40 });
    expect(useStore.getState()).toMatchObject({ status: 'loading', loading: { loaded: 10, total: 100 } });
    applyConfigured({ runId: 1, shape, config: DEFAULT_CONFIG, resumed: true, latest: true });
    expect(useStore.getState()).toMatchObject({ step: 40, loading: null, configSource: 'page' });
  });
});
