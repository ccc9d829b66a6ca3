import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/index.ts';
import { PROTOCOL_VERSION } from '../../../src/worker/index.ts';
import { DemoClient } from './DemoClient.ts';
import { TEST_SHAPE } from '../../history/testShape.ts';

const shape = TEST_SHAPE;

/** The demo's worker, stubbed: what the client posts, and a way to answer as the worker would. */
class FakeWorker {
  static last: FakeWorker | null = null;
  readonly posted: { type: string; until?: number }[] = [];
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: unknown = null;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(msg: { type: string }): void {
    this.posted.push(msg);
  }
  terminate(): void {}
  answer(msg: Record<string, unknown>): void {
    this.onmessage?.({ data: { v: PROTOCOL_VERSION, step: 0, ...msg } } as MessageEvent<unknown>);
  }
}

const request = { config: DEFAULT_CONFIG, steps: 300, stepsPerSecond: 60 } as const;

describe('the story’s demo client', () => {
  beforeEach(() => vi.stubGlobal('Worker', FakeWorker));
  afterEach(() => vi.unstubAllGlobals());

  it('plays a new run once it is built, to its target', () => {
    const demo = new DemoClient();
    demo.start(request);
    const worker = FakeWorker.last!;
    worker.answer({ type: 'configured', runId: 1, request: 1, config: DEFAULT_CONFIG, shape });
    expect(demo.store.getState()).toMatchObject({ phase: 'running', step: 0, target: 300 });
    expect(worker.posted.at(-1)).toMatchObject({ type: 'play', until: 300 });
  });

  it('paused while its run loads (a slide left at once), starts that run held at step 0, and goes on when asked', () => {
    const demo = new DemoClient();
    demo.start(request);
    demo.pause();
    const worker = FakeWorker.last!;
    worker.answer({ type: 'configured', runId: 1, request: 1, config: DEFAULT_CONFIG, shape });
    expect(demo.store.getState()).toMatchObject({ phase: 'paused', step: 0 });
    expect(worker.posted.filter((m) => m.type === 'play')).toEqual([]);
    demo.resume();
    expect(worker.posted.at(-1)).toMatchObject({ type: 'play', until: 300 });
    // Replay starts over, playing.
    demo.pause();
    demo.replay();
    worker.answer({ type: 'configured', runId: 2, request: 2, config: DEFAULT_CONFIG, shape });
    expect(demo.store.getState().phase).toBe('running');
  });

  it('a pause then a play while it loads leaves the run to play as it would have', () => {
    const demo = new DemoClient();
    demo.start(request);
    demo.pause();
    demo.resume();
    FakeWorker.last!.answer({ type: 'configured', runId: 1, request: 1, config: DEFAULT_CONFIG, shape });
    expect(demo.store.getState().phase).toBe('running');
  });
});
