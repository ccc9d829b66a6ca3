import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from './activations.ts';
import { checkGradient } from './gradcheck.ts';
import type { ForwardMode } from './model.ts';
import { Rng } from './rng.ts';
import { PLACEMENTS, type ModelSpec } from './spec.ts';
import { checkModel, perturbBatchNorm, randomLabels, randomMatrix } from './testHelpers.ts';

const batchSize = 8;
const sizes = [5, 7, 6, 3];

/** Checks every entry of every parameter of a model against central differences. */
function worstError(partial: Partial<ModelSpec>, mode: ForwardMode) {
  const model = checkModel({ sizes, ...partial }, 3);
  const rng = new Rng(17);
  perturbBatchNorm(model, rng);
  // Non-zero biases so that the bias-before-BN check is not trivially zero.
  for (const h of model.hidden) h.dense.b.set(randomMatrix(rng, 1, h.dense.nOut, 0.5));
  const ws = model.workspace(batchSize);
  const x = randomMatrix(rng, batchSize, sizes[0]);
  const target = partial.loss === 'mse' ? randomMatrix(rng, batchSize, 3) : randomLabels(rng, batchSize, 3);
  const loss = () => {
    model.forward(ws, x, mode);
    return model.loss(ws, target, false);
  };
  model.forward(ws, x, mode);
  model.loss(ws, target);
  model.backward(ws, x);
  let worst = 0;
  let checked = 0;
  for (const p of model.params()) {
    const r = checkGradient(p.value, Float64Array.from(p.grad), loss);
    worst = Math.max(worst, r.maxRelError);
    checked += r.checked;
  }
  return { worst, checked, model };
}

describe.each(PLACEMENTS)('whole model, placement %s', (placement) => {
  // ℓ∞ BN after a ReLU normalizes columns full of exact zeros: its max |x − μ| is tied between rows, where
  // only a subgradient exists, so finite differences have nothing to agree with. It is checked with the others.
  const activations = placement === 'linf-after' ? ACTIVATIONS.filter((a) => a !== 'relu') : ACTIVATIONS;
  it.each(activations)('matches finite differences for every parameter with %s, BN in training mode', (act) => {
    const { worst, checked, model } = worstError({ placement, activation: act }, 'batch');
    expect(checked).toBe(model.params().reduce((a, p) => a + p.value.length, 0));
    expect(worst).toBeLessThan(1e-6);
  });

  it('matches finite differences with BN on running statistics and with an MSE loss', () => {
    expect(worstError({ placement, activation: 'tanh' }, 'running').worst).toBeLessThan(1e-6);
    expect(worstError({ placement, activation: 'sigmoid', loss: 'mse' }, 'batch').worst).toBeLessThan(1e-6);
  });
});

describe('bias neutralization', () => {
  /** One training-mode forward and backward of a sigmoid model with BN at `placement`. */
  function backwardOnce(placement: 'before' | 'after') {
    const model = checkModel({ sizes, placement, activation: 'sigmoid' }, 3);
    const rng = new Rng(2);
    const ws = model.workspace(8);
    const x = randomMatrix(rng, 8, sizes[0]);
    model.forward(ws, x, 'train');
    model.loss(ws, randomLabels(rng, 8, 3));
    model.backward(ws, x);
    return model;
  }

  it('gives a dense bias that feeds BN a zero gradient, and keeps it', () => {
    const model = backwardOnce('before');
    for (const h of model.hidden) {
      for (const g of h.dense.gradB) expect(Math.abs(g)).toBeLessThan(1e-9);
    }
    expect(model.params().some((p) => p.name === 'hidden1.b')).toBe(true);
    expect(Math.max(...model.output.gradB.map(Math.abs))).toBeGreaterThan(1e-3);
  });

  it('keeps the bias gradient when BN sits after the activation', () => {
    expect(Math.max(...backwardOnce('after').hidden[0].dense.gradB.map(Math.abs))).toBeGreaterThan(1e-6);
  });
});
