import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { blobsSet } from '../data/synthetic.ts';
import { LrSweep, stepsToTarget, sweepLr, SWEEP_EVAL_EVERY, SWEEP_LR_RANGE, type AccuracyPoint, type SweepRow } from './lrSweep.ts';

const series = (...acc: number[]): AccuracyPoint[] => acc.map((accuracy, i) => ({ step: i * 50, accuracy }));

describe('stepsToTarget', () => {
  it('reports the first crossing, not a later one', () => {
    expect(stepsToTarget(series(0.1, 0.5, 0.92, 0.85, 0.95), 0.9, -1)).toEqual({ kind: 'reached', step: 100 });
  });

  it('counts an accuracy exactly at the target as reached', () => {
    expect(stepsToTarget(series(0.1, 0.9), 0.9, -1)).toEqual({ kind: 'reached', step: 50 });
  });

  it('keeps a reach that came before the divergence as reached, at its step', () => {
    expect(stepsToTarget(series(0.1, 0.95, 0.96), 0.9, 120)).toEqual({ kind: 'reached', step: 50 });
    // Evaluated at the divergence step: the model was measured before the update that failed.
    expect(stepsToTarget(series(0.1, 0.95), 0.9, 50)).toEqual({ kind: 'reached', step: 50 });
  });

  it('reports divergence when it came before any reach', () => {
    expect(stepsToTarget(series(0.1, 0.5), 0.9, 70)).toEqual({ kind: 'diverged', step: 70 });
    // A point after the divergence does not count, whatever it says.
    expect(stepsToTarget(series(0.1, 0.5, 0.95), 0.9, 70)).toEqual({ kind: 'diverged', step: 70 });
  });

  it('reports never for a series that stays below the target, and for an empty one', () => {
    expect(stepsToTarget(series(0.1, 0.5, 0.89), 0.9, -1)).toEqual({ kind: 'never' });
    expect(stepsToTarget([], 0.9, -1)).toEqual({ kind: 'never' });
    expect(stepsToTarget([], 0.9, 3)).toEqual({ kind: 'diverged', step: 3 });
  });

  it('never counts a NaN or infinite accuracy as reaching', () => {
    expect(stepsToTarget(series(NaN, Infinity, 0.95), 0.9, -1)).toEqual({ kind: 'reached', step: 100 });
    expect(stepsToTarget(series(NaN, NaN), 0.9, -1)).toEqual({ kind: 'never' });
  });
});

describe('sweepLr', () => {
  it('clamps the swept rate into the config range', () => {
    expect(sweepLr(0.5, 3)).toBe(1.5);
    expect(sweepLr(10, 30)).toBe(SWEEP_LR_RANGE[1]);
    expect(sweepLr(1e-4, 0.03)).toBe(SWEEP_LR_RANGE[0]);
  });
});

const data = blobsSet(7);
const config: Config = { ...DEFAULT_CONFIG, dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.2, trackLayer: 2 };
const timeless = (rows: SweepRow[]) => rows.map(({ ms: _ms, ...rest }) => rest);

describe('learning-rate sweep', () => {
  it('runs every factor in order to a row whose outcomes match its recorded series', () => {
    const factors = [0.1, 1, 10];
    const sweep = new LrSweep(config, data, { factors, budget: 300 });
    const rows: SweepRow[] = [];
    let calls = 0;
    while (!sweep.finished) {
      const row = sweep.advance(7);
      calls++;
      if (row === null) continue;
      rows.push(row);
      const s = sweep.series;
      row.variants.forEach((v, i) => {
        expect(v.outcome).toEqual(stepsToTarget(s[i], 0.9, v.divergedAt));
        expect(s[i].every((p) => p.step % SWEEP_EVAL_EVERY === 0 && p.step <= row.steps)).toBe(true);
      });
      expect(row.steps).toBeLessThanOrEqual(300);
      expect(row.ms).toBeGreaterThan(0);
    }
    expect(calls).toBeGreaterThan(3);
    expect(rows).toEqual(sweep.rows);
    expect(rows.map((r) => r.factor)).toEqual(factors);
    expect(rows.map((r) => r.lr)).toEqual(factors.map((f) => f * config.lr));
    expect(rows[0].variants.map((v) => v.name)).toEqual(['plain', 'bn-before']);
    // A run ends early once every variant has reached the target or diverged, and only then.
    for (const r of rows) {
      const settled = r.variants.every((v) => v.outcome.kind !== 'never');
      expect(r.steps < 300).toBe(settled);
      for (const v of r.variants) {
        if (v.divergedAt >= 0) continue;
        expect(v.testAcc).toBeGreaterThan(0);
        expect(v.trainAcc).toBeGreaterThan(0);
      }
    }
    expect(sweep.advance(10)).toBeNull();
  });

  it('repeats the same rows for the same config', () => {
    const a = new LrSweep(config, data, { factors: [0.3, 3], budget: 200 }).runAll();
    const b = new LrSweep(config, data, { factors: [0.3, 3], budget: 200 }).runAll();
    expect(timeless(b)).toEqual(timeless(a));
    // A factor run alone (another worker's share) gives the row it gives within the full sweep.
    const alone = new LrSweep(config, data, { factors: [3], budget: 200 }).runAll();
    expect(timeless(alone)).toEqual(timeless(a).slice(1));
  });

  it('sees plain sigmoid training fail at a huge rate, clamped to the range, with NaN accuracies once diverged', () => {
    const [row] = new LrSweep(config, data, { factors: [5000], budget: 200 }).runAll();
    expect(row.lr).toBe(SWEEP_LR_RANGE[1]);
    const plain = row.variants[0];
    expect(['diverged', 'never']).toContain(plain.outcome.kind);
    for (const v of row.variants) {
      if (v.divergedAt >= 0) expect([v.testAcc, v.trainAcc]).toEqual([NaN, NaN]);
    }
  });

  it('reports progress that grows to its total, naming the factor at work', () => {
    const sweep = new LrSweep(config, data, { factors: [1, 0.01], budget: 150 });
    expect(sweep.progress()).toEqual({ done: 0, total: 300, factor: 1 });
    let last = 0;
    while (!sweep.finished) {
      sweep.advance(20);
      const p = sweep.progress();
      expect(p.done).toBeGreaterThanOrEqual(last);
      last = p.done;
      if (!sweep.finished) expect(p.factor).toBe(sweep.factors[sweep.rows.length]);
    }
    expect(sweep.progress()).toEqual({ done: 300, total: 300, factor: null });
  });

  it('rejects factors that are not finite and positive', () => {
    expect(() => new LrSweep(config, data, { factors: [] })).toThrow(/finite and positive/);
    expect(() => new LrSweep(config, data, { factors: [1, -2] })).toThrow(/finite and positive/);
    expect(() => new LrSweep(config, data, { factors: [NaN] })).toThrow(/finite and positive/);
  });
});
