import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { blobsSet } from '../data/synthetic.ts';
import { Model } from '../engine/model.ts';
import { batchNormOf, runningStatistics } from '../engine/normLayer.ts';
import { Rng } from '../engine/rng.ts';
import { computePopulationStats, evaluate } from '../engine/train.ts';
import { Experiment } from './experiment.ts';
import { INFER_CASES, INFER_EPS, INFER_POPULATION_BATCHES } from './inferenceProbe.ts';
import { SHADOW_MOMENTA } from './runningShadows.ts';
import { inferAccIndex, VARIANT_STATS, variantStat } from './snapshot.ts';

const data = blobsSet(3);
const config: Config = {
  ...DEFAULT_CONFIG,
  dataset: 'blobs',
  depth: 2,
  width: 12,
  activation: 'sigmoid',
  init: 'lecun',
  variants: ['none', 'before', 'after'],
  lr: 0.5,
  batchSize: 16,
  evalEvery: 20,
};

/** Accuracy of case c at ε index e for variant i, from the probe's own result. */
function probeAcc(exp: Experiment, i: number, id: string, e = 0): number {
  const c = INFER_CASES.findIndex((k) => k.id === id);
  return exp.variants[i].inference.acc[c * INFER_EPS.length + e];
}

/** The same model as variant i's, rebuilt independently from its parameters (and with ε = eps). */
function rebuilt(exp: Experiment, i: number, eps = config.bnEps): Model {
  const source = exp.variants[i].model;
  const copy = new Model({ ...source.spec, bnEps: eps }, new Rng(99));
  copy.copyFrom(source);
  return copy;
}

function subset(exp: Experiment): { x: Float32Array; y: Uint8Array; rows: number } {
  const probe = (exp.variants[1] as unknown as { inferenceProbe: { x: Float32Array; y: Uint8Array; rows: number } }).inferenceProbe;
  return probe;
}

describe('running-average shadows', () => {
  it('match BN’s own running averages when the config uses the same momentum', () => {
    for (const [k, bnMomentum] of SHADOW_MOMENTA.entries()) {
      const exp = new Experiment({ ...config, bnMomentum }, data);
      exp.run(30);
      const v = exp.variants[1];
      v.model.hidden.forEach((h, l) => {
        const s = v.shadows?.stats[k][l];
        Array.from(batchNormOf(h.norm)?.runningMean ?? []).forEach((m, j) => expect(s?.mean[j]).toBeCloseTo(m, 5));
        Array.from(batchNormOf(h.norm)?.runningVar ?? []).forEach((m, j) => expect(s?.spread[j]).toBeCloseTo(m, 5));
      });
    }
  });

  it('follow ℓp batch norm’s running scale as it is, not unbiased like a variance', () => {
    const exp = new Experiment({ ...config, variants: ['l1-before', 'linf-after'], bnMomentum: SHADOW_MOMENTA[0] }, data);
    exp.run(30);
    for (const v of exp.variants) {
      v.model.hidden.forEach((h, l) => {
        const s = v.shadows?.stats[0][l];
        Array.from(runningStatistics(h.norm)?.spread ?? [NaN]).forEach((m, j) => expect(s?.spread[j]).toBeCloseTo(m, 5));
      });
    }
  });
});

