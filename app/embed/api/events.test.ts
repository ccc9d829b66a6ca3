import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/index.ts';
import { initialState, updateConfig, useStore, type AppState } from '../../store/store.ts';
import { showPage } from '../../store/uiActions.ts';
import { postEvents, STEP_EVENT_MS } from './events.ts';
import type { OutgoingMessage, StateEvent } from './protocol.ts';
import { fakeDemo } from './testDeps.ts';

/** The events posted for a page starting in `state` (and a story demo), on a clock the test moves. */
function watch(state: Partial<AppState>, demo = fakeDemo()) {
  useStore.setState({ ...initialState(DEFAULT_CONFIG), ...state }, true);
  const posted: OutgoingMessage[] = [];
  const clock = { t: 0, timers: [] as { at: number; fn: () => void }[] };
  const stop = postEvents({
    getState: useStore.getState,
    subscribe: (l) => useStore.subscribe(l),
    demo,
    post: (m) => posted.push(m),
    now: () => clock.t,
    setTimeout: (fn, ms) => clock.timers.push({ at: clock.t + ms, fn }),
  });
  const advance = (ms: number) => {
    clock.t += ms;
    const due = clock.timers.filter((x) => x.at <= clock.t);
    clock.timers = clock.timers.filter((x) => x.at > clock.t);
    for (const x of due) x.fn();
  };
  const events = () => posted.map((m) => (m as StateEvent).event);
  return { posted, advance, events, stop };
}

describe('the API’s events', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG), true));

  it('says ready once the lab’s run has loaded, and nothing before', () => {
    const w = watch({ view: 'lab', status: 'loading' });
    useStore.setState({ loading: { loaded: 10, total: 100 } });
    expect(w.posted).toEqual([]);
    useStore.setState({ status: 'idle' });
    useStore.setState({ status: 'playing' });
    expect(w.events()).toEqual(['ready', 'statechanged']);
    expect(w.posted[0]).toMatchObject({ namespace: 'shift-lab', event: 'ready', state: { status: 'idle', view: 'lab' } });
  });

  it('says ready at once on a view that does not wait for the lab', () => {
    const w = watch({ view: 'story', status: 'loading' });
    expect(w.posted).toEqual([{ namespace: 'shift-lab', event: 'ready', state: expect.objectContaining({ view: 'story', section: 'opening' }) }]);
  });

  it('reports play, pause, reset, config and view changes, not each snapshot', () => {
    const w = watch({ view: 'lab', status: 'idle' });
    useStore.setState({ status: 'playing' });
    useStore.setState({ status: 'playing', stepsPerSecond: 40 });
    useStore.setState({ status: 'paused' });
    useStore.setState({ runId: 2, step: 0 });
    updateConfig({ lr: 0.1 });
    showPage('story', 'bias');
    useStore.setState({ notices: [] });
    expect(w.events()).toEqual(['ready', 'statechanged', 'statechanged', 'statechanged', 'statechanged', 'statechanged']);
    expect((w.posted.at(-1) as StateEvent).state).toMatchObject({ view: 'story', section: 'bias' });
  });

  it('posts step events at most four times a second while training, the latest step last', () => {
    const w = watch({ view: 'lab', status: 'playing' });
    // Twenty snapshots a second for two seconds.
    for (let i = 1; i <= 40; i++) {
      useStore.setState({ step: i * 10 });
      w.advance(50);
    }
    w.advance(1000);
    const steps = w.posted.filter((m) => (m as StateEvent).event === 'step').map((m) => (m as StateEvent).state.step);
    expect(steps.length).toBeLessThanOrEqual(2000 / STEP_EVENT_MS + 1);
    expect(steps.length).toBeGreaterThanOrEqual(2000 / STEP_EVENT_MS - 1);
    expect(steps.at(-1)).toBe(400);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('embedding a story section, says ready once its demo run has loaded (its run methods act on that run)', () => {
    const demo = fakeDemo();
    const w = watch({ view: 'story', section: 'shift', status: 'loading', embedded: true }, demo);
    demo.store.setState({ phase: 'loading', target: 500, run: 1 });
    expect(w.posted).toEqual([]);
    demo.store.setState({ phase: 'running' });
    expect(w.events()).toEqual(['ready']);
    expect((w.posted[0] as StateEvent).state).toMatchObject({ playing: true, demo: { phase: 'running', run: 1 } });
    // A section without a demo run is ready at once.
    expect(watch({ view: 'story', section: 'scaling', embedded: true }, fakeDemo()).events()).toEqual(['ready']);
  });

  it('on the story view, follows the section’s demo run: its phase, a replay, and its steps', () => {
    const demo = fakeDemo({ phase: 'loading', target: 500, run: 1 });
    const w = watch({ view: 'story', section: 'shift', status: 'loading' }, demo);
    demo.store.setState({ phase: 'running' });
    for (let i = 1; i <= 4; i++) {
      demo.store.setState({ step: i * 25 });
      w.advance(STEP_EVENT_MS);
    }
    demo.store.setState({ phase: 'done', step: 500 });
    demo.store.setState({ phase: 'loading', step: 0, run: 2 });
    expect(w.events()).toEqual(['ready', 'statechanged', 'step', 'step', 'step', 'step', 'statechanged', 'statechanged']);
    const states = w.posted.map((m) => (m as StateEvent).state);
    expect(states[0]).toMatchObject({ status: 'loading', demo: { phase: 'loading', run: 1 } });
    expect(states[5]).toMatchObject({ step: 100, playing: true, demo: { phase: 'running', step: 100, target: 500 } });
    expect(states[6]).toMatchObject({ step: 500, playing: false, status: 'paused', demo: { phase: 'done' } });
    // The lab's run goes on elsewhere: its steps are not this view's.
    useStore.setState({ step: 900 });
    w.advance(1000);
    expect(w.events()).toHaveLength(8);
  });

  it('stops when asked', () => {
    const w = watch({ view: 'lab', status: 'idle' });
    w.stop();
    useStore.setState({ status: 'playing' });
    expect(w.events()).toEqual(['ready']);
  });
});
