import { DEFAULT_CONFIG } from '../../../src/config/index.ts';
import { initialState, updateConfig, useStore, type AppState } from '../../store/store.ts';
import { showPage } from '../../store/uiActions.ts';
import type { ApiDeps } from './handler.ts';
import type { OutgoingMessage } from './protocol.ts';

/** Tests only: the store reset to a page with `state`, a trainer that records its intents, and the messages posted. */
export function harness(state: Partial<AppState> = {}) {
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
    post: (msg) => posted.push(msg),
  };
  return { deps, calls, posted };
}

/** A call as a host sends it. */
export const call = (method: unknown, args?: unknown, callbackId: unknown = 1) => ({ namespace: 'shift-lab', method, args, callbackId });
