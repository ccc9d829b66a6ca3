import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { LAYER_STATS, VARIANT_STATS, VS } from '../experiment/snapshot.ts';
import { Coordinator } from './coordinator.ts';
import { FakeClock } from './fakeClock.ts';
import { PROTOCOL_VERSION, type FromWorker, type ToWorker } from './protocol.ts';
import { mergeLossParts } from './mergeParts.ts';
import { Session } from './session.ts';
import { SNAPSHOT_INTERVAL_MS } from './sessionHost.ts';

const blobs: Config = { ...DEFAULT_CONFIG, dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.2, evalEvery: 5, trackLayer: 2 };
type Snap = Extract<FromWorker, { type: 'snapshot' }>;

/**
 * A coordinator over in-process sessions (one per variant) on a virtual clock, and everything it tells the
 * page with the virtual time it was told. Messages either way are tasks on the clock, as a worker's are.
 */
function parallel(clock = new FakeClock(), delay: (i: number, msg: ToWorker) => number = () => 0) {
  const out: FromWorker[] = [];
  const outAt: number[] = [];
  const sessions: Session[] = [];
  const coordinator: Coordinator = new Coordinator({
    send: (i: number, msg: ToWorker) => {
      sessions[i] ??= new Session({
        post: (m) => clock.schedule(() => coordinator.receive(i, m), 0),
        loadMnist: () => Promise.reject(new Error('not in this test')),
        now: clock.now,
        schedule: clock.schedule,
      });
      const session = sessions[i];
      clock.schedule(() => session.handle(msg), delay(i, msg));
    },
    post: (m) => {
      out.push(m);
      outAt.push(clock.time);
    },
    now: clock.now,
    schedule: clock.schedule,
    stalled: (reason) => out.push({ v: 3, type: 'error', step: -1, message: `stalled: ${reason}` }),
  });
  const until = (pred: () => boolean, ms = 10_000) => clock.runUntil(pred, ms);
  return { clock, out, outAt, coordinator, until, send: (msg: object) => coordinator.handle({ v: PROTOCOL_VERSION, ...msg }) };
}

/** A single session doing the same work, for comparison. */
function single(clock = new FakeClock()) {
  const out: FromWorker[] = [];
  const session = new Session({ post: (m) => out.push(m), loadMnist: () => Promise.reject(new Error('no')), now: clock.now, schedule: clock.schedule });
  return { out, send: (msg: object) => session.handle({ v: PROTOCOL_VERSION, ...msg }) };
}
const snaps = (out: FromWorker[]) => out.filter((m): m is Snap => m.type === 'snapshot');
const last = (out: FromWorker[]) => snaps(out).at(-1);

/** Trains a long Step in `p`, pauses it past step 20, and checks that the pause holds: the step it holds at. */
async function pauseMidRun(p: ReturnType<typeof parallel>): Promise<number> {
  p.send({ type: 'configure', config: { ...blobs, evalEvery: 1000 } });
  await p.until(() => snaps(p.out).length === 1);
  p.send({ type: 'step', count: 100_000 });
  await p.until(() => (last(p.out)?.step ?? 0) > 20);
  p.send({ type: 'pause' });
  await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused');
  const held = last(p.out)!.step;
  await p.clock.advance(500);
  expect(last(p.out)!.step).toBe(held);
  return held;
}

