import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../../src/config/index.ts';
import { FakeClock, Session } from '../../src/worker/index.ts';
import { initialState, useStore } from '../store/store.ts';
import { TrainerClient, type TrainerEnv, type TrainerWorker } from './TrainerClient.ts';

const blobs: Config = { ...DEFAULT_CONFIG, dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.2, evalEvery: 5, trackLayer: 2 };

/** An in-process trainer worker on the fake clock: it can crash, or hang (it then hears and does nothing). */
class FakeWorker implements TrainerWorker {
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  hung = false;
  readonly sent: { type: string; resumeAt?: number }[] = [];
  private readonly session: Session;

  constructor(private readonly clock: FakeClock) {
    const alive = (fn: () => void) => () => {
      if (!this.terminated && !this.hung) fn();
    };
    this.session = new Session({
      post: (msg) =>
        clock.schedule(
          alive(() => this.onmessage?.({ data: msg } as MessageEvent<unknown>)),
          0,
        ),
      loadMnist: () => Promise.reject(new Error('no MNIST in unit tests')),
      now: clock.now,
      schedule: (fn, ms) => clock.schedule(alive(fn), ms),
    });
  }

  postMessage(msg: unknown): void {
    this.sent.push(msg as { type: string });
    this.clock.schedule(() => {
      if (!this.terminated && !this.hung) this.session.handle(structuredClone(msg));
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(message: string): void {
    this.clock.schedule(() => this.onerror?.({ message, preventDefault: () => {} } as ErrorEvent), 0);
  }
}

function harness() {
  const clock = new FakeClock();
  const workers: FakeWorker[] = [];
  const env: TrainerEnv = {
    spawn: () => {
      const w = new FakeWorker(clock);
      workers.push(w);
      return w;
    },
    now: clock.now,
    setTimeout: clock.schedule,
    clearTimeout: clock.cancel,
    setInterval: clock.every,
    clearInterval: clock.cancel,
  };
  const client = new TrainerClient(false, env);
  const step = () => useStore.getState().step;
  const status = () => useStore.getState().status;
  const notices = () => useStore.getState().notices.map((n) => n.text);
  return { clock, workers, client, step, status, notices, live: () => workers.filter((w) => !w.terminated) };
}

describe('TrainerClient (on a fake clock, with in-process workers)', () => {
  beforeEach(() => useStore.setState(initialState(blobs)));

  it('starts a run, steps exactly, and replaces a crashed trainer that replays to the step drawn', async () => {
    const h = harness();
    h.client.start();
    await h.clock.runUntil(() => h.status() === 'idle');
    h.client.step(20);
    await h.clock.runUntil(() => h.step() === 20 && h.status() === 'paused');
    h.workers[0].crash('simulated crash');
    await h.clock.runUntil(() => h.workers.length === 2 && h.status() === 'paused' && h.client.state.kind === 'paused');
    expect(h.notices().at(-1)).toMatch(/^The trainer crashed \(simulated crash\)\. A new trainer took over .* replaying the 20 steps already drawn/);
    expect(h.workers[1].sent.find((m) => m.type === 'configure')?.resumeAt).toBe(20);
    expect(h.step()).toBe(20);
    h.client.step(5);
    await h.clock.runUntil(() => h.step() === 25);
    h.client.dispose();
  });

  it('shows Pause at once, and what the trainer sent before it heard the pause does not show it playing again', async () => {
    const h = harness();
    h.client.start();
    await h.clock.runUntil(() => h.status() === 'idle');
    h.client.play();
    await h.clock.runUntil(() => h.step() > 30);
    h.client.pause();
    expect(h.status()).toBe('paused');
    const statuses: string[] = [];
    const unsubscribe = useStore.subscribe((s) => statuses.push(s.status));
    await h.clock.advance(2000);
    unsubscribe();
    expect(statuses.filter((st) => st !== 'paused')).toEqual([]);
    const at = h.step();
    await h.clock.advance(2000);
    expect(h.step()).toBe(at);
    h.client.dispose();
  });

  it('notices a hung trainer by its silence and replaces it', async () => {
    const h = harness();
    h.client.start();
    await h.clock.runUntil(() => h.status() === 'idle');
    h.client.step(10);
    await h.clock.runUntil(() => h.step() === 10 && h.status() === 'paused');
    h.workers[0].hung = true;
    const hungAt = h.clock.time;
    await h.clock.runUntil(() => h.workers.length === 2);
    // Pinged every second and given five: replaced within about six seconds, not at once.
    expect(h.clock.time - hungAt).toBeGreaterThan(5000);
    expect(h.clock.time - hungAt).toBeLessThan(7500);
    expect(h.notices().at(-1)).toMatch(/^The trainer stopped answering/);
    await h.clock.runUntil(() => h.client.state.kind === 'paused' && h.step() === 10);
    h.client.dispose();
  });

  it('a trainer killed during its replay comes back playing when it was playing', async () => {
    const h = harness();
    h.client.start();
    await h.clock.runUntil(() => h.status() === 'idle');
    h.client.play();
    await h.clock.runUntil(() => h.step() > 50);
    h.workers[0].crash('first');
    await h.clock.runUntil(() => h.workers.length === 2);
    // Killed again before its replay reached the step: the page still wants it to play.
    h.workers[1].crash('second');
    await h.clock.runUntil(() => h.workers.length === 3);
    expect(h.workers[2].sent.map((m) => m.type)).toContain('play');
    const at = h.step();
    await h.clock.runUntil(() => h.step() > at + 50 && h.status() === 'playing');
    h.client.dispose();
  });

  it('gives up after three restarts in a minute: the controls are off, and commands neither throw nor reach a worker', async () => {
    const h = harness();
    h.client.start();
    await h.clock.runUntil(() => h.status() === 'idle');
    for (let k = 0; k < 4; k++) {
      h.live()[0].crash(`crash ${k + 1}`);
      await h.clock.runUntil(() => h.workers.length === k + 2 || useStore.getState().stopped !== null);
    }
    expect(useStore.getState().stopped).toMatch(/crash 4/);
    expect(h.client.state.kind).toBe('stopped');
    expect(h.notices().at(-1)).toMatch(/3 times within a minute, so it stays stopped\. Reload the page/);
    expect(h.live()).toHaveLength(0);
    expect(() => {
      h.client.play();
      h.client.step(10);
      h.client.reset('new');
    }).not.toThrow();
    expect(h.workers).toHaveLength(4);
    h.client.dispose();
  });
});
