import type { AppState } from '../../store/store.ts';
import { DEMOS } from '../../story/demo/demoSpecs.ts';
import { apiState, changeKey } from './apiState.ts';
import type { DemoControl } from './demoApi.ts';
import { NAMESPACE, type ApiState, type OutgoingMessage, type StateEvent } from './protocol.ts';

/** Least time between two `step` events: at most four a second, whatever the pace of the run. */
export const STEP_EVENT_MS = 250;

/** What the events watch and where they go: the store and the story's demo, the parent, and a clock for the step events' pace. */
export interface EventDeps {
  readonly getState: () => AppState;
  readonly subscribe: (listener: () => void) => () => void;
  readonly demo: DemoControl;
  readonly post: (msg: OutgoingMessage) => void;
  readonly now: () => number;
  readonly setTimeout: (fn: () => void, ms: number) => void;
}

/**
 * Whether the page is ready for a host: on the lab, once its run has loaded (data and workers); on an embedded
 * story section with a demo, once that run has loaded (its run methods act on it); on any other view at once,
 * since nothing there waits on a trainer (the whole story's sections may wait for a reader's prediction).
 */
export function isReady(s: AppState, demo: DemoControl): boolean {
  if (s.view === 'lab') return s.status !== 'loading';
  if (s.view !== 'story' || !s.embedded || DEMOS[s.section] === undefined) return true;
  const { phase } = demo.store.getState();
  return phase !== 'idle' && phase !== 'loading';
}

/**
 * Posts the page's events to the parent: `ready` once, then `statechanged` when the run's status, the run
 * (a reset, a new config, a demo replayed), the config, the view or section, or a variant's status change,
 * and `step` as the run shown moves on, at most every STEP_EVENT_MS (the latest step is always posted last).
 * Returns the way to stop.
 */
export function postEvents(deps: EventDeps): () => void {
  const state = () => apiState(deps.getState(), deps.demo);
  const send = (event: StateEvent['event'], now: ApiState = state()) => deps.post({ namespace: NAMESPACE, event, state: now });
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
  let prev: { key: string; config: AppState['config']; step: number } | null = null;
  const check = () => {
    const s = deps.getState();
    if (!ready) {
      if (!isReady(s, deps.demo)) return;
      ready = true;
    }
    const now = apiState(s, deps.demo);
    const key = changeKey(now, s.runId);
    if (prev === null) send('ready', now);
    else if (s.config !== prev.config || key !== prev.key) send('statechanged', now);
    if (prev !== null && now.step > prev.step && key === prev.key) stepEvent();
    prev = { key, config: s.config, step: now.step };
  };
  check();
  const offStore = deps.subscribe(check);
  const offDemo = deps.demo.store.subscribe(check);
  return () => {
    offStore();
    offDemo();
  };
}
