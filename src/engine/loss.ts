import { exp, log } from './detMath.ts';
import type { FloatArray } from './floatArray.ts';

/** The output losses: softmax cross-entropy for classes, mean squared error for regression. */
export type LossName = 'softmax-ce' | 'mse';

/**
 * Fused, numerically stable softmax cross-entropy, averaged over the batch.
 * logits: [batchSize, nClasses], labels: [batchSize] integers in [0, nClasses).
 * Writes gradLogits = (softmax − onehot)/batchSize unless it is null. Returns the mean loss.
 */
export function softmaxCrossEntropy(logits: FloatArray, labels: ArrayLike<number>, gradLogits: FloatArray | null, batchSize: number, nClasses: number): number {
  let total = 0;
  const invBatch = 1 / batchSize;
  for (let i = 0; i < batchSize; i++) {
    const row = i * nClasses;
    const label = labels[i];
    if (!(label >= 0 && label < nClasses && Number.isInteger(label))) {
      throw new RangeError(`label ${label} at row ${i} is not a class in [0, ${nClasses})`);
    }
    let max = -Infinity;
    for (let j = 0; j < nClasses; j++) if (logits[row + j] > max) max = logits[row + j];
    let sum = 0;
    for (let j = 0; j < nClasses; j++) sum += exp(logits[row + j] - max);
    const logSum = max + log(sum);
    total += logSum - logits[row + label];
    if (gradLogits !== null) {
      for (let j = 0; j < nClasses; j++) {
        gradLogits[row + j] = (exp(logits[row + j] - logSum) - (j === label ? 1 : 0)) * invBatch;
      }
    }
  }
  return total * invBatch;
}

/**
 * Mean squared error over every element (PyTorch's MSELoss default): mean((out − target)²).
 * out, targets: [batchSize, nOut]. Writes gradOut = 2·(out − target)/(batchSize·nOut) unless null.
 */
export function meanSquaredError(out: FloatArray, targets: ArrayLike<number>, gradOut: FloatArray | null, batchSize: number, nOut: number): number {
  const n = batchSize * nOut;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const diff = out[i] - targets[i];
    total += diff * diff;
    if (gradOut !== null) gradOut[i] = (2 * diff) / n;
  }
  return total / n;
}

/** How many rows of logits: [batchSize, nClasses] have their largest value at the label. Ties go to the first. */
export function countCorrect(logits: FloatArray, labels: ArrayLike<number>, batchSize: number, nClasses: number): number {
  let correct = 0;
  for (let i = 0; i < batchSize; i++) {
    const row = i * nClasses;
    let best = 0;
    for (let j = 1; j < nClasses; j++) if (logits[row + j] > logits[row + best]) best = j;
    if (best === labels[i]) correct++;
  }
  return correct;
}
