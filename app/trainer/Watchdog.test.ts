import { describe, expect, it } from 'vitest';
import { HANG_MS, Watchdog } from './Watchdog.ts';

function setup() {
  let t = 0;
  const pings: [number, number][] = [];
  const hangs: number[] = [];
  const dog = new Watchdog(
    (w, id) => pings.push([w, id]),
    (w) => hangs.push(w),
    () => t,
  );
  return { dog, pings, hangs, advance: (ms: number) => (t += ms) };
}

describe('Watchdog', () => {
  it('does not take a blocked page for a hung worker: a late tick restarts the wait, a real hang is still found', () => {
    const { dog, hangs, advance } = setup();
    dog.tick(1);
    advance(1000);
    dog.tick(1);
    // The page's own thread is blocked for 8 s: the worker's answer is queued behind the next tick.
    advance(8000);
    dog.tick(1);
    expect(hangs).toEqual([]);
    dog.heardFrom(0);
    for (let k = 0; k < 10; k++) {
      advance(1000);
      dog.tick(1);
      dog.heardFrom(0);
    }
    expect(hangs).toEqual([]);
    // Now the worker really stops answering: found about HANG_MS later, the page running normally.
    for (let k = 0; k < 7; k++) {
      advance(1000);
      dog.tick(1);
    }
    expect(hangs).toEqual([0]);
  });

  it('pings each worker once per round and stays quiet while they answer', () => {
    const { dog, pings, hangs, advance } = setup();
    for (let k = 0; k < 20; k++) {
      dog.tick(2);
      advance(1000);
      dog.heardFrom(0);
      dog.heardFrom(1);
    }
    expect(pings).toHaveLength(40);
    expect(hangs).toEqual([]);
  });

  it('reports a worker whose ping goes unanswered past the limit, once', () => {
    const { dog, hangs, advance } = setup();
    // Ticks come every second; worker 0 answers, worker 1 never does.
    for (let t = 0; t <= HANG_MS; t += 1000) {
      dog.tick(2);
      dog.heardFrom(0);
      advance(1000);
    }
    expect(hangs).toEqual([]);
    dog.tick(2);
    expect(hangs).toEqual([1]);
  });

  it('does not mistake a long gap between ticks (a throttled background tab) for a hang', () => {
    const { dog, hangs, advance } = setup();
    dog.tick(1);
    advance(5);
    dog.heardFrom(0);
    advance(60_000);
    dog.tick(1);
    advance(5);
    dog.heardFrom(0);
    advance(60_000);
    dog.tick(1);
    expect(hangs).toEqual([]);
  });
});
