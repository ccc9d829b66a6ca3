/**
 * The run control, as one state machine: what a trainer (a single worker's Session, or the Coordinator of
 * one worker per variant) and the page's TrainerClient do with the run. Pure: `next` maps a state and an
 * event to the next state; the hosts carry out what the state asks (train on, stop at a step, replace a
 * lost trainer). The page sends intents (play, pause, step) and renders the state.
 *
 *   loading ──built──▶ ready ──play──▶ playing ──pause / reached until / all diverged──▶ paused
 *      │ (built, thenPlay)──────────────▶ ▲                                              │
 *      │                  ready, paused, playing ──step N──▶ stepping ──reached stopAt──▶ paused
 *   any ──configure──▶ loading (keeps the wish to play)   any ──fail──▶ failed (until a configure)
 *   page only: any ──lost──▶ restarting ──built──▶ playing | paused;   any ──giveUp──▶ stopped (final)
 */

/** The states of a run. */
export type RunState =
  /** A run is being built (data loading, step 0 measured); `thenPlay`: play once it is. */
  | { readonly kind: 'loading'; readonly thenPlay: boolean }
  /** Built, at step 0, waiting for an intent. */
  | { readonly kind: 'ready' }
  /** Training on; with `until`, it pauses on reaching that step (a story demo's end, a held chunk). */
  | { readonly kind: 'playing'; readonly until: number | null }
  /** Training exactly to `stopAt`, then pausing (Step N). */
  | { readonly kind: 'stepping'; readonly stopAt: number }
  | { readonly kind: 'paused' }
  /** Page only: the trainer crashed or hung; a new one replays the run to `resumeAt`, then plays on or waits. */
  | { readonly kind: 'restarting'; readonly resumeAt: number; readonly thenPlay: boolean; readonly reason: string }
  /** Page only: replaced too often; nothing trains until the page is reloaded. Final. */
  | { readonly kind: 'stopped'; readonly reason: string }
  /** The run could not be built (or a step threw); a new configure starts over. */
  | { readonly kind: 'failed'; readonly message: string };

export type RunKind = RunState['kind'];

/** What can happen to a run: the page's intents, and what the trainer reports. */
export type RunEvent =
  | { readonly type: 'configure' }
  | { readonly type: 'built' }
  | { readonly type: 'play'; readonly until?: number }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly count: number }
  /** A step completed; the run is now at `step`. */
  | { readonly type: 'reached' }
  /** Every variant that trains here has diverged: nothing is left to train. */
  | { readonly type: 'allDiverged' }
  | { readonly type: 'fail'; readonly message: string }
  /** Page only: the trainer crashed or stopped making progress. */
  | { readonly type: 'lost'; readonly reason: string }
  | { readonly type: 'giveUp'; readonly reason: string };

export const INITIAL_RUN: RunState = { kind: 'loading', thenPlay: false };

/** The state after `event`, for a run now at `step` (completed steps). */
export function next(state: RunState, event: RunEvent, step: number): RunState {
  if (state.kind === 'stopped') return state;
  switch (event.type) {
    case 'configure':
      // A rebuilt run keeps the wish to play (a new seed while playing plays on).
      return { kind: 'loading', thenPlay: wantsToPlay(state) };
    case 'built':
      if (state.kind === 'restarting') return state.thenPlay ? { kind: 'playing', until: null } : { kind: 'paused' };
      if (state.kind === 'loading') return state.thenPlay ? { kind: 'playing', until: null } : { kind: 'ready' };
      return state;
    case 'play':
      if (state.kind === 'loading' || state.kind === 'restarting') return { ...state, thenPlay: true };
      if (!isBuilt(state) || (event.until !== undefined && event.until <= step)) return state;
      return { kind: 'playing', until: event.until ?? null };
    case 'pause':
      if (state.kind === 'loading' || state.kind === 'restarting') return { ...state, thenPlay: false };
      return isTraining(state) ? { kind: 'paused' } : state;
    case 'step':
      // A Step pressed while one is under way adds its steps to the ones still to come (two quick presses of
      // Step 10 are 20 steps, whether or not the first has reached the page yet).
      if (!isBuilt(state)) return state;
      return { kind: 'stepping', stopAt: (state.kind === 'stepping' ? Math.max(state.stopAt, step) : step) + event.count };
    case 'reached': {
      const stop = stopStep(state);
      return stop !== null && step >= stop ? { kind: 'paused' } : state;
    }
    case 'allDiverged':
      return isTraining(state) ? { kind: 'paused' } : state;
    case 'fail':
      return { kind: 'failed', message: event.message };
    case 'lost':
      return { kind: 'restarting', resumeAt: step, thenPlay: wantsToPlay(state), reason: event.reason };
    case 'giveUp':
      return { kind: 'stopped', reason: event.reason };
  }
}

/** Whether the run is built and takes play and step intents. */
export function isBuilt(state: RunState): boolean {
  return state.kind === 'ready' || state.kind === 'playing' || state.kind === 'stepping' || state.kind === 'paused';
}

/** Whether the run should be training now. */
export function isTraining(state: RunState): boolean {
  return state.kind === 'playing' || state.kind === 'stepping';
}

/** Whether the page wants the run to play on (a restart resumes playing only then). */
export function wantsToPlay(state: RunState): boolean {
  return state.kind === 'playing' || ((state.kind === 'restarting' || state.kind === 'loading') && state.thenPlay);
}

/** The step at which training stops by itself, or null. */
export function stopStep(state: RunState): number | null {
  if (state.kind === 'stepping') return state.stopAt;
  if (state.kind === 'playing') return state.until;
  return null;
}

/** What the wire and the page's controls call the state. */
export function statusOf(state: RunState): 'loading' | 'idle' | 'playing' | 'paused' {
  switch (state.kind) {
    case 'loading':
    case 'restarting':
      return 'loading';
    case 'ready':
    case 'failed':
      return 'idle';
    case 'playing':
    case 'stepping':
      return 'playing';
    case 'paused':
    case 'stopped':
      return 'paused';
  }
}
