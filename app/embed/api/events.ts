import type { AppState } from '../../store/store.ts';
import { apiState, changeKey } from './apiState.ts';
import { NAMESPACE, type OutgoingMessage, type StateEvent } from './protocol.ts';

/** Least time between two `step` events: at most four a second, whatever the pace of the run. */
export const STEP_EVENT_MS = 250;

/** What the events watch and where they go: the store, the parent, and a clock for the step events' pace. */
export interface EventDeps {
  readonly getState: () => AppState;
  readonly subscribe: (listener: (s: AppState, prev: AppState) => void) => () => void;
  readonly post: (msg: OutgoingMessage) => void;
  readonly now: () => number;
  readonly setTimeout: (fn: () => void, ms: number) => void;
}

/**
 * Whether the page is ready for a host: on the lab, once its run has loaded (data and workers); on any other
 * view at once, since nothing there waits on the lab's workers (its run methods are refused there anyway).
 */
export function isReady(s: AppState): boolean {
  return s.view !== 'lab' || s.status !== 'loading';
}

/**
 * Posts the page's events to the parent: `ready` once, then `statechanged` when the run's status, the run
 * (a reset, a new config), the config, the view or a variant's status change, and `step` as training moves
 * on, at most every STEP_EVENT_MS (the latest step is always posted last). Returns the way to stop.
 */
export function postEvents(deps: EventDeps): () => void {
  const send = (event: StateEvent['event']) => deps.post({ namespace: NAMESPACE, event, state: apiState(deps.getState()) });
  let ready = false;
  let lastStepAt = -Infinity;
  let stepPending = false;
  const stepEvent = () => {
    if (stepPending) return;
    const wait = lastStepAt + STEP_EVENT_MS - deps.now();
    if (wait <= 0) {
      lastStepAt = deps.now();
      send('step');
      return;
    }
    stepPending = true;
    deps.setTimeout(() => {
      stepPending = false;
      lastStepAt = deps.now();
      send('step');
    }, wait);
  };
  const check = (s: AppState, prev: AppState | null) => {
    if (!ready) {
      if (!isReady(s)) return;
      ready = true;
      send('ready');
      return;
    }
    if (prev === null) return;
    if (s.config !== prev.config || changeKey(s) !== changeKey(prev)) send('statechanged');
    if (s.step > prev.step) stepEvent();
  };
  check(deps.getState(), null);
  return deps.subscribe((s, prev) => check(s, prev));
}
