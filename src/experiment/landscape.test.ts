import { describe, expect, it } from 'vitest';
import type { Model } from '../engine/model.ts';
import { Rng } from '../engine/rng.ts';
import { checkModel, perturbBatchNorm, randomLabels, randomMatrix } from '../engine/testHelpers.ts';
import { batchNormOf } from '../engine/normLayer.ts';
import { LandscapeProbe, SMOOTHNESS_RATES } from './landscape.ts';

const sizes = [3, 5, 4, 4, 2];
const rows = 6;
const lr = 0.4;

/** A tiny Float64 model with non-trivial γ, β and biases, and a batch for it. */
function setup(placement: 'none' | 'before' | 'noisy') {
  const model = checkModel({ sizes, placement, activation: 'tanh' }, 11);
  const rng = new Rng(4);
  perturbBatchNorm(model, rng);
  for (const h of model.hidden) for (let j = 0; j < h.dense.b.length; j++) h.dense.b[j] = rng.range(-0.3, 0.3);
  return { model, x: randomMatrix(rng, rows, sizes[0]), y: randomLabels(rng, rows, 2) };
}

// ---- The brute-force side: parameters as plain arrays, the loss by a forward pass, gradients by central differences. ----

type Params = number[][];
const read = (m: Model): Params => m.params().map((p) => Array.from(p.value));

/** The loss at parameters w (BN on batch statistics), evaluated on a scratch model so `model` is untouched. */
function lossAt(scratch: Model, w: Params, x: Float64Array, y: Int32Array): number {
  scratch.params().forEach((p, i) => p.value.set(w[i]));
  const ws = scratch.workspace(rows);
  scratch.forward(ws, x, 'batch');
  return scratch.loss(ws, y, false);
}

/** ∇L at w by central differences, every entry. */
function fdGrad(scratch: Model, w: Params, x: Float64Array, y: Int32Array): Params {
  const h = 1e-6;
  return w.map((arr, i) =>
    arr.map((_, j) => {
      const plus = w.map((a) => a.slice());
      const minus = w.map((a) => a.slice());
      plus[i][j] += h;
      minus[i][j] -= h;
      return (lossAt(scratch, plus, x, y) - lossAt(scratch, minus, x, y)) / (2 * h);
    }),
  );
}

const norm = (a: number[]) => Math.sqrt(a.reduce((s, v) => s + v * v, 0));
const sub = (a: number[], b: number[]) => a.map((v, i) => v - b[i]);
const flat = (p: Params) => p.flat();

describe('landscape probes against a brute-force computation', () => {
  it('measure internal covariate shift per layer as Santurkar et al. define it', () => {
    const { model, x, y } = setup('before');
    const scratch = checkModel({ sizes, placement: 'before', activation: 'tanh' }, 99);
    scratch.copyFrom(model);
    const names = model.params().map((p) => p.name);
    const w = read(model);
    const g = fdGrad(scratch, w, x, y);
    const shifts = new LandscapeProbe(model, rows).covariateShift(x, y, rows, lr);
    expect(shifts).toHaveLength(3);
    for (let i = 0; i < 3; i++) {
      // Earlier layers (their W, b, γ, β) step by −lr·g; layer i and the later ones keep their weights.
      const earlier = (name: string) => /^hidden\d+\./.test(name) && Number(/\d+/.exec(name)?.[0]) - 1 < i;
      const moved = w.map((arr, k) => (earlier(names[k]) ? arr.map((v, j) => v - lr * g[k][j]) : arr.slice()));
      const wi = names.indexOf(`hidden${i + 1}.W`);
      const G = g[wi];
      const G2 = fdGrad(scratch, moved, x, y)[wi];
      const diff = norm(sub(G, G2));
      const cos = G.reduce((s, v, j) => s + v * G2[j], 0) / (norm(G) * norm(G2));
      expect(shifts[i].diffNorm).toBeCloseTo(diff, 6);
      expect(shifts[i].cosine).toBeCloseTo(cos, 6);
    }
    expect(shifts[0]).toEqual({ diffNorm: 0, cosine: expect.closeTo(1, 12) });
    expect(shifts[2].diffNorm).toBeGreaterThan(1e-4);
  });

  it('measure loss range, gradient predictiveness and β-smoothness along the gradient', () => {
    const { model, x, y } = setup('none');
    const scratch = checkModel({ sizes, placement: 'none', activation: 'tanh' }, 99);
    const w = read(model);
    const g = fdGrad(scratch, w, x, y);
    const losses: number[] = [];
    const changes: number[] = [];
    const ratios: number[] = [];
    for (const rate of SMOOTHNESS_RATES) {
      const eta = lr * rate;
      const moved = w.map((arr, k) => arr.map((v, j) => v - eta * g[k][j]));
      losses.push(lossAt(scratch, moved, x, y));
      const change = norm(sub(flat(g), flat(fdGrad(scratch, moved, x, y))));
      changes.push(change);
      ratios.push(change / (eta * norm(flat(g))));
    }
    const s = new LandscapeProbe(model, rows).smoothness(x, y, rows, lr);
    expect(s.lossLo).toBeCloseTo(Math.min(...losses), 9);
    expect(s.lossHi).toBeCloseTo(Math.max(...losses), 9);
    expect(s.gradChangeLo).toBeCloseTo(Math.min(...changes), 6);
    expect(s.gradChangeHi).toBeCloseTo(Math.max(...changes), 6);
    expect(s.beta).toBeCloseTo(Math.max(...ratios), 6);
    expect(s.lossHi).toBeGreaterThan(s.lossLo);
  });

  it("never touch the parameters, the running statistics or noisy BN's noise", () => {
    const { model, x, y } = setup('noisy');
    const twin = checkModel({ sizes, placement: 'noisy', activation: 'tanh' }, 11);
    twin.copyFrom(model);
    const before = model.params().map((p) => Array.from(p.value));
    const running = model.hidden.map((h) => Array.from(batchNormOf(h.norm)?.runningMean ?? []));
    const probe = new LandscapeProbe(model, rows);
    probe.covariateShift(x, y, rows, lr);
    probe.smoothness(x, y, rows, lr);
    expect(model.params().map((p) => Array.from(p.value))).toEqual(before);
    expect(model.hidden.map((h) => Array.from(batchNormOf(h.norm)?.runningMean ?? []))).toEqual(running);
    // The next training pass draws the same noise as a model that was never probed.
    const ws = model.workspace(rows);
    const wsTwin = twin.workspace(rows);
    model.forward(ws, x, 'train');
    twin.forward(wsTwin, x, 'train');
    expect(Array.from(ws.logits)).toEqual(Array.from(wsTwin.logits));
  });
});
