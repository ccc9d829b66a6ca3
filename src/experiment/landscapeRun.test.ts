import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { blobsSet } from '../data/synthetic.ts';
import { Experiment } from './experiment.ts';
import { layerStat, variantStat } from './snapshot.ts';
import { batchNormOf } from '../engine/normLayer.ts';

const data = blobsSet(3);
const config: Config = {
  ...DEFAULT_CONFIG,
  dataset: 'blobs',
  depth: 3,
  width: 12,
  activation: 'sigmoid',
  init: 'lecun',
  variants: ['none', 'before', 'noisy'],
  lr: 0.5,
  batchSize: 16,
  evalEvery: 20,
};

describe('landscape probes in a running experiment', () => {
  it('leave training exactly as it would be without them', () => {
    const plain = new Experiment(config, data);
    const probed = new Experiment({ ...config, probeEvery: 3 }, data);
    plain.run(40);
    probed.run(40);
    probed.variants.forEach((v, i) => {
      v.model.params().forEach((p, k) => expect(Array.from(p.value)).toEqual(Array.from(plain.variants[i].model.params()[k].value)));
      v.model.hidden.forEach((h, l) =>
        expect(Array.from(batchNormOf(h.norm)?.runningVar ?? [])).toEqual(Array.from(batchNormOf(plain.variants[i].model.hidden[l].norm)?.runningVar ?? [])),
      );
    });
    expect(probed.evals).toEqual(plain.evals);
  });

  it('report shift per layer, smoothness and cost in every snapshot, NaN without probes', () => {
    const exp = new Experiment({ ...config, probeEvery: 5 }, data);
    exp.run(12);
    const snap = exp.snapshot(exp.createSnapshot());
    for (let v = 0; v < 3; v++) {
      expect(variantStat(snap, v, 'probeStep')).toBe(10);
      const lo = variantStat(snap, v, 'lossLo');
      expect(lo).toBeGreaterThan(0);
      expect(variantStat(snap, v, 'lossHi')).toBeGreaterThanOrEqual(lo);
      expect(variantStat(snap, v, 'gradChangeHi')).toBeGreaterThanOrEqual(variantStat(snap, v, 'gradChangeLo'));
      expect(variantStat(snap, v, 'betaSmooth')).toBeGreaterThan(0);
      expect(variantStat(snap, v, 'probeMs')).toBeGreaterThanOrEqual(0);
      expect(layerStat(snap, v, 0, 'icsDiff')).toBe(0);
      expect(layerStat(snap, v, 2, 'icsDiff')).toBeGreaterThan(0);
      expect(Math.abs(layerStat(snap, v, 2, 'icsCos'))).toBeLessThanOrEqual(1 + 1e-6);
    }
    const off = new Experiment(config, data);
    off.run(12);
    const none = off.snapshot(off.createSnapshot());
    expect(variantStat(none, 0, 'betaSmooth')).toBeNaN();
    expect(layerStat(none, 1, 2, 'icsDiff')).toBeNaN();
  });
});
