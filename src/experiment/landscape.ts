import type { FloatArray } from '../engine/floatArray.ts';
import { Model } from '../engine/model.ts';
import { Rng } from '../engine/rng.ts';
import type { Workspace } from '../engine/workspace.ts';
import { drain, type Work } from './work.ts';

/** The step sizes the smoothness probe moves along the gradient, as multiples of the learning rate (Santurkar et al., 2018, §3). */
export const SMOOTHNESS_RATES = [0.5, 1, 2, 3, 4] as const;

/** One hidden layer's internal covariate shift as Santurkar et al. (2018, Def. 2.1) measure it. */
export interface LayerShift {
  /** ‖G − G′‖₂: 0 would mean the earlier layers' updates did not change this layer's gradient. */
  readonly diffNorm: number;
  /** cos(G, G′): 1 would mean they did not turn it. */
  readonly cosine: number;
}

/** The loss landscape along the gradient direction, over the rates η = lr × SMOOTHNESS_RATES. */
export interface Smoothness {
  /** The loss at W − η∇L: its smallest and largest value over the rates. */
  readonly lossLo: number;
  readonly lossHi: number;
  /** Gradient predictiveness ‖∇L(W) − ∇L(W − η∇L)‖: smallest and largest over the rates. */
  readonly gradChangeLo: number;
  readonly gradChangeHi: number;
  /** Effective β-smoothness: the largest ‖∇L(W) − ∇L(W − η∇L)‖ / ‖η∇L(W)‖ over the rates. */
  readonly beta: number;
}

/**
 * Probes of the loss landscape and of internal covariate shift for one model. They work on a private copy
 * (parameters and BN statistics), with BN on batch statistics and nothing written back, so the model's
 * parameters, its running averages and noisy BN's generator are never touched.
 */
export class LandscapeProbe {
  private readonly copy: Model;
  private readonly ws: Workspace;
  /** The model's gradient at W, per parameter (Float64). */
  private readonly g0: Float64Array[];

  constructor(
    readonly model: Model,
    batchSize: number,
  ) {
    this.copy = new Model(model.spec, new Rng(0));
    this.ws = this.copy.workspace(batchSize);
    this.g0 = model.params().map((p) => new Float64Array(p.value.length));
  }

  /** Loss and gradient of the copy on (x, y), with BN on batch statistics and no noise. */
  private lossAndGrad(x: FloatArray, y: ArrayLike<number>, rows: number): number {
    this.copy.forward(this.ws, x, 'batch', rows);
    const loss = this.copy.loss(this.ws, y);
    this.copy.backward(this.ws, x);
    return loss;
  }

  /** Copies the model's gradient at its current weights on (x, y) into g0; returns the loss. */
  private baseline(x: FloatArray, y: ArrayLike<number>, rows: number): number {
    this.copy.copyFrom(this.model);
    const loss = this.lossAndGrad(x, y, rows);
    this.copy.params().forEach((p, i) => this.g0[i].set(p.grad));
    return loss;
  }

  /**
   * Per hidden layer i: G is ∇ of the loss w.r.t. W_i at the current weights, G′ the same on the same batch
   * after every earlier layer (its dense part and, with BN, γ and β) took the gradient step −lr·∇, while
   * layer i and the later ones did not. Layer 1 has no earlier layers: its shift is 0 and its cosine 1.
   */
  covariateShift(x: FloatArray, y: ArrayLike<number>, rows: number, lr: number): LayerShift[] {
    return drain(this.covariateShiftWork(x, y, rows, lr, -1));
  }

  /** covariateShift as resumable work: a slice per forward and backward pass. */
  *covariateShiftWork(x: FloatArray, y: ArrayLike<number>, rows: number, lr: number, variant: number): Work<LayerShift[]> {
    this.baseline(x, y, rows);
    yield { phase: 'probe', variant };
    const params = this.copy.params();
    const layerOf = params.map((p) => (p.name.startsWith('hidden') ? Number(p.name.slice(6, p.name.indexOf('.'))) - 1 : Infinity));
    const out: LayerShift[] = [];
    for (let i = 0; i < this.copy.hidden.length; i++) {
      this.copy.copyFrom(this.model);
      params.forEach((p, k) => {
        if (layerOf[k] >= i) return;
        const g = this.g0[k];
        for (let j = 0; j < p.value.length; j++) p.value[j] -= lr * g[j];
      });
      this.lossAndGrad(x, y, rows);
      yield { phase: 'probe', variant };
      const wIndex = params.findIndex((p) => p.name === `hidden${i + 1}.W`);
      const G = this.g0[wIndex];
      const G2 = params[wIndex].grad;
      let diff = 0;
      let dot = 0;
      let n1 = 0;
      let n2 = 0;
      for (let j = 0; j < G.length; j++) {
        diff += (G[j] - G2[j]) ** 2;
        dot += G[j] * G2[j];
        n1 += G[j] * G[j];
        n2 += G2[j] * G2[j];
      }
      out.push({ diffNorm: Math.sqrt(diff), cosine: n1 > 0 && n2 > 0 ? dot / Math.sqrt(n1 * n2) : 1 });
    }
    return out;
  }

  /** Moves along the gradient by η = lr × each of SMOOTHNESS_RATES and measures loss and gradient there. */
  smoothness(x: FloatArray, y: ArrayLike<number>, rows: number, lr: number): Smoothness {
    return drain(this.smoothnessWork(x, y, rows, lr, -1));
  }

  /** smoothness as resumable work: a slice per forward and backward pass. */
  *smoothnessWork(x: FloatArray, y: ArrayLike<number>, rows: number, lr: number, variant: number): Work<Smoothness> {
    this.baseline(x, y, rows);
    yield { phase: 'probe', variant };
    let g0Sq = 0;
    for (const g of this.g0) for (let j = 0; j < g.length; j++) g0Sq += g[j] * g[j];
    const g0Norm = Math.sqrt(g0Sq);
    let lossLo = Infinity;
    let lossHi = -Infinity;
    let gradChangeLo = Infinity;
    let gradChangeHi = -Infinity;
    let beta = 0;
    const params = this.copy.params();
    for (const rate of SMOOTHNESS_RATES) {
      const eta = lr * rate;
      this.copy.copyFrom(this.model);
      params.forEach((p, k) => {
        const g = this.g0[k];
        for (let j = 0; j < p.value.length; j++) p.value[j] -= eta * g[j];
      });
      const loss = this.lossAndGrad(x, y, rows);
      yield { phase: 'probe', variant };
      let change = 0;
      params.forEach((p, k) => {
        const g = this.g0[k];
        for (let j = 0; j < g.length; j++) change += (g[j] - p.grad[j]) ** 2;
      });
      change = Math.sqrt(change);
      lossLo = Math.min(lossLo, loss);
      lossHi = Math.max(lossHi, loss);
      gradChangeLo = Math.min(gradChangeLo, change);
      gradChangeHi = Math.max(gradChangeHi, change);
      if (g0Norm > 0) beta = Math.max(beta, change / (eta * g0Norm));
    }
    return { lossLo, lossHi, gradChangeLo, gradChangeHi, beta };
  }
}
