import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { blobsSet } from '../data/synthetic.ts';
import { Model } from '../engine/model.ts';
import { Rng } from '../engine/rng.ts';
import { Sgd } from '../engine/sgd.ts';
import { trainStep } from '../engine/train.ts';
import { batchNormOf } from '../engine/normLayer.ts';
import { Experiment, TARGET_ACCURACY } from './experiment.ts';
import { createPercentileScratch, percentiles } from './percentiles.ts';
import { layerHistogram, layerStat, variantStat } from './snapshot.ts';
import { variantSpec } from './variant.ts';

const data = blobsSet(7);
const config: Config = {
  ...DEFAULT_CONFIG,
  dataset: 'blobs',
  depth: 2,
  width: 16,
  activation: 'sigmoid',
  init: 'lecun',
  variants: ['none', 'before', 'after'],
  lr: 0.2,
  batchSize: 16,
  evalEvery: 25,
  evalMode: 'running',
  trackLayer: 2,
  trackUnit: 3,
};

describe('paired experiment', () => {
  it('starts every variant from identical dense weights', () => {
    const exp = new Experiment(config, data);
    const [plain, ...others] = exp.variants.map((v) => v.model.denseLayers());
    for (const layers of others) {
      layers.forEach((d, l) => {
        expect(Array.from(d.W)).toEqual(Array.from(plain[l].W));
        expect(Array.from(d.b)).toEqual(Array.from(plain[l].b));
      });
    }
  });

  it('trains every variant on the same batch at every step', () => {
    const exp = new Experiment(config, data);
    // An independent model of the plain variant, fed the stream's batches, must follow it exactly.
    const solo = new Model(variantSpec(config, 'none', data.train.nIn, data.train.nClasses), new Rng(config.seed));
    const ws = solo.workspace(config.batchSize);
    const opt = new Sgd(solo.params(), config.momentum);
    for (let s = 0; s < 30; s++) {
      exp.runStep();
      const loss = trainStep(solo, ws, opt, exp.stream.x, exp.stream.y, config.lr);
      expect(exp.variants[0].lastLoss).toBe(loss);
    }
  });

  it('evaluates without touching running statistics, and records when 90% was first reached', () => {
    const exp = new Experiment({ ...config, evalMode: 'population' }, data);
    exp.run(60);
    const bn = batchNormOf(exp.variants[1].model.hidden[0].norm);
    if (bn === null) throw new Error('expected BN');
    const before = Array.from(bn.runningMean);
    exp.evaluate();
    expect(Array.from(bn.runningMean)).toEqual(before);
    expect(bn.hasPopulation).toBe(true);
    exp.run(240);
    for (const e of exp.evals) {
      expect(e.evalStep).toBe(300);
      expect(e.testAcc).toBeGreaterThan(0.5);
    }
    const reached = exp.evals.map((e) => e.reachedTargetAt);
    expect(reached.some((r) => r > 0 && r % config.evalEvery === 0)).toBe(true);
  });

  it('carries in each snapshot the first evaluated step at or above 90%, −1 until then, as the claims count it', () => {
    const exp = new Experiment({ ...config, evalEvery: 5 }, data);
    const snap = exp.createSnapshot();
    // Every evaluation, as the claims record them (src/claims/metrics.ts stepsTo: the first at or above the threshold).
    const evals = exp.variants.map(() => [] as { step: number; acc: number }[]);
    const firstAt = (v: number) => evals[v].find((e) => e.acc >= TARGET_ACCURACY)?.step ?? -1;
    exp.evals.forEach((e, v) => evals[v].push({ step: e.evalStep, acc: e.testAcc }));
    expect(exp.variants.map((_, v) => variantStat(exp.snapshot(snap), v, 'targetStep'))).toEqual(exp.variants.map(() => -1));
    for (let s = 0; s < 300; s += 5) {
      exp.run(5);
      exp.evals.forEach((e, v) => evals[v].push({ step: e.evalStep, acc: e.testAcc }));
      exp.snapshot(snap);
      for (let v = 0; v < exp.variants.length; v++) expect(variantStat(snap, v, 'targetStep')).toBe(firstAt(v));
    }
    expect(exp.variants.some((_, v) => firstAt(v) > 0)).toBe(true);
  });

  it('freezes a diverging variant at its step and lets the others go on', () => {
    // At this rate ReLU without BN blows up; with BN the scale of the weights does not matter.
    const exp = new Experiment({ ...config, activation: 'relu', init: 'he', variants: ['none', 'before'], lr: 40, momentum: 0.9 }, data);
    exp.run(200);
    const [plain, bn] = exp.variants;
    expect(plain.diverged).toBe(true);
    expect(plain.divergedAt).toBeGreaterThanOrEqual(0);
    expect(bn.diverged).toBe(false);
    const snap = exp.snapshot(exp.createSnapshot());
    expect(variantStat(snap, 0, 'divergedAt')).toBe(plain.divergedAt);
    expect(variantStat(snap, 1, 'divergedAt')).toBe(-1);
    expect(Number.isFinite(variantStat(snap, 1, 'trainLoss'))).toBe(true);
  });
});

