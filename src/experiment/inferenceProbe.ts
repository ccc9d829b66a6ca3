import type { Dataset } from '../data/dataset.ts';
import { Model, type InferenceMode } from '../engine/model.ts';
import { Rng } from '../engine/rng.ts';
import { computePopulationStatsWork } from '../engine/train.ts';
import type { Workspace } from '../engine/workspace.ts';
import { RunningShadows, SHADOW_MOMENTA } from './runningShadows.ts';
import { drain, type Work } from './work.ts';

/** Test batch sizes whose batch statistics the probe compares (60 is the BN paper's training batch). */
export const INFER_BATCH_SIZES = [1, 2, 8, 60] as const;
/** ε conventions compared: PyTorch's 1e-5 and Keras's 1e-3. */
export const INFER_EPS = [1e-5, 1e-3] as const;
/** Test rows the probe evaluates: a fixed, shuffled subset (divisible by every batch size above). */
export const INFER_ROWS = 480;
/** Training batches of the probe's population pass (fewer than the lab's 50, to keep the probe cheap). */
export const INFER_POPULATION_BATCHES = 20;

/** One way of normalizing at test time. */
export interface InferCase {
  readonly id: string;
  readonly mode: InferenceMode;
  /** Test batch size (batch statistics), or the evaluation chunk for fixed statistics. */
  readonly batchSize: number;
  /** Index into SHADOW_MOMENTA for running averages. */
  readonly momentum?: number;
}

/** The cases in table order: batch statistics at each size, running averages per momentum, population statistics. */
export const INFER_CASES: readonly InferCase[] = [
  ...INFER_BATCH_SIZES.map((b) => ({ id: `batch${b}`, mode: 'batch' as const, batchSize: b })),
  ...SHADOW_MOMENTA.map((_, k) => ({ id: `running${k}`, mode: 'running' as const, batchSize: 60, momentum: k })),
  { id: 'population', mode: 'population', batchSize: 60 },
];

/** One measurement: accuracy per case × ε, case-major (acc[c·INFER_EPS.length + e]). */
export interface InferenceResult {
  step: number;
  ms: number;
  readonly acc: Float64Array;
  /** Distinct classes predicted with batch statistics at test batch size 1 (1: every output collapsed to β). */
  classesAtOne: number;
}

/** An empty result (step −1, NaN accuracies). */
export function emptyInference(): InferenceResult {
  return { step: -1, ms: NaN, acc: new Float64Array(INFER_CASES.length * INFER_EPS.length).fill(NaN), classesAtOne: NaN };
}

/**
 * Test accuracy of a trained model under every inference case, side by side, on private copies (one per ε):
 * neither the model's parameters nor its running statistics change. Running averages come from
 * RunningShadows, so both momentum conventions are measured on the same run.
 */
export class InferenceProbe {
  private readonly copies: Model[];
  private readonly ws: Map<number, Workspace>[];
  private readonly popWs: Workspace[];
  /** [INFER_ROWS, nIn] and labels: the fixed test subset. */
  readonly x: Float32Array;
  readonly y: Uint8Array;
  readonly rows: number;
  /** Whether the model normalizes with batch statistics (any batch norm), not per example (layer norm). */
  private readonly batchStats: boolean;

  constructor(model: Model, test: Dataset, seed: number, trainBatchSize: number) {
    this.batchStats = model.hidden.some((h) => h.norm !== null && h.norm.kind !== 'ln');
    const normalized = model.hidden.some((h) => h.norm !== null);
    const eps = normalized ? INFER_EPS : INFER_EPS.slice(0, 1);
    this.copies = eps.map((e) => new Model({ ...model.spec, bnEps: e }, new Rng(0)));
    this.ws = this.copies.map((m) => new Map(INFER_BATCH_SIZES.map((b) => [b, m.createWorkspace(b, false)])));
    this.popWs = this.copies.map((m) => m.createWorkspace(trainBatchSize, false));
    this.rows = Math.min(INFER_ROWS, test.count);
    const order = Int32Array.from({ length: test.count }, (_, i) => i);
    new Rng(seed).shuffle(order);
    this.x = new Float32Array(this.rows * test.nIn);
    this.y = new Uint8Array(this.rows);
    for (let r = 0; r < this.rows; r++) {
      this.x.set(test.x.subarray(order[r] * test.nIn, (order[r] + 1) * test.nIn), r * test.nIn);
      this.y[r] = test.y[order[r]];
    }
  }

