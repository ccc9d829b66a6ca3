import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { blobsSet } from '../data/synthetic.ts';
import { Experiment } from './experiment.ts';
import { binsFor, zBinsFor } from './histogram.ts';
import { createPercentileScratch, percentiles } from './percentiles.ts';
import { layerStat, layerZHistogram, unitZValues, zIsActIn } from './snapshot.ts';
import { batchNormOf } from '../engine/normLayer.ts';

const data = blobsSet(7);
const config: Config = {
  ...DEFAULT_CONFIG,
  dataset: 'blobs',
  depth: 2,
  width: 16,
  activation: 'sigmoid',
  init: 'gaussian',
  initSigma: 1.5,
  variants: ['none', 'before', 'after', 'ln-before'],
  lr: 0.5,
  batchSize: 16,
  evalEvery: 25,
  trackLayer: 2,
  trackUnit: 3,
};

/** An experiment trained a little, its snapshot, and an independent probe pass of each variant. */
function trained(steps = 30) {
  const exp = new Experiment(config, data);
  exp.run(steps);
  const snap = exp.snapshot(exp.createSnapshot());
  const probes = exp.variants.map((v) => {
    const ws = v.model.createWorkspace(snap.probeRows, false);
    v.model.forward(ws, exp.probeX, 'probe');
    return ws;
  });
  return { exp, snap, probes };
}

/** numpy's default percentile of a list. */
function percentileOf(values: ArrayLike<number>, p: number): number {
  const s = Array.from(values).sort((a, b) => a - b);
  const h = p * (s.length - 1);
  const k = Math.floor(h);
  return s[k] + (h - k) * ((s[k + 1] ?? s[k]) - s[k]);
}

describe('z = xW + b probes', () => {
  it('measure z, the input to the normalization, beside the input to the nonlinearity', () => {
    const { snap, probes } = trained();
    config.variants.forEach((p, v) => {
      for (let l = 0; l < config.depth; l++) {
        const { z, actIn } = probes[v].layers[l];
        const n = snap.probeRows * config.width;
        const all = new Float64Array(3);
        percentiles(z, n, [0.15, 0.5, 0.85], all, createPercentileScratch(n));
        expect(layerStat(snap, v, l, 'zP15')).toBeCloseTo(all[0], 4);
        expect(layerStat(snap, v, l, 'zP85')).toBeCloseTo(all[2], 4);
        const column = Array.from({ length: snap.probeRows }, (_, r) => z[r * config.width + config.trackUnit]);
        expect(layerStat(snap, v, l, 'zUnitP50')).toBeCloseTo(percentileOf(column, 0.5), 4);
        const mean = Array.from(z).reduce((a, b) => a + b, 0) / z.length;
        expect(layerStat(snap, v, l, 'zMean')).toBeCloseTo(mean, 4);
        // Plain and BN after the sigmoid feed z itself to the sigmoid: one array, the same numbers.
        expect(z === actIn).toBe(zIsActIn(p));
        if (zIsActIn(p)) expect(layerStat(snap, v, l, 'zStd')).toBe(layerStat(snap, v, l, 'std'));
        else expect(layerStat(snap, v, l, 'zStd')).not.toBeCloseTo(layerStat(snap, v, l, 'std'), 2);
        const hist = layerZHistogram(snap, v, l);
        expect(hist.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    });
  });

  it('put z on fixed bins twice as wide as the nonlinearity input bins, with the same edges where they overlap', () => {
    const bins = binsFor('sigmoid');
    const zBins = zBinsFor('sigmoid');
    const width = (b: typeof bins) => (b.hi - b.lo) / b.count;
    expect(width(zBins)).toBe(width(bins));
    expect(zBins.hi - zBins.lo).toBe(2 * (bins.hi - bins.lo));
    expect(Number.isInteger((bins.lo - zBins.lo) / width(bins))).toBe(true);
  });

  it('hand over the tracked unit’s z on the probe batch, from which BN’s own transform gives the nonlinearity’s input', () => {
    const { exp, snap, probes } = trained();
    const eps = config.bnEps;
    const l = config.trackLayer - 1;
    const u = config.trackUnit;
    config.variants.forEach((p, v) => {
      const x = unitZValues(snap, v);
      expect(x).toHaveLength(snap.probeRows);
      for (let r = 0; r < x.length; r++) expect(x[r]).toBe(probes[v].layers[l].z[r * config.width + u]);
      if (p !== 'before') return;
      // What a page does with them: the batch's own mean and biased variance, then x̂ and γx̂ + β.
      const m = x.length;
      const mu = x.reduce((a, b) => a + b, 0) / m;
      const variance = x.reduce((a, b) => a + (b - mu) ** 2, 0) / m;
      const xHat = Array.from(x, (z) => (z - mu) / Math.sqrt(variance + eps));
      const hatMean = xHat.reduce((a, b) => a + b, 0) / m;
      const hatVar = xHat.reduce((a, b) => a + (b - hatMean) ** 2, 0) / m;
      expect(Math.abs(hatMean)).toBeLessThan(1e-6);
      expect(hatVar).toBeCloseTo(variance / (variance + eps), 6);
      expect(hatVar).toBeGreaterThan(0.99);
      const gamma = layerStat(snap, v, l, 'unitGamma');
      const beta = layerStat(snap, v, l, 'unitBeta');
      expect(gamma).toBe(batchNormOf(exp.variants[v].model.hidden[l].norm)?.gamma[u]);
      const y = xHat.map((h) => gamma * h + beta);
      for (let r = 0; r < m; r++) expect(y[r]).toBeCloseTo(probes[v].layers[l].actIn[r * config.width + u], 4);
      expect(percentileOf(y, 0.5)).toBeCloseTo(layerStat(snap, v, l, 'unitP50'), 4);
    });
  });

  it('follow the tracked layer when it changes, without a new snapshot buffer', () => {
    const { exp, snap } = trained(5);
    const unitZ = snap.unitZ;
    exp.trackLayer = 0;
    exp.snapshot(snap);
    expect(snap.unitZ).toBe(unitZ);
    const ws = exp.variants[0].model.createWorkspace(snap.probeRows, false);
    exp.variants[0].model.forward(ws, exp.probeX, 'probe');
    expect(unitZValues(snap, 0)[1]).toBe(ws.layers[0].z[config.width + config.trackUnit]);
  });
});
