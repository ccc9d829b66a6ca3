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
 * rows around it with unit noise. Instant to build: the small set for fast tests.
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

/** The small synthetic set the app and tests use: 16 features, 4 classes, 2,000 + 500 rows. */
export function blobsSet(seed: number): Split {
  return makeBlobs({ seed, nIn: 16, nClasses: 4, trainCount: 2000, testCount: 500, separation: 0.8 });
}

/** The ranges of the mixed-scale set's features: two in [0, 1], two in [0, 1000]. */
export const SCALES_RANGES: readonly number[] = [1, 1, 1000, 1000];

/**
 * A set whose features sit on very different scales: x₀, x₁ ∈ [0, 1] and x₂, x₃ ∈ [0, 1000]. The class
 * (one of 4) depends on both kinds equally: on the signs of u₀ − u₂ and u₁ − u₃, where u = x / range.
 * A network fed the raw features sees inputs a thousand times larger on one side, as in the
 * feature-scaling story; standardized, the task is easy.
 */
export function scalesSet(seed: number, trainCount = 4000, testCount = 1000): Split {
  const rng = new Rng(seed);
  const nIn = SCALES_RANGES.length;
  const make = (name: string, count: number): Dataset => {
    const x = new Float32Array(count * nIn);
    const y = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const u = SCALES_RANGES.map(() => rng.uniform());
      u.forEach((v, k) => (x[i * nIn + k] = v * SCALES_RANGES[k]));
      y[i] = (u[0] > u[2] ? 1 : 0) + (u[1] > u[3] ? 2 : 0);
    }
    return { name, x, y, count, nIn, nClasses: 4 };
  };
  return { train: make('scales-train', trainCount), test: make('scales-test', testCount) };
}