  /**
   * Fills `out` with the model's accuracy under every case and ε. A model without normalization gives one
   * number for all of them. Layer norm is measured in every case like BN: it normalizes each example alone,
   * so its numbers agree across cases by construction, which is what the table shows. Population statistics
   * come from INFER_POPULATION_BATCHES training-size batches of train.
   */
  measure(model: Model, shadows: RunningShadows | null, train: Dataset, out: InferenceResult): void {
    drain(this.measureWork(model, shadows, train, out, -1));
  }

  /**
   * measure as resumable work: a slice per case. `out.ms` counts the time spent measuring, not the time
   * the work waited between slices.
   */
  *measureWork(model: Model, shadows: RunningShadows | null, train: Dataset, out: InferenceResult, variant: number): Work {
    let spent = 0;
    let t0 = performance.now();
    const slice = { phase: 'inference', variant } as const;
    const nEps = INFER_EPS.length;
    if (shadows === null) {
      this.copies[0].copyFrom(model);
      const { accuracy } = this.evaluate(0, 'batch', 60);
      out.acc.fill(accuracy);
      out.classesAtOne = NaN;
    } else {
      for (let e = 0; e < this.copies.length; e++) {
        const copy = this.copies[e];
        copy.copyFrom(model);
        const popWs = this.popWs[e];
        const population = computePopulationStatsWork(copy, popWs, train.x, Math.min(train.count, INFER_POPULATION_BATCHES * popWs.batchSize));
        for (let r = population.next(); !r.done; r = population.next()) {
          spent += performance.now() - t0;
          yield slice;
          t0 = performance.now();
        }
        for (let ci = 0; ci < INFER_CASES.length; ci++) {
          const c = INFER_CASES[ci];
          if (c.momentum !== undefined) shadows.applyTo(copy, c.momentum);
          if (e > 0 && c.mode === 'batch' && c.batchSize === 1 && this.batchStats) {
            // One row is its own batch mean: x − μ = 0 exactly, so x̂ = 0 and the output is β whatever ε is.
            out.acc[ci * nEps + e] = out.acc[ci * nEps];
            continue;
          }
          spent += performance.now() - t0;
          yield slice;
          t0 = performance.now();
          const r = this.evaluate(e, c.mode, c.batchSize);
          out.acc[ci * nEps + e] = r.accuracy;
          if (e === 0 && c.mode === 'batch' && c.batchSize === 1) out.classesAtOne = r.classes;
        }
      }
    }
    out.ms = spent + performance.now() - t0;
  }

  /** Accuracy of copy e on the test subset in chunks of batchSize rows, and how many distinct classes it predicts. */
  private evaluate(e: number, mode: InferenceMode, batchSize: number): { accuracy: number; classes: number } {
    const model = this.copies[e];
    const ws = this.ws[e].get(batchSize) ?? model.createWorkspace(batchSize, false);
    const nIn = model.nIn;
    const nOut = model.nOut;
    let correct = 0;
    const predicted = new Uint8Array(nOut);
    for (let start = 0; start < this.rows; start += batchSize) {
      const rows = Math.min(batchSize, this.rows - start);
      const logits = model.forward(ws, this.x.subarray(start * nIn, (start + rows) * nIn), mode, rows);
      for (let i = 0; i < rows; i++) {
        let best = 0;
        for (let j = 1; j < nOut; j++) if (logits[i * nOut + j] > logits[i * nOut + best]) best = j;
        if (best === this.y[start + i]) correct++;
        predicted[best] = 1;
      }
    }
    return { accuracy: correct / this.rows, classes: predicted.reduce((a, b) => a + b, 0) };
  }
}
