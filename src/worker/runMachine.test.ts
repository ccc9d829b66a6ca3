import { describe, expect, it } from 'vitest';
import { INITIAL_RUN, isTraining, next, statusOf, stopStep, wantsToPlay, type RunEvent, type RunState } from './runMachine.ts';

/** Runs events from a state, each at the step given beside it. */
function run(from: RunState, ...events: [RunEvent, number][]): RunState {
  return events.reduce((s, [e, step]) => next(s, e, step), from);
}

describe('the run state machine', () => {
  it('builds, plays, pauses and steps exactly to a step', () => {
    let s = run(INITIAL_RUN, [{ type: 'built' }, 0]);
    expect(s).toEqual({ kind: 'ready' });
    expect(statusOf(s)).toBe('idle');
    s = next(s, { type: 'play' }, 0);
    expect(s).toEqual({ kind: 'playing', until: null });
    expect(statusOf(s)).toBe('playing');
    s = next(s, { type: 'pause' }, 40);
    expect(s).toEqual({ kind: 'paused' });
    s = next(s, { type: 'step', count: 10 }, 40);
    expect(s).toEqual({ kind: 'stepping', stopAt: 50 });
    expect(isTraining(s) && stopStep(s)).toBe(50);
    expect(next(s, { type: 'reached' }, 49)).toBe(s);
    expect(next(s, { type: 'reached' }, 50)).toEqual({ kind: 'paused' });
  });

  it('adds a Step pressed while one is under way to the steps still to come', () => {
    // Step 10 at 0, then Step 10 again when the page has heard of only 9 steps: 20 in all, not 19.
    const s = next(next({ kind: 'paused' }, { type: 'step', count: 10 }, 0), { type: 'step', count: 10 }, 9);
    expect(s).toEqual({ kind: 'stepping', stopAt: 20 });
    // Pressed while playing, it stops that many steps on from where the run is.
    expect(next({ kind: 'playing', until: null }, { type: 'step', count: 5 }, 40)).toEqual({ kind: 'stepping', stopAt: 45 });
  });

  it('plays until a step and pauses there; a run already past it stays put', () => {
    const ready: RunState = { kind: 'ready' };
    const s = next(ready, { type: 'play', until: 30 }, 0);
    expect(stopStep(s)).toBe(30);
    expect(next(s, { type: 'reached' }, 30)).toEqual({ kind: 'paused' });
    expect(next({ kind: 'paused' }, { type: 'play', until: 30 }, 30)).toEqual({ kind: 'paused' });
  });

  it('keeps the wish to play through a rebuild, and an intent made while loading applies when built', () => {
    const playing: RunState = { kind: 'playing', until: null };
    const loading = next(playing, { type: 'configure' }, 120);
    expect(loading).toEqual({ kind: 'loading', thenPlay: true });
    expect(statusOf(loading)).toBe('loading');
    expect(next(loading, { type: 'built' }, 0)).toEqual({ kind: 'playing', until: null });
    expect(run(loading, [{ type: 'pause' }, 0], [{ type: 'built' }, 0])).toEqual({ kind: 'ready' });
    // A step cannot be counted before there is a run to count from.
    expect(next(loading, { type: 'step', count: 5 }, 0)).toBe(loading);
  });

  it('stops when every variant diverged, so Play never shows Pause at 0 steps/s', () => {
    expect(next({ kind: 'playing', until: null }, { type: 'allDiverged' }, 14)).toEqual({ kind: 'paused' });
    expect(next({ kind: 'stepping', stopAt: 99 }, { type: 'allDiverged' }, 14)).toEqual({ kind: 'paused' });
  });

  it('on the page: a lost trainer restarts toward the step reached, and resumes playing only if it was asked to', () => {
    const lost = next({ kind: 'playing', until: null }, { type: 'lost', reason: 'crashed' }, 500);
    expect(lost).toEqual({ kind: 'restarting', resumeAt: 500, thenPlay: true, reason: 'crashed' });
    expect(statusOf(lost)).toBe('loading');
    expect(next(lost, { type: 'built' }, 500)).toEqual({ kind: 'playing', until: null });
    // Killed again during its replay: still playing afterwards (it was not paused meanwhile).
    const again = next(lost, { type: 'lost', reason: 'crashed again' }, 500);
    expect(wantsToPlay(again)).toBe(true);
    expect(next(again, { type: 'built' }, 500)).toEqual({ kind: 'playing', until: null });
    // Paused during the replay: it waits afterwards.
    expect(run(lost, [{ type: 'pause' }, 500], [{ type: 'built' }, 500])).toEqual({ kind: 'paused' });
    expect(next({ kind: 'paused' }, { type: 'lost', reason: 'hung' }, 20)).toMatchObject({ thenPlay: false });
  });

  it('gives up for good: a stopped run takes no intent and no report', () => {
    const stopped = next({ kind: 'playing', until: null }, { type: 'giveUp', reason: 'three restarts' }, 9);
    expect(stopped).toEqual({ kind: 'stopped', reason: 'three restarts' });
    const events: RunEvent[] = [{ type: 'play' }, { type: 'step', count: 1 }, { type: 'configure' }, { type: 'built' }, { type: 'lost', reason: 'x' }];
    for (const e of events) expect(next(stopped, e, 9)).toBe(stopped);
    expect(statusOf(stopped)).toBe('paused');
  });

  it('a failed build settles as idle and waits for a new configure', () => {
    const failed = next({ kind: 'loading', thenPlay: true }, { type: 'fail', message: 'no data' }, 0);
    expect(statusOf(failed)).toBe('idle');
    expect(next(failed, { type: 'play' }, 0)).toBe(failed);
    expect(next(failed, { type: 'configure' }, 0)).toEqual({ kind: 'loading', thenPlay: false });
  });
});
