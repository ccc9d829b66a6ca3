import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/torch-mlp.json' with { type: 'json' };
import type { DType, FloatArray } from './floatArray.ts';
import { INFERENCE_MODES, Model } from './model.ts';
import { batchNormOf } from './normLayer.ts';
import { Rng } from './rng.ts';
import { Sgd } from './sgd.ts';
import { modelSpec, type Placement } from './spec.ts';
import { maxRelDiff } from './testHelpers.ts';
import { computePopulationStats, trainStep } from './train.ts';
import { countCorrect } from './loss.ts';

interface LayerValues {
  W: number[];
  b: number[];
  gamma: number[] | null;
  beta: number[] | null;
}
type Case = (typeof fixtures.cases)[number];

/** A model of the fixture's shape holding the fixture's initial parameters. */
function build(c: Case, dtype: DType): Model {
  const model = new Model(
    modelSpec({
      sizes: fixtures.sizes,
      activation: c.activation as 'sigmoid' | 'relu',
      placement: c.placement as Placement,
      bnEps: fixtures.bnEps,
      bnMomentum: fixtures.bnMomentum,
      dtype,
    }),
    new Rng(0),
  );
  const layers = layerArrays(model);
  (c.initial as LayerValues[]).forEach((values, l) => {
    layers[l].W.set(values.W);
    layers[l].b.set(values.b);
    if (values.gamma) layers[l].gamma?.set(values.gamma);
    if (values.beta) layers[l].beta?.set(values.beta);
  });
  return model;
}

/** Per dense layer, the parameter arrays (or, with `grads`, their gradients) in the fixture's layout. */
function layerArrays(model: Model, grads = false) {
  const hidden = model.hidden.map(({ dense, norm }) => {
    const p = norm?.params ?? null;
    return {
      W: grads ? dense.gradW : dense.W,
      b: grads ? dense.gradB : dense.b,
      gamma: p === null ? null : grads ? p.gradGamma : p.gamma,
      beta: p === null ? null : grads ? p.gradBeta : p.beta,
    };
  });
  const out = model.output;
  return [...hidden, { W: grads ? out.gradW : out.W, b: grads ? out.gradB : out.b, gamma: null, beta: null }];
}

/** The worst relative difference between a model's arrays and the fixture's, over every layer. */
function worstLayerDiff(actual: ReturnType<typeof layerArrays>, expected: LayerValues[]): number {
  let worst = 0;
  actual.forEach((layer, l) => {
    const e = expected[l];
    worst = Math.max(worst, maxRelDiff(layer.W, e.W, 1e-3), maxRelDiff(layer.b, e.b, 1e-3));
    if (layer.gamma && e.gamma) worst = Math.max(worst, maxRelDiff(layer.gamma, e.gamma, 1e-3));
    if (layer.beta && e.beta) worst = Math.max(worst, maxRelDiff(layer.beta, e.beta, 1e-3));
    expect(layer.gamma === null).toBe(e.gamma === null);
  });
  return worst;
}

function toArray(dtype: DType, values: number[]): FloatArray {
  return dtype === 'float64' ? Float64Array.from(values) : Float32Array.from(values);
}

/** Float64 must match PyTorch (float64) to 1e-5; Float32, the app's type, to the precision it has. */
const tolerance: Record<DType, number> = { float64: 1e-5, float32: 1e-3 };

describe.each(['float64', 'float32'] as const)('PyTorch fixtures (%s engine)', (dtype) => {
  const tol = tolerance[dtype];
  describe.each(fixtures.cases.map((c) => [`${c.placement} / ${c.activation}`, c] as const))('%s', (_name, c) => {
    it('matches the loss and every parameter gradient', () => {
      const model = build(c, dtype);
      const ws = model.workspace(fixtures.batchSize);
      const x = toArray(dtype, c.batches[0].x);
      model.forward(ws, x, 'train');
      const loss = model.loss(ws, c.batches[0].y);
      model.backward(ws, x);
      expect(maxRelDiff([loss], [c.losses[0]])).toBeLessThan(tol);
      expect(worstLayerDiff(layerArrays(model, true), c.grads0 as LayerValues[])).toBeLessThan(tol);
    });

    it('matches losses, parameters and running statistics after 3 SGD steps with momentum', () => {
      const model = build(c, dtype);
      const ws = model.workspace(fixtures.batchSize);
      const opt = new Sgd(model.params(), fixtures.momentum);
      const losses = c.batches.map((b) => trainStep(model, ws, opt, toArray(dtype, b.x), b.y, fixtures.lr));
      expect(maxRelDiff(losses, c.losses)).toBeLessThan(tol);
      expect(worstLayerDiff(layerArrays(model), c.final as LayerValues[])).toBeLessThan(tol);
      model.hidden.forEach(({ norm }, l) => {
        const bn = batchNormOf(norm);
        const expected = c.finalRunning[l];
        expect(bn === null).toBe(expected === null);
        if (bn === null || expected === null) return;
        expect(maxRelDiff(bn.runningMean, expected.mean, 1e-3)).toBeLessThan(tol);
        expect(maxRelDiff(bn.runningVar, expected.var, 1e-3)).toBeLessThan(tol);
      });
    });

    it('matches logits and accuracy with batch, running and population statistics', () => {
      const model = build(c, dtype);
      const ws = model.workspace(fixtures.batchSize);
      const opt = new Sgd(model.params(), fixtures.momentum);
      for (const b of c.batches) trainStep(model, ws, opt, toArray(dtype, b.x), b.y, fixtures.lr);
      const trainX = toArray(
        dtype,
        c.batches.flatMap((b) => b.x),
      );
      computePopulationStats(model, ws, trainX, c.batches.length * fixtures.batchSize);
      model.hidden.forEach(({ norm }, l) => {
        const bn = batchNormOf(norm);
        const expected = c.eval.population[l];
        if (bn === null || expected === null) return;
        expect(maxRelDiff(bn.populationMean, expected.mean, 1e-3)).toBeLessThan(tol);
        expect(maxRelDiff(bn.populationVar, expected.var, 1e-3)).toBeLessThan(tol);
      });
      const rows = c.eval.y.length;
      const evalWs = model.workspace(rows);
      const runningBefore = model.hidden.map((h) => Array.from(batchNormOf(h.norm)?.runningMean ?? []));
      for (const mode of INFERENCE_MODES) {
        const logits = model.forward(evalWs, toArray(dtype, c.eval.x), mode);
        const expected = c.eval.modes[mode];
        expect(maxRelDiff(logits, expected.logits, 1e-3)).toBeLessThan(tol);
        expect(countCorrect(logits, c.eval.y, rows, model.nOut) / rows).toBe(expected.accuracy);
      }
      expect(model.hidden.map((h) => Array.from(batchNormOf(h.norm)?.runningMean ?? []))).toEqual(runningBefore);
    });
  });
});
