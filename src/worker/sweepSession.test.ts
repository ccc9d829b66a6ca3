import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import type { MnistFile } from '../data/mnistFormat.ts';
import { Experiment } from '../experiment/experiment.ts';
import type { FromSweep } from './sweepProtocol.ts';
import { PROGRESS_INTERVAL_MS, SweepSession } from './sweepSession.ts';

const blobs: Config = { ...DEFAULT_CONFIG, dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.2, trackLayer: 2 };
/** Factors at which the blobs net never reaches 90% within the budget, so every rate runs it all. */
const SLOW = [0.01, 0.02];
const BUDGET = 100;

type Loader = (onProgress: (loaded: number, total: number | null) => void) => Promise<MnistFile>;

/**
 * A session on a fake clock that moves `tickMs` at every reading, with slices run one by one by the test
 * (nothing runs by itself), and every message it sends kept in order.
 */
function harness(loadMnist: Loader = () => Promise.reject(new Error('no MNIST in this test')), tickMs = 0.25) {
  const messages: FromSweep[] = [];
  const tasks: (() => void)[] = [];
  let time = 0;
  const session = new SweepSession(
    { post: (msg) => messages.push(msg), loadMnist, now: () => (time += tickMs), schedule: (fn) => tasks.push(fn) },
    { budget: BUDGET },
  );
  const send = (msg: object) => session.handle({ v: 1, ...msg });
  const slice = () => tasks.shift()?.();
  const runAll = () => {
    for (let n = 0; tasks.length > 0; n++) {
      if (n > 100_000) throw new Error('the sweep never ended');
      slice();
    }
  };
  const of = <T extends FromSweep['type']>(type: T) => messages.filter((m): m is Extract<FromSweep, { type: T }> => m.type === type);
  return { session, messages, tasks, send, slice, runAll, of, elapsed: () => time };
}

/** A valid MNIST file of 60 4×4 images (50 to train on), so the MNIST path costs nothing. */
function tinyMnist(): MnistFile {
  const count = 60;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  const pixels = Uint8Array.from({ length: count * 16 }, (_, i) => (i * 37 + Math.floor(i / 16) * 11) % 256);
  return { count, rows: 4, cols: 4, trainCount: 50, labels, pixels, checksum: 0 };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => vi.restoreAllMocks());