describe('one worker per variant, coordinated', () => {
  it('asks one sub-worker for a trace, which holds every variant, and passes it on once', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: { ...blobs, variants: ['none', 'before', 'after'] } });
    await p.until(() => p.out.some((m) => m.type === 'configured'));
    p.send({ type: 'trace', id: 7, steps: 3 });
    await p.until(() => p.out.some((m) => m.type === 'trace'));
    await p.clock.advance(50);
    const traces = p.out.filter((m): m is Extract<FromWorker, { type: 'trace' }> => m.type === 'trace');
    expect(traces).toHaveLength(1);
    expect(traces[0]).toMatchObject({ id: 7, steps: 3, error: null });
    expect((JSON.parse(traces[0].json!) as { variants: unknown[] }).variants).toHaveLength(3);
  });

  it('steps exactly N in lockstep and matches a single worker doing the same work', async () => {
    const clock = new FakeClock();
    const p = parallel(clock);
    const s = single(clock);
    for (const h of [p, s]) {
      h.send({ type: 'configure', config: blobs });
      h.send({ type: 'step', count: 25 });
    }
    await p.until(() => last(p.out)?.step === 25 && last(s.out)?.step === 25);
    await p.clock.advance(50);
    const a = last(p.out)!;
    const b = last(s.out)!;
    expect(a.step).toBe(25);
    for (let v = 0; v < 2; v++) {
      for (const key of ['testLoss', 'testAcc', 'evalStep'] as const) {
        expect(a.variant[v * VARIANT_STATS.length + VS[key]], `${key} of variant ${v}`).toBe(b.variant[v * VARIANT_STATS.length + VS[key]]);
      }
    }
    // Probes of the same weights on the same probe batch: identical layer statistics and histograms.
    expect(Array.from(a.layer)).toEqual(Array.from(b.layer));
    expect(Array.from(a.hist)).toEqual(Array.from(b.hist));
    expect(Array.from(a.zHist)).toEqual(Array.from(b.zHist));
    expect(Array.from(a.unitZ)).toEqual(Array.from(b.unitZ));
    expect(p.out.filter((m) => m.type === 'status').at(-1)).toMatchObject({ status: 'paused' });
    expect(a.layer.length).toBe(2 * 2 * LAYER_STATS.length);
  });

  it('plays and pauses, merging snapshots at common steps', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: blobs });
    p.send({ type: 'play' });
    await p.until(() => (last(p.out)?.step ?? 0) > 200);
    p.send({ type: 'pause' });
    await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused');
    const steps = snaps(p.out).map((m) => m.step);
    expect(steps).toEqual([...steps].sort((x, y) => x - y));
    const stopped = last(p.out)!.step;
    await p.clock.advance(100);
    expect(last(p.out)!.step).toBe(stopped);
  });

  it('keeps the others going when one variant diverges, and stops when all have', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: { ...blobs, activation: 'relu', init: 'he', lr: 40, momentum: 0.9 } });
    p.send({ type: 'step', count: 200 });
    await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused' && last(p.out)!.step > 0);
    const snap = last(p.out)!;
    expect(snap.step).toBe(200);
    expect(snap.variant[VS.divergedAt]).toBeGreaterThanOrEqual(0);
    expect(snap.variant[VARIANT_STATS.length + VS.divergedAt]).toBe(-1);
  });

  it('Play on a run whose every variant diverged settles as paused at once (no Pause at 0 steps/s)', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: { ...blobs, activation: 'relu', init: 'he', lr: 100, momentum: 0.9, variants: ['none', 'after'] } });
    p.send({ type: 'play' });
    await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused' && last(p.out)!.step > 0);
    const statuses = p.out.filter((m) => m.type === 'status').length;
    p.send({ type: 'play' });
    await p.clock.advance(500);
    expect(p.out.filter((m) => m.type === 'status').at(-1)).toMatchObject({ status: 'paused' });
    // It may say playing, then paused again; it never stays playing.
    expect(p.out.filter((m) => m.type === 'status').length - statuses).toBeLessThanOrEqual(2);
  });

  it('a merge that throws is reported and hands the trainer back to the page, instead of a barrier that never comes', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: blobs });
    await p.until(() => snaps(p.out).length === 1);
    const bad = { ...last(p.out)!, runId: 1, step: 0, variant: new Float64Array(3) };
    p.coordinator.receive(0, bad);
    expect(p.out.some((m) => m.type === 'error' && /^merging the per-variant runs failed/.test(m.message))).toBe(true);
    expect(p.out.some((m) => m.type === 'error' && m.message.startsWith('stalled: merging'))).toBe(true);
  });

  it('Pause holds a chunk in flight in every sub-worker, and Play resumes it where it was', async () => {
    const p = parallel();
    const held = await pauseMidRun(p);
    p.send({ type: 'step', count: 10 });
    await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused' && last(p.out)!.step > held);
    expect(last(p.out)!.step).toBe(held + 10);
  });

  it('a Pause that finds the sub-workers at different steps lines them up on one barrier, and Step counts exactly from it', async () => {
    // The second sub-worker hears the pause 40 ms late (a busy core), so it trains on past the first.
    const p = parallel(new FakeClock(), (i, msg) => (i === 1 && msg.type === 'pause' ? 40 : 0));
    const held = await pauseMidRun(p);
    p.send({ type: 'step', count: 7 });
    await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused' && last(p.out)!.step > held);
    expect(last(p.out)!.step).toBe(held + 7);
    await p.clock.advance(500);
    expect(last(p.out)!.step).toBe(held + 7);
  });

  it('resets to a new seed shared by every sub-worker, under a new run id', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: blobs });
    await p.until(() => snaps(p.out).length === 1);
    p.send({ type: 'reset', seed: 'new' });
    await p.until(() => p.out.filter((m) => m.type === 'configured').length === 2 && last(p.out)?.runId === 2);
    const configured = p.out.filter((m): m is Extract<FromWorker, { type: 'configured' }> => m.type === 'configured');
    expect(configured[1].config.seed).not.toBe(blobs.seed);
    expect(configured[1].runId).toBe(2);
    expect(configured).toHaveLength(2);
  });
});

