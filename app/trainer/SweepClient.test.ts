import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import { SWEEP_BUDGET, SWEEP_FACTORS, type SweepRow } from '../../src/experiment/index.ts';
import type { FromSweep } from '../../src/worker/index.ts';
import { initialSweepState, useSweepStore } from '../sweep/sweepStore.ts';
import { factorsFor, SweepClient, type SweepWorker } from './SweepClient.ts';

/** A message from the worker, without its version (distributes Omit over the union). */
type Said = FromSweep extends infer M ? (M extends { v: 1 } ? Omit<M, 'v'> : never) : never;

class FakeWorker implements SweepWorker {
  sent: Record<string, unknown>[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromSweep>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(msg: unknown): void {
    this.sent.push(msg as Record<string, unknown>);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** The worker answers. */
  say(msg: Said): void {
    this.onmessage?.({ data: { v: 1, ...msg } } as MessageEvent<FromSweep>);
  }
  crash(): void {
    this.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
  }
  get request(): number {
    return this.sent.find((m) => m.type === 'start')?.request as number;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const client = new SweepClient(2, () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  });
  client.start(DEFAULT_CONFIG);
  return { client, workers };
}

const row = (factor: number): SweepRow => ({ factor, lr: factor * 0.5, steps: 10, ms: 1, variants: [] });

afterEach(() => useSweepStore.setState(initialSweepState));

describe('the sweep client', () => {
  it('splits the rates between two workers and gathers their rows in order, done when both are', () => {
    const { workers } = setup();
    expect(workers.map((w) => w.sent[0].factors)).toEqual([factorsFor(0, 2), factorsFor(1, 2)]);
    const [a, b] = workers;
    a.say({ type: 'progress', request: a.request, done: 300, total: 4 * SWEEP_BUDGET, factor: 0.03 });
    b.say({ type: 'progress', request: b.request, done: 200, total: 3 * SWEEP_BUDGET, factor: 0.1 });
    expect(useSweepStore.getState()).toMatchObject({ status: 'running', done: 500, total: SWEEP_FACTORS.length * SWEEP_BUDGET });
    b.say({ type: 'row', request: b.request, row: row(0.1) });
    a.say({ type: 'row', request: a.request, row: row(0.03) });
    expect(useSweepStore.getState().rows.map((r) => r.factor)).toEqual([0.03, 0.1]);
    a.say({ type: 'done', request: a.request, cancelled: false });
    expect(useSweepStore.getState().status).toBe('running');
    b.say({ type: 'done', request: b.request, cancelled: false });
    expect(useSweepStore.getState().status).toBe('done');
  });

  it('drops the messages of a sweep it has replaced', () => {
    const { client, workers } = setup();
    const old = workers[0].request;
    client.start(DEFAULT_CONFIG);
    workers[0].say({ type: 'row', request: old, row: row(0.03) });
    workers[0].say({ type: 'done', request: old, cancelled: false });
    expect(useSweepStore.getState()).toMatchObject({ status: 'loading', rows: [] });
  });

  it('ends the whole sweep when one worker crashes: the other is stopped and nothing it says counts', () => {
    const { client, workers } = setup();
    const [a, b] = workers;
    a.say({ type: 'row', request: a.request, row: row(0.03) });
    a.crash();
    expect(a.terminated && b.terminated).toBe(true);
    expect(useSweepStore.getState()).toMatchObject({ status: 'failed' });
    b.say({ type: 'progress', request: b.request, done: 9, total: 9, factor: null });
    b.say({ type: 'done', request: b.request, cancelled: false });
    expect(useSweepStore.getState().status).toBe('failed');
    expect(useSweepStore.getState().rows.map((r) => r.factor)).toEqual([0.03]);
    // Run again: fresh workers.
    client.start(DEFAULT_CONFIG);
    expect(workers).toHaveLength(4);
  });

  it('reports a failure inside a worker as failed, and cancels the other worker', () => {
    const { workers } = setup();
    const [a, b] = workers;
    a.say({ type: 'error', request: a.request, message: 'out of memory' });
    a.say({ type: 'done', request: a.request, cancelled: true });
    expect(b.sent.at(-1)?.type).toBe('cancel');
    b.say({ type: 'done', request: b.request, cancelled: true });
    expect(useSweepStore.getState()).toMatchObject({ status: 'failed', message: 'out of memory' });
  });

  it('cancels every worker and ends as cancelled', () => {
    const { client, workers } = setup();
    client.cancel();
    expect(workers.every((w) => w.sent.at(-1)?.type === 'cancel')).toBe(true);
    for (const w of workers) w.say({ type: 'done', request: w.request, cancelled: true });
    expect(useSweepStore.getState().status).toBe('cancelled');
  });
});
