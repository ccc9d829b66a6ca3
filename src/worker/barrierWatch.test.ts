import { describe, expect, it } from 'vitest';
import { BarrierWatch } from './barrierWatch.ts';
import { BARRIER_HANG_MS } from './coordinatorHost.ts';
import { FakeClock } from './fakeClock.ts';

describe('BarrierWatch', () => {
  it('stays quiet while the sub-workers are heard, and reports a barrier that hears nothing for BARRIER_HANG_MS', async () => {
    const clock = new FakeClock();
    const stalls: string[] = [];
    let waiting = true;
    const watch = new BarrierWatch(
      { now: clock.now, schedule: clock.schedule, stalled: (r) => stalls.push(r) },
      () => waiting,
      () => 'wedged',
    );
    watch.start();
    for (let k = 0; k < 10; k++) {
      await clock.advance(1000);
      watch.heard();
    }
    expect(stalls).toEqual([]);
    await clock.advance(BARRIER_HANG_MS + 1500);
    expect(stalls).toEqual(['wedged']);
    // A barrier no longer awaited (reached, or held by a pause) is not watched.
    waiting = false;
    watch.start();
    await clock.advance(3 * BARRIER_HANG_MS);
    expect(stalls).toEqual(['wedged']);
  });
});