describe('one worker per variant: pace, size and live settings', () => {
  it('sends at most about twenty snapshots a second at max speed, however fast the steps', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: { ...blobs, depth: 1, width: 8, batchSize: 4, evalEvery: 1000 } });
    await p.until(() => snaps(p.out).length === 1);
    const t0 = p.clock.time;
    p.send({ type: 'play' });
    await p.clock.advance(1000);
    const elapsed = p.clock.time - t0;
    const during = snaps(p.out).slice(1);
    const at = p.out.flatMap((m, k) => (m.type === 'snapshot' ? [p.outAt[k]] : [])).slice(1);
    p.send({ type: 'pause' });
    // Chunks grow past the first few steps, and snapshots stay at the page's 20 a virtual second.
    expect(during.at(-1)!.step).toBeGreaterThan(200);
    const gaps = at.slice(1).map((t, k) => t - at[k]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SNAPSHOT_INTERVAL_MS);
    expect(during.length).toBeLessThanOrEqual(Math.floor(elapsed / SNAPSHOT_INTERVAL_MS) + 1);
    const deltas = during.slice(1).map((m, k) => m.step - during[k].step);
    expect(Math.max(...deltas)).toBeGreaterThan(4);
  });

  it('trains four variants, one sub-worker each', async () => {
    const p = parallel();
    const variants = ['none', 'before', 'after', 'ln-before'] as const;
    p.send({ type: 'configure', config: { ...blobs, variants } });
    p.send({ type: 'step', count: 5 });
    await p.until(() => last(p.out)?.step === 5);
    expect(p.out.filter((m) => m.type === 'error')).toEqual([]);
    expect(p.out.find((m) => m.type === 'configured')).toMatchObject({ shape: { placements: variants } });
  });

  it('keeps a live learning rate and tracked unit through a reset, as a single worker does', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: blobs });
    await p.until(() => snaps(p.out).length === 1);
    p.send({ type: 'setLr', lr: 0.05 });
    p.send({ type: 'track', layer: 1, unit: 99 });
    p.send({ type: 'reset', seed: 'same' });
    await p.until(() => p.out.filter((m) => m.type === 'configured').length === 2);
    const configured = p.out.filter((m): m is Extract<FromWorker, { type: 'configured' }> => m.type === 'configured');
    // The unit is clamped into the 16-unit layer, as the session clamps it.
    expect(configured[1].config).toMatchObject({ lr: 0.05, trackLayer: 1, trackUnit: 15 });
  });

  it('at a paced speed, Pause leaves the page on the step where the run stopped', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: { ...blobs, evalEvery: 1000 } });
    await p.until(() => snaps(p.out).length === 1);
    p.send({ type: 'setSpeed', speed: 100 });
    p.send({ type: 'play' });
    await p.until(() => (last(p.out)?.step ?? 0) > 20);
    p.send({ type: 'pause' });
    await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused');
    await p.clock.advance(100);
    // The coordinator's pong carries the step it stopped at.
    p.send({ type: 'ping', id: 1 });
    await p.until(() => p.out.some((m) => m.type === 'pong'));
    const pong = p.out.find((m) => m.type === 'pong')!;
    expect(last(p.out)!.step).toBe(pong.step);
  });

  it('runs a long Step in chunks that Pause can stop, with progress shown on the way', async () => {
    const p = parallel();
    p.send({ type: 'configure', config: { ...blobs, evalEvery: 1000 } });
    await p.until(() => snaps(p.out).length === 1);
    p.send({ type: 'step', count: 1_000_000 });
    await p.until(() => (last(p.out)?.step ?? 0) > 50);
    p.send({ type: 'pause' });
    await p.until(() => p.out.filter((m) => m.type === 'status').at(-1)?.status === 'paused');
    const stopped = last(p.out)!.step;
    await p.clock.advance(100);
    expect(last(p.out)!.step).toBe(stopped);
    expect(stopped).toBeLessThan(1_000_000);
  });
});

describe('mergeLossParts', () => {
  it('takes variant v’s column from sub-worker v, over the steps every sub-worker has', () => {
    const part = (steps: number, values: number[]) => ({
      v: PROTOCOL_VERSION,
      type: 'losses' as const,
      step: steps,
      runId: 1,
      id: 1,
      names: ['plain', 'bn-before'],
      steps,
      losses: Float64Array.from(values),
    });
    const merged = mergeLossParts([part(3, [1, NaN, 2, NaN, 3, NaN]), part(2, [NaN, 10, NaN, 20])]);
    expect(merged.steps).toBe(2);
    expect(Array.from(merged.losses)).toEqual([1, 10, 2, 20]);
  });
});
