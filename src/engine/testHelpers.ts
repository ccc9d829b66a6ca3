import type { FloatArray } from './floatArray.ts';
import { Model } from './model.ts';
import { runningStatistics } from './normLayer.ts';
import { Rng } from './rng.ts';
import { modelSpec, type ModelSpec } from './spec.ts';

/** A Float64 model of the given shape for checks, weights drawn from `seed`. */
export function checkModel(partial: Partial<ModelSpec>, seed = 1): Model {
  return new Model(modelSpec({ dtype: 'float64', init: { kind: 'gaussian', sigma: 0.5 }, ...partial }), new Rng(seed));
}

/** rows × cols standard-normal values (Float64). */
export function randomMatrix(rng: Rng, rows: number, cols: number, scale = 1): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = scale * rng.normal();
  return out;
}

/** `rows` integer labels in [0, nClasses). */
export function randomLabels(rng: Rng, rows: number, nClasses: number): Int32Array {
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) out[i] = rng.int(nClasses);
  return out;
}

/** Gives γ, β (and the running statistics) non-trivial values so a check cannot pass by symmetry. */
export function perturbBatchNorm(model: Model, rng: Rng): void {
  for (const { norm } of model.hidden) {
    if (norm === null) continue;
    const running = runningStatistics(norm);
    for (let j = 0; j < norm.params.n; j++) {
      norm.params.gamma[j] = 0.5 + rng.uniform();
      norm.params.beta[j] = rng.range(-0.5, 0.5);
      if (running === null) continue;
      running.mean[j] = rng.range(-0.3, 0.3);
      running.spread[j] = 0.5 + rng.uniform();
    }
  }
}

/** The largest |a − b| / max(|a|, |b|, floor) over two arrays of equal length. */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-12): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const scale = Math.max(Math.abs(a[i]), Math.abs(b[i]), floor);
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / scale);
  }
  return worst;
}

/** A copy of a float array as a plain array (for snapshots of parameters before a step). */
export function copyOf(values: FloatArray): number[] {
  return Array.from(values);
}
