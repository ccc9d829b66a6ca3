import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import { buildSplit, Experiment } from '../../src/experiment/index.ts';
import { runShape } from '../../src/worker/index.ts';
import { History } from './History.ts';

describe('a long run', () => {
  it('keeps history and snapshot memory bounded over 200,000 paired steps, still covering step 0 to the end', () => {
    const config = {
      ...DEFAULT_CONFIG,
      dataset: 'blobs' as const,
      depth: 1,
      width: 8,
      batchSize: 8,
      lr: 0.1,
      evalEvery: 10_000,
      evalBatchSize: 500,
      trackLayer: 1,
    };
    const exp = new Experiment(config, buildSplit(config, null));
    const snap = exp.createSnapshot();
    const history = new History(512);
    history.reset(1, runShape(exp));
    const kept = () => [history.steps, history.rows?.variant, history.rows?.layer, history.rows?.hist, history.rows?.zHist];
    const buffers = kept();
    const snapshotBuffers = [snap.variant, snap.layer, snap.hist, snap.zHist, snap.unitZ];
    const STEPS = 200_000;
    const EVERY = 20; // a snapshot every 20 steps: 10,000 of them, many more than the capacity
    history.add(1, exp.snapshot(snap));
    for (let done = 0; done < STEPS; done += EVERY) {
      exp.run(EVERY);
      // The worker sends copies; the page's history copies them into its own rows.
      const s = exp.snapshot(snap);
      history.add(1, {
        step: exp.step,
        variant: s.variant.slice(),
        layer: s.layer.slice(),
        hist: s.hist.slice(),
        zHist: s.zHist.slice(),
        unitZ: s.unitZ.slice(),
      });
    }
    expect(exp.step).toBe(STEPS);
    // Snapshot buffers are reused, never regrown.
    expect([snap.variant, snap.layer, snap.hist, snap.zHist, snap.unitZ]).toEqual(snapshotBuffers);
    snapshotBuffers.forEach((b, i) => expect([snap.variant, snap.layer, snap.hist, snap.zHist, snap.unitZ][i]).toBe(b));
    // The history never outgrows its buffers, and still spans the whole run in order.
    kept().forEach((b, i) => expect(b).toBe(buffers[i]));
    expect(history.count).toBeLessThanOrEqual(history.capacity);
    expect(history.count).toBeGreaterThan(history.capacity / 2);
    expect(history.steps[0]).toBe(0);
    expect(history.latest?.step).toBe(STEPS);
    expect(STEPS - history.steps[history.count - 1]).toBeLessThanOrEqual((STEPS / history.count) * 2);
    for (let r = 1; r < history.count; r++) expect(history.steps[r]).toBeGreaterThan(history.steps[r - 1]);
    // The newest kept row still holds real numbers: a long run of a small model stays healthy.
    for (let v = 0; v < exp.variants.length; v++) expect(Number.isFinite(history.variantAt(history.count - 1, v, 'trainLoss'))).toBe(true);
  }, 60_000);
});
