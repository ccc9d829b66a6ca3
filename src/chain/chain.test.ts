import { describe, expect, it } from 'vitest';
import { chainGradient, chainOutput, chainStep, expandUpdate, normalizedChainStep, presetWeights, termName } from './chain.ts';

describe('chain gradient', () => {
  it('matches finite differences, and handles a zero weight', () => {
    for (const w of [
      [0.5, 1.5, -0.7, 1.2],
      [1, 0, 2, 3],
    ]) {
      const g = chainGradient(1.3, w);
      for (let i = 0; i < w.length; i++) {
        const h = 1e-6;
        const up = w.map((v, j) => (j === i ? v + h : v));
        const down = w.map((v, j) => (j === i ? v - h : v));
        expect(g[i]).toBeCloseTo((chainOutput(1.3, up) - chainOutput(1.3, down)) / (2 * h), 6);
      }
    }
    expect(chainGradient(2, [1, 0, 3])).toEqual([0, 6, 0]);
  });
});

describe('chain step', () => {
  it('changes ŷ by exactly the sum of the expanded polynomial terms', () => {
    for (const [x, w, eps] of [
      [1, [0.5, 0.5, 0.5], 0.1],
      [1.5, [1.5, 0.6, 1.2, 0.8, 1.4], 0.05],
      [-0.8, presetWeights('all 1.5', 10), 0.01],
    ] as const) {
      const s = chainStep(x, w, eps);
      const terms = expandUpdate(x, w, s.gradient, eps);
      expect(terms).toHaveLength(2 ** w.length - 1);
      const sum = terms.reduce((a, t) => a + t.value, 0);
      expect(s.actual).toBeCloseTo(sum, 9);
      // The singletons are the first-order prediction −ε·gᵀg; the rest are the higher-order terms.
      const first = terms.filter((t) => t.subset.length === 1).reduce((a, t) => a + t.value, 0);
      expect(first).toBeCloseTo(s.predicted, 9);
      expect(s.predicted + s.higherOrder.reduce((a, t) => a + t.value, 0)).toBeCloseTo(s.actual, 9);
      for (let i = 1; i < s.higherOrder.length; i++) expect(Math.abs(s.higherOrder[i - 1].value)).toBeGreaterThanOrEqual(Math.abs(s.higherOrder[i].value));
    }
  });

  it('is predicted well by first order with small weights, and badly with weights above 1', () => {
    const small = chainStep(1, presetWeights('all 0.5', 6), 0.1);
    expect(Math.abs(small.actual - small.predicted) / Math.abs(small.predicted)).toBeLessThan(0.05);
    const large = chainStep(1, presetWeights('all 1.5', 6), 0.1);
    expect(Math.abs(large.actual - large.predicted) / Math.abs(large.predicted)).toBeGreaterThan(0.5);
    expect(Math.abs(small.higherOrder[0].value)).toBeLessThan(0.01 * Math.abs(small.predicted));
    expect(Math.abs(large.higherOrder[0].value)).toBeGreaterThan(100 * Math.abs(small.higherOrder[0].value));
  });

  it('names a term as in the book', () => {
    expect(termName({ subset: [0, 1], value: 0 }, 4)).toBe('ε²·x·g1·g2·w3·w4');
    expect(termName({ subset: [2], value: 0 }, 3)).toBe('−ε·x·g3·w1·w2');
    expect(termName({ subset: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], value: 0 }, 10)).toMatch(/^ε¹⁰·/);
  });
});

describe('normalized chain', () => {
  it('makes the step exactly first order and the lower weights useless', () => {
    const w = presetWeights('all 1.5', 8);
    const s = normalizedChainStep(1.2, w, 0.3);
    expect(s.actual).toBeCloseTo(s.predicted, 12);
    expect(s.gradient.slice(0, -1).every((g) => g === 0)).toBe(true);
    // Rescaling a lower weight (keeping its sign) leaves ŷ unchanged.
    const scaled = w.map((v, i) => (i === 2 ? v * 7 : v));
    expect(normalizedChainStep(1.2, scaled, 0.3).before).toBe(s.before);
    // Flipping its sign flips ĥ.
    const flipped = w.map((v, i) => (i === 2 ? -v : v));
    expect(normalizedChainStep(1.2, flipped, 0.3).before).toBe(-s.before);
  });
});

describe('normalized chain against real batch normalization', () => {
  // A batch of inputs with mean 0 and standard deviation 1 (biased), as the normalized chain assumes.
  const raw = [-1.7, -0.4, 0.3, 0.6, 1.2];
  const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
  const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / raw.length);
  const xs = raw.map((v) => (v - mean) / sd);

  /** ŷ for sample i with h_{l−1} normalized by the batch's own mean and standard deviation. */
  function bnOutput(w: readonly number[], i: number): number {
    const hs = xs.map((x) => chainOutput(x, w.slice(0, -1)));
    const mu = hs.reduce((a, b) => a + b, 0) / hs.length;
    const s = Math.sqrt(hs.reduce((a, b) => a + (b - mu) ** 2, 0) / hs.length);
    return (w[w.length - 1] * (hs[i] - mu)) / s;
  }

  it('gives the same ŷ and gradients as normalizing over the batch', () => {
    const w = [1.5, -0.7, 1.3, 0.9];
    for (let i = 0; i < xs.length; i++) {
      const s = normalizedChainStep(xs[i], w, 0.1);
      expect(s.before).toBeCloseTo(bnOutput(w, i), 12);
      for (let k = 0; k < w.length; k++) {
        const h = 1e-6;
        const fd =
          (bnOutput(
            w.map((v, j) => (j === k ? v + h : v)),
            i,
          ) -
            bnOutput(
              w.map((v, j) => (j === k ? v - h : v)),
              i,
            )) /
          (2 * h);
        expect(s.gradient[k]).toBeCloseTo(fd, 6);
      }
    }
  });
});
