import type { FloatArray } from './floatArray.ts';
import { countCorrect } from './loss.ts';
import type { InferenceMode, Model } from './model.ts';
import type { Sgd } from './sgd.ts';
import type { Workspace } from './workspace.ts';

/**
 * One training step on x: [ws.batchSize, nIn] with its targets: forward with batch statistics (updating the
 * running averages), loss, backward, SGD update. Returns the loss computed before the update. Allocates nothing.
 */
export function trainStep(model: Model, ws: Workspace, opt: Sgd, x: FloatArray, target: ArrayLike<number>, lr: number): number {
  model.forward(ws, x, 'train');
  const loss = model.loss(ws, target);
  model.backward(ws, x);
  opt.step(lr);
  return loss;
}

/** Mean loss and accuracy over a labelled set. */
export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
}

/**
 * Evaluates x: [count, nIn] against labels in chunks of ws.batchSize rows with the given inference mode.
 * In `batch` mode each chunk is normalized with its own statistics, so the chunk size matters.
 * Changes no parameter and no running statistic.
 */
export function evaluate(model: Model, ws: Workspace, x: FloatArray, labels: ArrayLike<number>, count: number, mode: InferenceMode): Evaluation {
  return runThrough(evaluateWork(model, ws, x, labels, count, mode));
}

/** evaluate as resumable work: it yields after each chunk of ws.batchSize rows. */
export function* evaluateWork(
  model: Model,
  ws: Workspace,
  x: FloatArray,
  labels: ArrayLike<number>,
  count: number,
  mode: InferenceMode,
): Generator<void, Evaluation, void> {
  if (model.spec.loss !== 'softmax-ce') throw new Error('evaluate measures classification: the model must use softmax-ce');
  const nIn = model.nIn;
  let lossSum = 0;
  let correct = 0;
  for (let start = 0; start < count; start += ws.batchSize) {
    if (start > 0) yield;
    const rows = Math.min(ws.batchSize, count - start);
    const chunk = x.subarray(start * nIn, (start + rows) * nIn);
    const chunkLabels = sliceLabels(labels, start, rows);
    model.forward(ws, chunk, mode, rows);
    lossSum += model.loss(ws, chunkLabels, false) * rows;
    correct += countCorrect(ws.logits, chunkLabels, rows, model.nOut);
  }
  return { loss: lossSum / count, accuracy: correct / count };
}

/**
 * The population pass of the BN paper's Alg. 2 over x: [count, nIn] in consecutive batches of ws.batchSize
 * rows (a trailing partial batch is left out so every batch has the same m, unless it is the only one).
 */
export function computePopulationStats(model: Model, ws: Workspace, x: FloatArray, count: number): void {
  runThrough(computePopulationStatsWork(model, ws, x, count));
}

/** computePopulationStats as resumable work: it yields after each batch. */
export function* computePopulationStatsWork(model: Model, ws: Workspace, x: FloatArray, count: number): Generator<void, void, void> {
  const nIn = model.nIn;
  const full = Math.floor(count / ws.batchSize);
  model.beginPopulation();
  if (full === 0) {
    model.forward(ws, x.subarray(0, count * nIn), 'collect', count);
  } else {
    for (let b = 0; b < full; b++) {
      if (b > 0) yield;
      const start = b * ws.batchSize;
      model.forward(ws, x.subarray(start * nIn, (start + ws.batchSize) * nIn), 'collect', ws.batchSize);
    }
  }
  model.endPopulation();
}

/** Runs a generator to its end (work that can yield, called by a caller that does not need to stop). */
function runThrough<T>(work: Generator<void, T, void>): T {
  let r = work.next();
  while (!r.done) r = work.next();
  return r.value;
}

function sliceLabels(labels: ArrayLike<number>, start: number, rows: number): ArrayLike<number> {
  if (start === 0) return labels;
  if (ArrayBuffer.isView(labels)) return (labels as unknown as Uint8Array).subarray(start, start + rows);
  return Array.prototype.slice.call(labels, start, start + rows) as number[];
}
