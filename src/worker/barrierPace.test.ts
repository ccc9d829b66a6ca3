import { describe, expect, it } from 'vitest';
import { BARRIER_MS, BarrierPace } from './barrierPace.ts';

describe('BarrierPace', () => {
  it('sizes the next chunk so that a barrier comes about every BARRIER_MS', () => {
    const pace = new BarrierPace();
    pace.start(0, 0);
    // 4 steps took 10 ms: 20 steps make 50 ms.
    pace.barrier(10, 4, 4);
    expect(pace.chunk).toBe(Math.round((4 * BARRIER_MS) / 10));
    // Slow steps: never less than one.
    pace.barrier(1010, 5, 1);
    expect(pace.chunk).toBe(1);
    // Very fast steps: capped.
    pace.barrier(1011, 10_005, 10_000);
    expect(pace.chunk).toBe(500);
  });

  it('measures steps per second over a quarter second or more', () => {
    const pace = new BarrierPace();
    pace.start(0, 0);
    pace.barrier(100, 50, 50);
    expect(pace.perSecond).toBe(0);
    pace.barrier(500, 200, 150);
    expect(pace.perSecond).toBe(400);
  });

  it('counts the steps due at a paced speed from when the pace restarted', () => {
    const pace = new BarrierPace();
    pace.start(0, 0);
    expect(pace.due(1000, 10, 0)).toBe(10);
    expect(pace.due(1000, 10, 8)).toBe(2);
    pace.repace(1000, 8);
    expect(pace.due(1500, 1, 8)).toBe(0);
    expect(pace.due(2000, 1, 8)).toBe(1);
    expect(pace.due(4000, 0.5, 8)).toBe(1);
  });

  it('starts a new run with small chunks, and does not count idle time after a pause', () => {
    const pace = new BarrierPace();
    pace.start(0, 0);
    pace.barrier(1, 500, 500);
    expect(pace.chunk).toBe(500);
    pace.start(10, 0);
    expect(pace.chunk).toBe(4);
    pace.barrier(20, 20, 20);
    const chunk = pace.chunk;
    // Ten seconds paused, then a chunk as fast as before: the same size, not one step.
    pace.resume(10_020, 20);
    pace.barrier(10_030, 40, 20);
    expect(pace.chunk).toBe(chunk);
  });
});
