import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { readMnistFile } from '../cli/dataFiles.ts';
import { VARIANT_STATS, VS } from '../experiment/snapshot.ts';
import { FakeClock } from './fakeClock.ts';
import { PROTOCOL_VERSION, type FromWorker } from './protocol.ts';
import { Session } from './session.ts';
import { SLICE_MS, SNAPSHOT_INTERVAL_MS } from './sessionHost.ts';

/** Virtual milliseconds each read of the clock costs: about what a step of these small nets takes, so a slice holds tens of steps. */
const TICK_MS = 0.1;

const blobs: Config = { ...DEFAULT_CONFIG, dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.2, evalEvery: 50, trackLayer: 2 };

/** A session on a virtual clock, with every message it sends kept in order, and the virtual time it was sent at. */
function harness(
  loadMnist: (onProgress: (loaded: number, total: number | null) => void) => Promise<ReturnType<typeof readMnistFile>> = async (onProgress) => {
    onProgress(10, 100);
    return readMnistFile();
  },
) {
  const clock = new FakeClock(TICK_MS);
  const messages: FromWorker[] = [];
  const transfers: ArrayBuffer[][] = [];
  const sentAt: number[] = [];
  const session = new Session({
    post: (msg, transfer) => {
      messages.push(msg);
      transfers.push(transfer);
      sentAt.push(clock.time);
    },
    loadMnist,
    now: clock.now,
    schedule: clock.schedule,
  });
  const send = (msg: object) => session.handle({ v: PROTOCOL_VERSION, ...msg });
  /** Runs the virtual clock until pred holds; fails after `ms` of virtual time, naming the last messages. */
  const until = async (pred: () => boolean, ms = 10_000) => {
    try {
      await clock.runUntil(pred, ms);
    } catch (e) {
      throw new Error(`${(e as Error).message}; last messages: ${JSON.stringify(messages.slice(-3).map((m) => m.type))}`);
    }
  };
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const lastSnapshot = () => of('snapshot').at(-1);
  /** The snapshots sent after virtual time t0, with the virtual time each was sent at, relative to t0. */
  const snapshotsAfter = (t0: number) =>
    messages.flatMap((m, k) => (m.type === 'snapshot' && sentAt[k] > t0 ? [{ step: m.step, stepsPerSecond: m.stepsPerSecond, at: sentAt[k] - t0 }] : []));
  return { clock, session, messages, transfers, send, until, of, lastSnapshot, snapshotsAfter };
}