describe('sweep session', () => {
  it('sweeps every factor in order, posting rows, progress up to the total, and done last', () => {
    const h = harness();
    h.send({ type: 'start', request: 4, config: blobs, factors: [0.5, ...SLOW] });
    h.runAll();
    expect(h.of('row').map((m) => m.row.factor)).toEqual([0.5, ...SLOW]);
    expect(h.of('row')[0].row.variants.map((v) => v.name)).toEqual(['plain', 'bn-before']);
    expect(h.of('progress')[0]).toEqual({ v: 1, type: 'progress', request: 4, done: 0, total: 3 * BUDGET, factor: 0.5 });
    expect(h.of('progress').at(-1)).toMatchObject({ done: 3 * BUDGET, total: 3 * BUDGET, factor: null });
    const done = h.of('progress').map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(h.messages.at(-1)).toEqual({ v: 1, type: 'done', request: 4, cancelled: false });
    expect(h.messages.every((m) => m.type !== 'error' && m.request === 4)).toBe(true);
    expect(h.of('done')).toHaveLength(1);
  });

  it('sends at most one progress message per interval, besides one with each row', () => {
    const h = harness(undefined, 1);
    h.send({ type: 'start', request: 1, config: blobs, factors: SLOW });
    h.runAll();
    const progress = h.of('progress').length;
    expect(progress).toBeGreaterThan(4);
    expect(progress).toBeLessThanOrEqual(Math.ceil(h.elapsed() / PROGRESS_INTERVAL_MS) + SLOW.length + 1);
  });

  it('stops on cancel within a slice and says so once', () => {
    const h = harness();
    h.send({ type: 'start', request: 2, config: blobs, factors: SLOW });
    for (let i = 0; i < 3; i++) h.slice();
    h.send({ type: 'cancel' });
    const count = h.messages.length;
    expect(h.messages.at(-1)).toEqual({ v: 1, type: 'done', request: 2, cancelled: true });
    h.runAll();
    expect(h.messages).toHaveLength(count);
    // A second cancel has nothing to stop and answers nothing.
    h.send({ type: 'cancel' });
    expect(h.messages).toHaveLength(count);
  });

  it('lets a new start supersede the old one, whose messages stop at once', () => {
    const h = harness();
    h.send({ type: 'start', request: 1, config: blobs, factors: SLOW });
    for (let i = 0; i < 3; i++) h.slice();
    const at = h.messages.length;
    h.send({ type: 'start', request: 2, config: blobs, factors: [1] });
    // The old sweep's scheduled slice does nothing: one chain of slices, not two.
    h.slice();
    while (h.tasks.length > 0) {
      expect(h.tasks).toHaveLength(1);
      h.slice();
    }
    const after = h.messages.slice(at);
    expect(after.every((m) => m.type !== 'error' && m.request === 2)).toBe(true);
    expect(h.of('done')).toEqual([{ v: 1, type: 'done', request: 2, cancelled: false }]);
    expect(h.of('row').map((m) => [m.request, m.row.factor])).toEqual([[2, 1]]);
  });

  it('answers malformed messages with an error, never a throw, and keeps sweeping', () => {
    const h = harness();
    h.send({ type: 'start', request: 1, config: blobs, factors: [1] });
    h.slice();
    h.session.handle('start');
    h.session.handle({ v: 2, type: 'cancel' });
    h.send({ type: 'fly' });
    h.send({ type: 'start', config: blobs });
    h.send({ type: 'start', request: 3, config: 'fast' });
    h.send({ type: 'start', request: 3, config: blobs, factors: [] });
    h.send({ type: 'start', request: 3, config: blobs, factors: [1, -1] });
    h.send({ type: 'start', request: 3, config: blobs, factors: [NaN] });
    h.send({ type: 'start', request: 3, config: blobs, factors: Array.from({ length: 13 }, () => 1) });
    expect(h.of('error').map((e) => [e.request, e.message])).toEqual([
      [null, 'message is not an object'],
      [null, 'protocol version 2 is not 1'],
      [null, 'unknown message type "fly"'],
      [null, 'start: request undefined is not an integer'],
      [null, 'start needs a config object'],
      [null, 'start: factors must be a list of 1–12 numbers'],
      [null, 'start: factor -1 is not a finite positive number'],
      [null, 'start: factor NaN is not a finite positive number'],
      [null, 'start: factors must be a list of 1–12 numbers'],
    ]);
    h.runAll();
    expect(h.of('done')).toEqual([{ v: 1, type: 'done', request: 1, cancelled: false }]);
  });

  it('reports config fields it had to fix, and sweeps with the defaults in their place', () => {
    const h = harness();
    h.send({ type: 'start', request: 1, config: { ...blobs, lr: -3 }, factors: [1] });
    h.runAll();
    expect(h.of('error')[0]).toMatchObject({ request: 1, message: expect.stringMatching(/^config: lr: -3 is not valid/) });
    expect(h.of('row')[0].row.lr).toBe(DEFAULT_CONFIG.lr);
    expect(h.messages.at(-1)).toMatchObject({ type: 'done', cancelled: false });
  });

  it('turns an exception inside training into an error and a cancelled done, and sweeps again afterwards', () => {
    const h = harness();
    vi.spyOn(Experiment.prototype, 'runStep').mockImplementationOnce(() => {
      throw new Error('boom');
    });
    h.send({ type: 'start', request: 1, config: blobs, factors: [1] });
    h.runAll();
    expect(h.messages.slice(-2)).toEqual([
      { v: 1, type: 'error', request: 1, message: 'boom' },
      { v: 1, type: 'done', request: 1, cancelled: true },
    ]);
    h.send({ type: 'start', request: 2, config: blobs, factors: [1] });
    h.runAll();
    expect(h.messages.at(-1)).toEqual({ v: 1, type: 'done', request: 2, cancelled: false });
  });

  it('reports MNIST download progress, then falls back to blobs with a clear message when it fails', async () => {
    const h = harness(async (onProgress) => {
      onProgress(300, 1000);
      throw new Error('HTTP 404');
    });
    h.send({ type: 'start', request: 5, config: { ...blobs, dataset: 'mnist' }, factors: [1] });
    await flush();
    expect(h.of('loading')).toEqual([{ v: 1, type: 'loading', request: 5, loaded: 300, total: 1000 }]);
    expect(h.of('dataError')[0]).toMatchObject({
      request: 5,
      fallback: 'blobs',
      message: expect.stringMatching(/MNIST could not be loaded \(HTTP 404\); sweeping on the synthetic blobs/),
    });
    h.runAll();
    expect(h.of('row')).toHaveLength(1);
    expect(h.messages.at(-1)).toEqual({ v: 1, type: 'done', request: 5, cancelled: false });
  });

  it('drops a sweep still waiting for MNIST when a new start replaces it', async () => {
    let progress: (loaded: number, total: number | null) => void = () => {};
    let finish: (file: MnistFile) => void = () => {};
    const h = harness((onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    h.send({ type: 'start', request: 1, config: { ...blobs, dataset: 'mnist' } });
    await flush();
    h.send({ type: 'start', request: 2, config: blobs, factors: [1] });
    progress(500, 1000);
    finish(tinyMnist());
    await flush();
    h.runAll();
    expect(h.messages.every((m) => m.request === 2)).toBe(true);
    expect(h.of('progress').every((m) => m.total === BUDGET)).toBe(true);
    expect(h.of('done')).toEqual([{ v: 1, type: 'done', request: 2, cancelled: false }]);
  });

  it('sweeps on MNIST once it loads, reporting the download first', async () => {
    const h = harness(async (onProgress) => {
      onProgress(10, 100);
      return tinyMnist();
    });
    h.send({ type: 'start', request: 1, config: { ...blobs, dataset: 'mnist' }, factors: [1] });
    await flush();
    h.runAll();
    expect(h.messages[0]).toEqual({ v: 1, type: 'loading', request: 1, loaded: 10, total: 100 });
    expect(h.of('dataError')).toHaveLength(0);
    expect(h.of('row')).toHaveLength(1);
    expect(h.messages.at(-1)).toEqual({ v: 1, type: 'done', request: 1, cancelled: false });
  });
});
