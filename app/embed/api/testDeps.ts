import { DEFAULT_CONFIG } from '../../../src/config/index.ts';
import { initialState, updateConfig, useStore, type AppState } from '../../store/store.ts';
import { showPage } from '../../store/uiActions.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DemoState } from '../../story/demo/DemoClient.ts';
import type { DemoControl } from './demoApi.ts';
import type { ApiDeps } from './handler.ts';
import type { OutgoingMessage } from './protocol.ts';

/** Tests only: a story demo in `state` that records what it is told (`calls`), without a worker or a history. */
export function fakeDemo(state: Partial<DemoState> = {}, calls: string[] = []): DemoControl & { store: StoreApi<DemoState>; calls: string[] } {
  const store = createStore<DemoState>(() => ({ phase: 'idle', step: 0, target: 0, shape: null, config: null, message: null, run: 0, ...state }));
  return {
    store,
    history: { shape: null, variantAt: () => NaN },
    resume: () => calls.push('demo resume'),
    pause: () => calls.push('demo pause'),
    replay: () => calls.push('demo replay'),
    calls,
  };
}

/** Tests only: the store reset to a page with `state`, a trainer that records its intents, and the messages posted. */
export function harness(state: Partial<AppState> = {}, demoState: Partial<DemoState> = {}) {
  useStore.setState({ ...initialState(DEFAULT_CONFIG), view: 'lab', status: 'idle', ...state }, true);
  const calls: string[] = [];
  const posted: OutgoingMessage[] = [];
  const deps: ApiDeps = {
    getState: useStore.getState,
    updateConfig,
    showPage,
    trainer: {
      play: () => calls.push('play'),
      pause: () => calls.push('pause'),
      step: (n) => calls.push(`step ${n}`),
      reset: (seed) => calls.push(`reset ${seed}`),
    },
    demo: fakeDemo(demoState, calls),
    post: (msg) => posted.push(msg),
  };
  return { deps, calls, posted };
}

/** A call as a host sends it. */
export const call = (method: unknown, args?: unknown, callbackId: unknown = 1) => ({ namespace: 'shift-lab', method, args, callbackId });
