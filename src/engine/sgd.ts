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

  /** An optimizer over `params`, with momentum μ in [0, 1). */
  constructor(
    private readonly params: readonly ParamRef[],
    public momentum: number,
  ) {
    this.velocity = params.map((p) => p.value.slice().fill(0) as FloatArray);
  }

  /** One update of every parameter with its current gradient. */
  step(lr: number): void {
    const mu = this.momentum;
    for (let p = 0; p < this.params.length; p++) {
      const { value, grad } = this.params[p];
      const v = this.velocity[p];
      const n = value.length;
      if (mu === 0) {
        for (let i = 0; i < n; i++) value[i] -= lr * grad[i];
        continue;
      }
      for (let i = 0; i < n; i++) {
        const vi = mu * v[i] + grad[i];
        v[i] = vi;
        value[i] -= lr * vi;
      }
    }
  }

  /** Forgets the accumulated velocity. */
  reset(): void {
    for (const v of this.velocity) v.fill(0);
  }
}