describe('snapshots', () => {
  it('report no gradient or batch statistics before the first step, but the initial running statistics', () => {
    const exp = new Experiment(config, data);
    const snap = exp.snapshot(exp.createSnapshot());
    expect(Number.isNaN(layerStat(snap, 1, 0, 'gradNorm'))).toBe(true);
    expect(Number.isNaN(layerStat(snap, 1, 0, 'bnBatchVar'))).toBe(true);
    expect(layerStat(snap, 1, 0, 'bnRunningVar')).toBe(1);
    expect(Number.isFinite(layerStat(snap, 0, 0, 'p50'))).toBe(true);
    // Probe workspaces are forward-only: half the memory, and no accidental backward pass.
    const ws = exp.variants[0].model.createWorkspace(4, false);
    expect(() => exp.variants[0].model.backward(ws, exp.probeX)).toThrow(/forward-only/);
  });

  it('fill the same arrays each time with probe statistics that match a direct measurement', () => {
    const exp = new Experiment(config, data);
    exp.run(40);
    const snap = exp.createSnapshot();
    const arrays = [snap.layer, snap.hist, snap.variant];
    exp.snapshot(snap);
    exp.run(5);
    exp.snapshot(snap);
    expect([snap.layer, snap.hist, snap.variant]).toEqual(arrays);
    expect(snap.step).toBe(45);
    // Recompute the tracked unit's percentiles from an independent probe pass and a sort.
    exp.variants.forEach((v, i) => {
      const ws = v.model.createWorkspace(exp.probeX.length / data.train.nIn);
      v.model.forward(ws, exp.probeX, 'batch');
      // The tracked unit's index is followed in every layer, not only the tracked one.
      for (let l = 0; l < config.depth; l++) {
        const column = Array.from({ length: ws.rows }, (_, r) => ws.layers[l].actIn[r * config.width + config.trackUnit]).sort((a, b) => a - b);
        const at = (p: number) => {
          const h = p * (column.length - 1);
          const k = Math.floor(h);
          return column[k] + (h - k) * ((column[k + 1] ?? column[k]) - column[k]);
        };
        expect(layerStat(snap, i, l, 'unitP50')).toBeCloseTo(at(0.5), 5);
        expect(layerStat(snap, i, l, 'unitP15')).toBeCloseTo(at(0.15), 5);
      }
      const layer = ws.layers[config.trackLayer - 1];
      const all = new Float64Array(3);
      percentiles(layer.actIn, ws.rows * config.width, [0.15, 0.5, 0.85], all, createPercentileScratch(ws.rows * config.width));
      expect(layerStat(snap, i, config.trackLayer - 1, 'p85')).toBeCloseTo(all[2], 5);
      for (let l = 0; l < config.depth; l++) {
        const hist = layerHistogram(snap, i, l);
        expect(hist.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    });
    // BN before the activation keeps its inputs near mean β ≈ 0 and std γ ≈ 1 on the probe batch.
    expect(Math.abs(layerStat(snap, 1, 0, 'mean'))).toBeLessThan(0.3);
    expect(layerStat(snap, 1, 0, 'std')).toBeGreaterThan(0.7);
    // A bias that feeds BN gets no gradient; the plain network's does.
    expect(layerStat(snap, 1, 0, 'biasGradNorm')).toBeLessThan(1e-6);
    expect(layerStat(snap, 0, 0, 'biasGradNorm')).toBeGreaterThan(1e-5);
    expect(Number.isNaN(layerStat(snap, 0, 0, 'bnBatchMean'))).toBe(true);
    expect(layerStat(snap, 1, 0, 'updateRatio')).toBeGreaterThan(0);
  });
});
