import { describe, expect, it } from 'vitest';
import { checkGradient } from './gradcheck.ts';
import { countCorrect, meanSquaredError, softmaxCrossEntropy } from './loss.ts';
import { Rng } from './rng.ts';
import { randomLabels, randomMatrix } from './testHelpers.ts';

describe('softmax cross-entropy', () => {
  it('equals −log softmax at the label, averaged over the batch', () => {
    const logits = Float64Array.from([1, 2, 3, 0, 0, 0]);
    const labels = [2, 1];
    const row1 = -Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
    const row2 = Math.log(3);
    expect(softmaxCrossEntropy(logits, labels, null, 2, 3)).toBeCloseTo((row1 + row2) / 2, 12);
  });

  it('has a logit gradient that matches finite differences', () => {
    const rng = new Rng(5);
    const logits = randomMatrix(rng, 4, 6, 3);
    const labels = randomLabels(rng, 4, 6);
    const grad = new Float64Array(logits.length);
    softmaxCrossEntropy(logits, labels, grad, 4, 6);
    const r = checkGradient(logits, grad, () => softmaxCrossEntropy(logits, labels, null, 4, 6));
    expect(r.maxRelError).toBeLessThan(1e-6);
  });

  it('stays finite and exact for huge logits', () => {
    const logits = Float64Array.from([1e4, -1e4, 0, 5e3]);
    const grad = new Float64Array(4);
    const loss = softmaxCrossEntropy(logits, [1, 0], grad, 2, 2);
    expect(loss).toBeCloseTo((2e4 + 5e3) / 2, 6);
    expect(grad.every(Number.isFinite)).toBe(true);
  });

  it('rejects a label outside the classes', () => {
    expect(() => softmaxCrossEntropy(new Float64Array(3), [3], null, 1, 3)).toThrow(/label 3/);
  });

  it('counts rows whose largest logit is at the label', () => {
    expect(countCorrect(Float64Array.from([0, 1, 5, 2, 2, 0]), [1, 0], 2, 3)).toBe(1);
  });
});

describe('mean squared error', () => {
  it('averages squared error over every element and has a matching gradient', () => {
    const rng = new Rng(8);
    const out = randomMatrix(rng, 3, 2);
    const targets = randomMatrix(rng, 3, 2);
    const grad = new Float64Array(6);
    const loss = meanSquaredError(out, targets, grad, 3, 2);
    expect(loss).toBeCloseTo(out.reduce((a, v, i) => a + (v - targets[i]) ** 2, 0) / 6, 12);
    const r = checkGradient(out, grad, () => meanSquaredError(out, targets, null, 3, 2));
    expect(r.maxRelError).toBeLessThan(1e-6);
  });
});
