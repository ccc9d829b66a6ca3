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
    dog.tick(2);
    dog.heardFrom(0);
    advance(HANG_MS / 2);
    dog.tick(2);
    expect(hangs).toEqual([]);
    advance(HANG_MS);
    dog.heardFrom(0);
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
