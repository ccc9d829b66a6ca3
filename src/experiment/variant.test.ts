import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { blobsSet } from '../data/synthetic.ts';
import { Experiment } from './experiment.ts';
import { Variant } from './variant.ts';

const data = blobsSet(7);
const config: Config = { ...DEFAULT_CONFIG, dataset: 'blobs', depth: 2, width: 8, variants: ['none', 'before'], batchSize: 8, lr: 0.1 };

describe('variant dtype', () => {
  it('computes in float32 unless the experiment asks for float64, from the same initial draws', () => {
    const f32 = new Experiment(config, data);
    const f64 = new Experiment(config, data, null, { dtype: 'float64' });
    for (const v of f32.variants) expect(v.model.spec.dtype).toBe('float32');
    f64.variants.forEach((v, i) => {
      expect(v.model.spec.dtype).toBe('float64');
      expect(v.model.hidden[0].dense.W).toBeInstanceOf(Float64Array);
      // The same draws; float32 keeps them rounded.
      expect(Array.from(Float32Array.from(v.model.hidden[0].dense.W))).toEqual(Array.from(f32.variants[i].model.hidden[0].dense.W));
    });
  });

  it('does not freeze a float64 variant whose parameters are finite but whose squared norm overflows', () => {
    const v = new Variant('before', config, data.train.nIn, data.train.nClasses, 'float64');
    // A bias that feeds BN changes nothing downstream, so the loss stays finite while b² overflows.
    v.model.hidden[0].dense.b[0] = 1e160;
    const x = data.train.x.subarray(0, config.batchSize * data.train.nIn);
    const y = data.train.y.subarray(0, config.batchSize);
    expect(Number.isFinite(v.train(x, y, config.lr, 0))).toBe(true);
    expect(v.opt.valueSq.some((s) => !Number.isFinite(s))).toBe(true);
    expect(v.diverged).toBe(false);
    v.model.hidden[0].dense.b[1] = Infinity;
    v.train(x, y, config.lr, 1);
    expect(v.diverged).toBe(true);
  });
});
