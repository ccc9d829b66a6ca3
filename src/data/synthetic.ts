import { Rng } from '../engine/rng.ts';
import type { Dataset, Split } from './dataset.ts';

/** Options for a Gaussian-blob classification set. */
export interface BlobOptions {
  readonly seed: number;
  readonly nIn: number;
  readonly nClasses: number;
  readonly trainCount: number;
  readonly testCount: number;
  /** Distance scale of the class centres; the within-class noise has σ = 1. */
  readonly separation: number;
}

/**
 * A seeded set of Gaussian blobs: each class has a centre drawn from N(0, separation²) per feature and
 * rows around it with unit noise. Instant to build; linearly separable only in part, so hidden layers help.
 */
export function makeBlobs(options: BlobOptions): Split {
  const { seed, nIn, nClasses, trainCount, testCount, separation } = options;
  const rng = new Rng(seed);
  const centres = Float64Array.from({ length: nClasses * nIn }, () => separation * rng.normal());
  const make = (name: string, count: number): Dataset => {
    const x = new Float32Array(count * nIn);
    const y = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const label = rng.int(nClasses);
      y[i] = label;
      for (let k = 0; k < nIn; k++) x[i * nIn + k] = centres[label * nIn + k] + rng.normal();
    }
    return { name, x, y, count, nIn, nClasses };
  };
  return { train: make('blobs-train', trainCount), test: make('blobs-test', testCount) };
}
