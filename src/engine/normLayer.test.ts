import { describe, expect, it } from 'vitest';
import { makeBlobs } from '../data/synthetic.ts';
import { Model } from './model.ts';
import { createNormalization, runningStatistics } from './normLayer.ts';
import { Rng } from './rng.ts';
import { Sgd } from './sgd.ts';
import { modelSpec, type Placement } from './spec.ts';
import { computePopulationStats, trainStep } from './train.ts';

const data = makeBlobs({ seed: 2, nIn: 6, nClasses: 3, trainCount: 64, testCount: 0, separation: 1.5 }).train;

function trained(placement: Placement): Model {
  const model = new Model(modelSpec({ sizes: [6, 8, 3], placement, init: { kind: 'lecun' } }), new Rng(4));
  const ws = model.workspace(16);
  const opt = new Sgd(model.params(), 0.9);
  for (let s = 0; s < 4; s++) trainStep(model, ws, opt, data.x.subarray(s * 96, (s + 1) * 96), data.y.subarray(s * 16, (s + 1) * 16), 0.1);
  computePopulationStats(model, model.createWorkspace(16, false), data.x, 64);
  return model;
}

describe('normalization by kind', () => {
  it('keeps ℓp batch norm’s scale under its own name, starting at 1 like BN’s variance', () => {
    const lp = createNormalization('l1', 'float64', 3, 1e-5, 0.1);
    if (lp.kind !== 'l1') throw new Error('expected ℓ1 batch norm');
    expect(Array.from(lp.params.runningScale)).toEqual([1, 1, 1]);
    expect('runningVar' in lp.params).toBe(false);
    expect(runningStatistics(lp)?.spread).toBe(lp.params.runningScale);
    expect(runningStatistics(createNormalization('ln', 'float64', 3, 1e-5, 0.1))).toBeNull();
  });

  it.each(['after', 'l1-before', 'linf-after', 'ln-before'] as const)('copies %s’s parameters and inference statistics into another model', (placement) => {
    const source = trained(placement);
    const copy = new Model(source.spec, new Rng(0));
    copy.copyFrom(source);
    const x = data.x.subarray(0, 10 * 6);
    for (const mode of ['running', 'population'] as const) {
      const expected = Array.from(source.forward(source.createWorkspace(10, false), x, mode, 10));
      expect(Array.from(copy.forward(copy.createWorkspace(10, false), x, mode, 10))).toEqual(expected);
    }
  });

  it('refuses a workspace made by another model, whose passes hold that model’s γ and β', () => {
    const a = trained('before');
    const b = new Model(a.spec, new Rng(1));
    expect(() => b.forward(a.workspace(16), data.x, 'batch', 16)).toThrow(/another model/);
    expect(() => b.backward(a.workspace(16), data.x)).toThrow(/another model/);
  });
});
