import type { FloatArray } from './floatArray.ts';

/** A named parameter array with the gradient array of the same shape. */
export interface ParamRef {
  readonly name: string;
  readonly value: FloatArray;
  readonly grad: FloatArray;
}

/**
 * SGD with optional momentum in PyTorch's convention: v ← μ·v + g; p ← p − lr·v.
 * Velocities are allocated once; the learning rate is passed per step so it can change live.
 */
export class Sgd {
  private readonly velocity: FloatArray[];
  /** Per parameter, at the last step: ‖g‖², ‖Δp‖² (the update actually applied) and ‖p‖² after it. */
  readonly gradSq: Float64Array;
  readonly updateSq: Float64Array;
  readonly valueSq: Float64Array;

  /** An optimizer over `params`, with momentum μ in [0, 1). */
  constructor(
    private readonly params: readonly ParamRef[],
    public momentum: number,
  ) {
    this.velocity = params.map((p) => p.value.slice().fill(0) as FloatArray);
    this.gradSq = new Float64Array(params.length);
    this.updateSq = new Float64Array(params.length);
    this.valueSq = new Float64Array(params.length);
  }

  /**
   * One update of every parameter with its current gradient. The squared norms of gradient, update and
   * value ride along in the same pass (the arrays are in cache anyway), so probes never re-read them.
   */
  step(lr: number): void {
    const mu = this.momentum;
    for (let p = 0; p < this.params.length; p++) {
      const { value, grad } = this.params[p];
      const v = this.velocity[p];
      const n = value.length;
      let gSq = 0;
      let uSq = 0;
      let pSq = 0;
      if (mu === 0) {
        for (let i = 0; i < n; i++) {
          const g = grad[i];
          const pi = value[i] - lr * g;
          value[i] = pi;
          gSq += g * g;
          pSq += pi * pi;
        }
        uSq = lr * lr * gSq;
      } else {
        for (let i = 0; i < n; i++) {
          const g = grad[i];
          const vi = mu * v[i] + g;
          v[i] = vi;
          const pi = value[i] - lr * vi;
          value[i] = pi;
          gSq += g * g;
          uSq += vi * vi;
          pSq += pi * pi;
        }
        uSq *= lr * lr;
      }
      this.gradSq[p] = gSq;
      this.updateSq[p] = uSq;
      this.valueSq[p] = pSq;
    }
  }

  /** Forgets the accumulated velocity. */
  reset(): void {
    for (const v of this.velocity) v.fill(0);
  }
}