describe('trainer session', () => {
  it('configures a run, reports it with a step-0 snapshot, and steps exactly N', async () => {
    const h = harness();
    h.send({ type: 'configure', config: blobs });
    await h.until(() => h.of('configured').length === 1 && h.of('snapshot').length === 1);
    const configured = h.of('configured')[0];
    expect(configured.runId).toBe(1);
    expect(configured.shape.variantNames).toEqual(['plain', 'bn-before']);
    expect(h.lastSnapshot()?.step).toBe(0);
    h.send({ type: 'step', count: 37 });
    await h.until(() => h.of('status').at(-1)?.status === 'paused');
    expect(h.lastSnapshot()?.step).toBe(37);
    h.send({ type: 'step', count: 1 });
    await h.until(() => h.lastSnapshot()?.step === 38 && h.of('status').at(-1)?.status === 'paused');
    // Snapshot buffers travel in the transfer list.
    const index = h.messages.lastIndexOf(h.lastSnapshot()!);
    expect(h.transfers[index]).toHaveLength(5);
  });

  it('resumes a lost run: replays quietly to the step, then reports exactly what the original run had there', async () => {
    const original = harness();
    original.send({ type: 'configure', config: blobs });
    await original.until(() => original.of('snapshot').length === 1);
    original.send({ type: 'step', count: 120 });
    await original.until(() => original.lastSnapshot()?.step === 120 && original.of('status').at(-1)?.status === 'paused');

    const replacement = harness();
    replacement.send({ type: 'configure', config: blobs, request: 9, resumeAt: 120 });
    replacement.send({ type: 'ping', id: 4 });
    await replacement.until(() => replacement.of('status').at(-1)?.status === 'paused');
    expect(replacement.of('configured')[0].request).toBe(9);
    // No snapshot before the replay caught up, then one at the very step, equal to the original's.
    expect(replacement.of('snapshot').map((m) => m.step)).toEqual([120]);
    // Everything but the training loss, which averages over the steps since the previous snapshot, and so
    // depends on when the original happened to send its snapshots.
    const timeless = (v: Float64Array) => Array.from(v).filter((_, i) => i % VARIANT_STATS.length !== VS.trainLoss);
    expect(timeless(replacement.lastSnapshot()!.variant)).toEqual(timeless(original.lastSnapshot()!.variant));
    expect(Array.from(replacement.lastSnapshot()!.layer)).toEqual(Array.from(original.lastSnapshot()!.layer));
    expect(replacement.of('pong')).toEqual([{ v: PROTOCOL_VERSION, type: 'pong', step: expect.any(Number), id: 4 }]);
    // It trains on from there as usual.
    replacement.send({ type: 'step', count: 5 });
    await replacement.until(() => replacement.lastSnapshot()?.step === 125);
  });

  it('plays and pauses, sending at most 20 snapshots a second', async () => {
    const h = harness();
    h.send({ type: 'configure', config: blobs });
    h.send({ type: 'play' });
    await h.until(() => (h.lastSnapshot()?.step ?? 0) > 100);
    const t0 = h.clock.time;
    await h.clock.advance(500);
    const elapsed = h.clock.time - t0;
    const sent = h.snapshotsAfter(t0);
    // Snapshots go out SNAPSHOT_INTERVAL_MS apart in virtual time: never sooner, and no later than the step
    // after that (well within a slice), so 500 ms hold ten of them.
    const gaps = sent.slice(1).map((s, k) => s.at - sent[k].at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SNAPSHOT_INTERVAL_MS);
    expect(Math.max(...gaps)).toBeLessThan(SNAPSHOT_INTERVAL_MS + SLICE_MS);
    expect(sent.length).toBeLessThanOrEqual(Math.floor(elapsed / SNAPSHOT_INTERVAL_MS) + 1);
    expect(sent.length).toBeGreaterThanOrEqual(Math.floor(elapsed / (SNAPSHOT_INTERVAL_MS + SLICE_MS)));
    // The reported rate is steps per virtual second, measured over the last quarter second or more.
    const rate = ((sent.at(-1)!.step - sent[0].step) * 1000) / (sent.at(-1)!.at - sent[0].at);
    expect(sent.at(-1)!.stepsPerSecond).toBeGreaterThan(rate * 0.9);
    expect(sent.at(-1)!.stepsPerSecond).toBeLessThan(rate * 1.1);
    h.send({ type: 'pause' });
    await h.until(() => h.of('status').at(-1)?.status === 'paused');
    const stoppedAt = h.lastSnapshot()!.step;
    const count = h.of('snapshot').length;
    await h.clock.advance(100);
    expect(h.of('snapshot').filter((s) => s.step > stoppedAt + 1)).toHaveLength(0);
    expect(h.of('snapshot')).toHaveLength(count);
    expect(h.lastSnapshot()!.step).toBe(stoppedAt);
  });

  it('paces training at 10 steps a second', async () => {
    const h = harness();
    h.send({ type: 'configure', config: blobs });
    h.send({ type: 'setSpeed', speed: 10 });
    h.send({ type: 'play' });
    await h.until(() => h.of('status').at(-1)?.status === 'playing');
    const t0 = h.clock.time;
    await h.clock.advance(1000);
    h.send({ type: 'pause' });
    const steps = h.lastSnapshot()!.step;
    const expected = ((h.clock.time - t0) / 1000) * 10;
    expect(steps).toBeGreaterThanOrEqual(Math.floor(expected));
    expect(steps).toBeLessThanOrEqual(Math.floor(expected) + 1);
    // Step k comes (k − 1) × 100 virtual ms after Play, late by at most the 50 ms the loop waits between checks.
    const taken = h.snapshotsAfter(t0).filter((s) => s.step > 0);
    expect(taken.length).toBeGreaterThanOrEqual(steps - 1);
    for (const s of taken) {
      expect(s.at, `step ${s.step}`).toBeGreaterThanOrEqual((s.step - 1) * 100 - 1);
      expect(s.at, `step ${s.step}`).toBeLessThanOrEqual((s.step - 1) * 100 + 50 + SLICE_MS);
    }
  });

  it('slow motion takes one step every two seconds', async () => {
    const h = harness();
    h.send({ type: 'configure', config: blobs });
    h.send({ type: 'setSpeed', speed: 0.5 });
    h.send({ type: 'play' });
    await h.until(() => h.of('status').at(-1)?.status === 'playing');
    const t0 = h.clock.time;
    await h.clock.advance(7000);
    h.send({ type: 'pause' });
    // Steps at 0, 2, 4 and 6 virtual seconds; each late by at most the 250 ms the loop waits between checks.
    expect(h.lastSnapshot()!.step).toBe(4);
    const taken = h.snapshotsAfter(t0).filter((s) => s.step > 0);
    expect(taken.map((s) => s.step)).toEqual([2, 3, 4]);
    for (const s of taken) {
      expect(s.at, `step ${s.step}`).toBeGreaterThanOrEqual((s.step - 1) * 2000 - 1);
      expect(s.at, `step ${s.step}`).toBeLessThanOrEqual((s.step - 1) * 2000 + 250 + SLICE_MS);
    }
  });

  it('records a trace of the setup afresh, leaving the live run where it was', async () => {
    const h = harness();
    h.send({ type: 'trace', id: 1, steps: 3 });
    await h.until(() => h.of('trace').length === 1);
    expect(h.of('trace')[0]).toMatchObject({ id: 1, json: null, error: 'no run is configured yet' });
    h.send({ type: 'configure', config: blobs });
    await h.until(() => h.of('configured').length === 1);
    h.send({ type: 'step', count: 4 });
    await h.until(() => h.lastSnapshot()?.step === 4 && h.of('status').at(-1)?.status === 'paused');
    h.send({ type: 'trace', id: 2, steps: 4 });
    await h.until(() => h.of('trace').length === 2);
    const reply = h.of('trace')[1];
    expect(reply).toMatchObject({ id: 2, steps: 4, error: null, step: 4 });
    const trace = JSON.parse(reply.json!) as { format: string; batches: unknown[]; variants: { losses: number[] }[] };
    expect(trace.format).toBe('shift-lab-trace/1');
    expect(trace.batches).toHaveLength(4);
    h.send({ type: 'losses', id: 3 });
    await h.until(() => h.of('losses').length === 1);
    const { losses } = h.of('losses')[0];
    expect(trace.variants.flatMap((v, i) => v.losses.map((_, s) => losses[s * 2 + i]))).toEqual(trace.variants.flatMap((v) => v.losses));
    expect(h.lastSnapshot()?.step).toBe(4);
  });

  it('keeps answering pings while a long trace records', async () => {
    const h = harness();
    h.send({ type: 'configure', config: { ...blobs, width: 64, variants: ['none', 'before', 'after', 'noisy'] } });
    await h.until(() => h.of('configured').length === 1);
    h.send({ type: 'trace', id: 1, steps: 500 });
    h.clock.schedule(() => h.send({ type: 'ping', id: 9 }), 15);
    await h.until(() => h.of('trace').length === 1, 30_000);
    const types = h.messages.map((m) => m.type);
    expect(h.of('trace')[0].steps).toBe(500);
    expect(types.indexOf('pong')).toBeGreaterThanOrEqual(0);
    expect(types.indexOf('pong')).toBeLessThan(types.indexOf('trace'));
  });

  it('answers a malformed message with an error and keeps its state', async () => {
    const h = harness();
    h.send({ type: 'configure', config: blobs });
    await h.until(() => h.of('configured').length === 1);
    h.session.handle({ v: PROTOCOL_VERSION, type: 'fly' });
    h.session.handle({ v: 99, type: 'play' });
    h.session.handle('play');
    h.send({ type: 'step', count: 0 });
    h.send({ type: 'setLr', lr: -1 });
    const errors = h.of('error').map((e) => e.message);
    expect(errors).toEqual([
      'unknown message type "fly"',
      `protocol version 99 is not ${PROTOCOL_VERSION}`,
      'message is not an object',
      'step count 0 is not an integer in 1..1000000',
      'learning rate -1 is not a number in [0.00001, 100]',
    ]);
    h.send({ type: 'step', count: 5 });
    await h.until(() => h.lastSnapshot()?.step === 5);
  });

  it('keeps live changes made while MNIST loads, and reports no progress once a run no longer waits for it', async () => {
    let progress: (loaded: number, total: number | null) => void = () => {};
    let finish: (f: ReturnType<typeof readMnistFile>) => void = () => {};
    const h = harness((onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    h.send({ type: 'configure', config: { ...DEFAULT_CONFIG, evalEvery: 1000 }, request: 1 });
    await h.until(() => h.of('status').at(-1)?.status === 'loading');
    progress(100, 1000);
    h.send({ type: 'setLr', lr: 0.05 });
    h.send({ type: 'track', layer: 2, unit: 7 });
    finish(readMnistFile());
    await h.until(() => h.of('configured').length === 1);
    expect(h.of('configured')[0]).toMatchObject({ request: 1, config: { lr: 0.05, trackLayer: 2, trackUnit: 7 } });
    expect(h.of('loading')).toHaveLength(1);

    // Now a blobs run replaces an MNIST run that is still downloading.
    const h2 = harness((onProgress) => {
      progress = onProgress;
      return new Promise(() => {});
    });
    h2.send({ type: 'configure', config: DEFAULT_CONFIG });
    await h2.until(() => h2.of('status').at(-1)?.status === 'loading');
    h2.send({ type: 'configure', config: blobs, request: 2 });
    await h2.until(() => h2.of('status').at(-1)?.status === 'idle');
    progress(500, 1000);
    await h2.clock.advance(20);
    expect(h2.of('loading')).toHaveLength(0);
    expect(h2.of('status').at(-1)?.status).toBe('idle');
    expect(h2.of('configured').map((c) => c.request)).toEqual([2]);
  });

  it('settles its status when a run cannot be built', async () => {
    const h = harness(async () => {
      const file = readMnistFile();
      return { ...file, trainCount: 0 };
    });
    h.send({ type: 'configure', config: DEFAULT_CONFIG });
    await h.until(() => h.of('error').length === 1);
    expect(h.of('status').at(-1)?.status).toBe('idle');
  });

  it('falls back to the synthetic set with a clear message when MNIST cannot load', async () => {
    const h = harness(async () => {
      throw new Error('HTTP 404');
    });
    h.send({ type: 'configure', config: { ...blobs, dataset: 'mnist' } });
    await h.until(() => h.of('configured').length === 1);
    expect(h.of('dataError')[0].message).toMatch(/MNIST could not be loaded \(HTTP 404\); training on the synthetic blobs set/);
    expect(h.of('configured')[0].config.dataset).toBe('blobs');
  });

  it('trains on MNIST when it loads, reporting progress first', async () => {
    const h = harness();
    h.send({ type: 'configure', config: { ...DEFAULT_CONFIG, evalEvery: 1000 } });
    await h.until(() => h.of('configured').length === 1);
    expect(h.of('loading')[0]).toMatchObject({ loaded: 10, total: 100 });
    expect(h.of('configured')[0].shape.sizes).toEqual([784, 100, 100, 100, 10]);
  });

  it('resets with the same seed to the same run, or with a new seed to another, under a new run id', async () => {
    const h = harness();
    h.send({ type: 'configure', config: blobs });
    h.send({ type: 'step', count: 3 });
    await h.until(() => h.lastSnapshot()?.step === 3);
    const loss = (s: FromWorker & { type: 'snapshot' }) => s.variant[VS.trainLoss];
    const first = loss(h.lastSnapshot()!);
    h.send({ type: 'reset', seed: 'same' });
    h.send({ type: 'step', count: 3 });
    await h.until(() => h.lastSnapshot()?.runId === 2 && h.lastSnapshot()?.step === 3);
    expect(loss(h.lastSnapshot()!)).toBe(first);
    h.send({ type: 'reset', seed: 'new' });
    h.send({ type: 'step', count: 3 });
    await h.until(() => h.lastSnapshot()?.runId === 3 && h.lastSnapshot()?.step === 3);
    expect(h.of('configured')[2].config.seed).not.toBe(blobs.seed);
    expect(loss(h.lastSnapshot()!)).not.toBe(first);
  });

  it('changes the learning rate live and re-tracks a unit without a reset', async () => {
    const h = harness();
    h.send({ type: 'configure', config: blobs });
    h.send({ type: 'step', count: 10 });
    await h.until(() => h.lastSnapshot()?.step === 10);
    h.send({ type: 'setLr', lr: 0.01 });
    h.send({ type: 'track', layer: 1, unit: 5 });
    await h.until(() => h.of('snapshot').length >= 3);
    h.send({ type: 'step', count: 10 });
    await h.until(() => h.lastSnapshot()?.step === 20);
    expect(h.of('configured')).toHaveLength(1);
    expect(h.lastSnapshot()!.runId).toBe(1);
  });

  it('pauses when every variant has diverged, reporting where', async () => {
    const h = harness();
    h.send({ type: 'configure', config: { ...blobs, activation: 'relu', init: 'he', lr: 100, momentum: 0.9, variants: ['none', 'after'] } });
    h.send({ type: 'play' });
    await h.until(() => h.of('status').at(-1)?.status === 'paused');
    const snap = h.lastSnapshot()!;
    for (let v = 0; v < 2; v++) expect(snap.variant[v * VARIANT_STATS.length + VS.divergedAt]).toBeGreaterThanOrEqual(0);
  });
});