describe('the inference probe', () => {
  it('changes neither the models nor their training', () => {
    const quiet = new Experiment(config, data);
    const probed = new Experiment({ ...config, inferEvery: 7 }, data);
    quiet.run(30);
    probed.run(30);
    probed.variants.forEach((v, i) => {
      v.model.params().forEach((p, k) => expect(Array.from(p.value)).toEqual(Array.from(quiet.variants[i].model.params()[k].value)));
      v.model.hidden.forEach((h, l) =>
        expect(Array.from(batchNormOf(h.norm)?.runningMean ?? [])).toEqual(Array.from(batchNormOf(quiet.variants[i].model.hidden[l].norm)?.runningMean ?? [])),
      );
    });
    expect(probed.evals).toEqual(quiet.evals);
    expect(probed.variants[1].inference.step).toBe(28);
  });

  it('agrees with the engine’s own evaluation for batch, running and population statistics', () => {
    const exp = new Experiment({ ...config, inferEvery: 25 }, data);
    exp.run(25);
    const { x, y, rows } = subset(exp);
    for (const i of [1, 2]) {
      const model = rebuilt(exp, i);
      for (const b of [2, 8, 60]) {
        const r = evaluate(model, model.createWorkspace(b, false), x, y, rows, 'batch');
        expect(probeAcc(exp, i, `batch${b}`)).toBeCloseTo(r.accuracy, 12);
      }
      const running = evaluate(model, model.createWorkspace(60, false), x, y, rows, 'running');
      expect(probeAcc(exp, i, 'running0')).toBeCloseTo(running.accuracy, 12);
      computePopulationStats(
        model,
        model.createWorkspace(config.batchSize, false),
        data.train.x,
        Math.min(data.train.count, INFER_POPULATION_BATCHES * config.batchSize),
      );
      const population = evaluate(model, model.createWorkspace(60, false), x, y, rows, 'population');
      expect(probeAcc(exp, i, 'population')).toBeCloseTo(population.accuracy, 12);
      // ε = 1e-3 is a copy with that ε, batch statistics at 8 rows.
      const wide = rebuilt(exp, i, 1e-3);
      const r8 = evaluate(wide, wide.createWorkspace(8, false), x, y, rows, 'batch');
      expect(probeAcc(exp, i, 'batch8', 1)).toBeCloseTo(r8.accuracy, 12);
    }
  });

  it('collapses every prediction to one class at test batch size 1 with BN before the activation', () => {
    const exp = new Experiment({ ...config, inferEvery: 40 }, data);
    exp.run(40);
    const { y, rows } = subset(exp);
    const snap = exp.snapshot(exp.createSnapshot());
    expect(variantStat(snap, 1, 'inferClassesAtOne')).toBe(1);
    // Every row gets the same class, so the accuracy is that class's share of the subset.
    const shares = new Set(Array.from({ length: data.test.nClasses }, (_, k) => y.filter((c) => c === k).length / rows));
    expect(shares.has(variantStat(snap, 1, 'accBatch1'))).toBe(true);
    expect(variantStat(snap, 1, 'accBatch60')).toBeGreaterThan(0.8);
  });

  it('lags with Keras’s momentum early in training and gives the plain network one number everywhere', () => {
    const exp = new Experiment({ ...config, inferEvery: 40 }, data);
    exp.run(40);
    const snap = exp.snapshot(exp.createSnapshot());
    // After 40 steps m = 0.01 has moved only a third of the way from (0, 1) towards the population statistics.
    const torch = exp.variants[1].shadows?.stats[0][0];
    const keras = exp.variants[1].shadows?.stats[1][0];
    const model = rebuilt(exp, 1);
    computePopulationStats(model, model.createWorkspace(config.batchSize, false), data.train.x, 50 * config.batchSize);
    const pop = batchNormOf(model.hidden[0].norm);
    const distance = (s: typeof torch) =>
      s === null || s === undefined || pop === null
        ? NaN
        : s.mean.reduce((sum, m, j) => sum + Math.abs(m - pop.populationMean[j]) + Math.abs(s.spread[j] - pop.populationVar[j]), 0);
    expect(distance(keras)).toBeGreaterThan(2 * distance(torch));
    const first = variantStat(snap, 0, 'accBatch1');
    for (let c = 0; c < INFER_CASES.length; c++) {
      for (let e = 0; e < INFER_EPS.length; e++) expect(snap.variant[inferAccIndex(c, e)]).toBe(first);
    }
    expect(Number.isNaN(variantStat(snap, 0, 'inferClassesAtOne'))).toBe(true);
  });

  it('measures layer norm in every case, with the same accuracy whatever the test batch or statistics', () => {
    const exp = new Experiment({ ...config, variants: ['before', 'ln-before'], inferEvery: 40 }, data);
    exp.run(40);
    const snap = exp.snapshot(exp.createSnapshot());
    const model = rebuilt(exp, 1);
    const { x, y, rows } = subset(exp);
    const direct = evaluate(model, model.createWorkspace(60, false), x, y, rows, 'batch').accuracy;
    expect(direct).toBeGreaterThan(0.8);
    for (const c of INFER_CASES) expect(probeAcc(exp, 1, c.id), c.id).toBeCloseTo(direct, 12);
    // It predicts every class at test batch 1, where BN before the activation predicts one.
    expect(variantStat(snap, 1, 'inferClassesAtOne')).toBe(data.test.nClasses);
    expect(variantStat(snap, 0, 'inferClassesAtOne')).toBe(1);
  });

  it('reports NaN when it is off', () => {
    const exp = new Experiment(config, data);
    exp.run(5);
    const snap = exp.snapshot(exp.createSnapshot());
    expect(Number.isNaN(variantStat(snap, 1, 'inferStep'))).toBe(true);
    expect(Number.isNaN(variantStat(snap, 1, 'accRunning'))).toBe(true);
  });

  it('packs one accuracy per case and ε into the snapshot', () => {
    expect(inferAccIndex(INFER_CASES.length - 1, INFER_EPS.length - 1) + 1).toBe(VARIANT_STATS.indexOf('accPopulationEps3') + 1);
    expect(VARIANT_STATS.indexOf('accPopulationEps3')).toBe(VARIANT_STATS.length - 1);
  });
});
