import type { Config } from '../config/config.ts';
import type { Split } from '../data/dataset.ts';
import { BatchStream } from '../data/batchStream.ts';
import type { DType } from '../engine/floatArray.ts';
import { Rng } from '../engine/rng.ts';
import { computePopulationStatsWork, evaluateWork } from '../engine/train.ts';
import type { Workspace } from '../engine/workspace.ts';
import { binsFor, zBinsFor } from './histogram.ts';
import { createProbeScratch, probeVariant, type ProbeContext, type ProbeScratch } from './probes.ts';
import { createSnapshot, LAYER_STATS, LS, VARIANT_STATS, VS, type Snapshot } from './snapshot.ts';
import { SHIFT_WINDOW } from './inputShift.ts';
import { deriveSeed } from './seeds.ts';
import { Variant } from './variant.ts';
import { drain, labelled, type Work } from './work.ts';

export { deriveSeed };

/** Test accuracy whose first crossing is reported as "steps to reach". */
export const TARGET_ACCURACY = 0.9;
/** Rows in the fixed probe batch the snapshots measure (drift must not be sampling noise). */
export const PROBE_ROWS = 24;
/** The most test rows an evaluation with running or population statistics passes at once. */
export const EVAL_CHUNK_ROWS = 1000;
/** Training batches averaged for population statistics (BN paper, Alg. 2). */
export const POPULATION_BATCHES = 50;

/** Latest evaluation of one variant. */
export interface VariantEval {
  testLoss: number;
  testAcc: number;
  evalStep: number;
  /** First evaluated step with test accuracy ≥ TARGET_ACCURACY, −1 until then. */
  reachedTargetAt: number;
}

/**
 * A paired experiment: 2–4 variants built from one seed (identical dense weights), differing only in BN
 * placement, all stepping on the same batch from one shared stream. Evaluates the test set every
 * config.evalEvery steps and measures snapshots on a fixed probe batch.
 */
export class Experiment {
  readonly variants: readonly Variant[];
  readonly evals: VariantEval[];
  readonly stream: BatchStream;
  /** [PROBE_ROWS, nIn] fixed rows of the training set. */
  readonly probeX: Float32Array;
  /**
   * Workspaces for the probe batch, evaluation chunks and population passes, per variant, made on first use:
   * a variant that does not train here (one worker per variant) never needs them, and at the largest sizes
   * they take a while to allocate, which then happens inside a slice of work rather than in the constructor.
   */
  private readonly probeWs: (Workspace | undefined)[] = [];
  private readonly evalWs: (Workspace | undefined)[] = [];
  private readonly popWs: (Workspace | undefined)[] = [];
  private readonly probeRows: number;
  private readonly evalRows: number;
  private readonly scratch: ProbeScratch;
  private readonly probeContext: ProbeContext;
  step = 0;
  lr: number;
  trackLayer: number;
  trackUnit: number;

  /**
   * Builds the variants and the batch stream; evaluates step 0. With `trainOnly`, only that variant trains,
   * evaluates and is probed: the others stay at their initial weights while the batch stream advances as
   * usual, so a set of experiments, one per variant, still sees the same batches (one worker per variant).
   * `options.dtype` is what the models compute in (default float32; float64 for traces that replay to 1e-10).
   * With `options.measureLater`, step 0's evaluation and probes are left to `startWork()`, which the caller
   * runs through (in slices) before the first step.
   */
  constructor(
    readonly config: Config,
    readonly data: Split,
    readonly trainOnly: number | null = null,
    options: { dtype?: DType; measureLater?: boolean } = {},
  ) {
    const { train } = data;
    this.lr = config.lr;
    this.trackLayer = config.trackLayer - 1;
    this.trackUnit = config.trackUnit;
    this.variants = config.variants.map((p) => new Variant(p, config, train.nIn, train.nClasses, options.dtype));
    this.stream = new BatchStream(train, config.batchSize, deriveSeed(config.seed, 1));
    const probeRows = Math.min(PROBE_ROWS, train.count);
    this.probeX = pickRows(train.x, train.nIn, train.count, probeRows, new Rng(deriveSeed(config.seed, 2)));
    this.probeRows = probeRows;
    // With running or population statistics the chunk size is only a chunk size: at most EVAL_CHUNK_ROWS
    // rows a pass, so a large evaluation is work in slices. In batch mode it is the batch the BN normalizes over.
    this.evalRows = Math.min(config.evalBatchSize, Math.max(1, data.test.count), config.evalMode === 'batch' ? Infinity : EVAL_CHUNK_ROWS);
    this.scratch = createProbeScratch(probeRows, config.width);
    this.probeContext = { trackLayer: this.trackLayer, trackUnit: this.trackUnit, lr: this.lr };
    this.evals = this.variants.map(() => ({ testLoss: NaN, testAcc: NaN, evalStep: -1, reachedTargetAt: -1 }));
    if (options.measureLater !== true) drain(this.startWork());
  }

  /** Step 0's evaluation and probes, as resumable work (done by the constructor unless `measureLater`). */
  *startWork(): Work {
    yield* this.evaluateWork();
    this.measureInputShift();
    if (this.config.inferEvery > 0) yield* this.probeInferenceWork();
  }

  /** Takes each training variant's look at its layer inputs on the probe batch, for the input-shift meter. */
  private measureInputShift(): void {
    this.variants.forEach((v, i) => {
      if (v.diverged || !this.trains(i)) return;
      const ws = this.probeWsOf(i);
      v.model.forward(ws, this.probeX, 'probe', ws.batchSize, true);
      v.inputShift.observe(ws);
    });
  }

  /** Variant i's probe-batch workspace (probeX never changes, so its compressed form is built once). */
  private probeWsOf(i: number): Workspace {
    let ws = this.probeWs[i];
    if (ws === undefined) {
      ws = this.variants[i].model.createWorkspace(this.probeRows, false);
      if (ws.sparse !== null) ws.sparse.fixedInput = true;
      this.probeWs[i] = ws;
    }
    return ws;
  }

  /** Whether every variant this experiment trains has diverged (nothing left to train). */
  get allDiverged(): boolean {
    return this.variants.every((v, i) => v.diverged || !this.trains(i));
  }

  /** Whether variant i trains here. */
  trains(i: number): boolean {
    return this.trainOnly === null || this.trainOnly === i;
  }

  /** One paired step: the next batch, then a training step of every variant still training on it. */
  runStep(): void {
    drain(this.stepWork());
  }

  /**
   * One paired step as resumable work: it yields between slices (a variant's training, each pass of a
   * probe, a variant's evaluation), so a host can answer messages and pause in the middle of a long step.
   * `step` moves on when the work ends, and the learning rate is the one at its start. Run through at once
   * (runStep), it computes exactly what it computes in slices.
   */
  *stepWork(): Work {
    this.stream.next();
    const step = this.step;
    const lr = this.lr;
    const probe = this.config.probeEvery > 0 && step % this.config.probeEvery === 0;
    for (let i = 0; i < this.variants.length; i++) {
      const v = this.variants[i];
      if (v.diverged || !this.trains(i)) continue;
      if (probe) yield* v.probeLandscapeWork(this.stream.x, this.stream.y, lr, step, i);
      const t0 = performance.now();
      v.train(this.stream.x, this.stream.y, lr, step);
      v.trainSeconds += (performance.now() - t0) / 1000;
      yield { phase: 'train', variant: i };
    }
    const next = step + 1;
    if (next % this.config.evalEvery === 0) yield* this.evaluateWork(next);
    if (next % SHIFT_WINDOW === 0) this.measureInputShift();
    if (this.config.inferEvery > 0 && next % this.config.inferEvery === 0) yield* this.probeInferenceWork(next);
    this.step = next;
  }

  /** Runs the inference probe on every variant still training here (see Variant.probeInference). */
  probeInference(): void {
    drain(this.probeInferenceWork());
  }

  private *probeInferenceWork(step = this.step): Work {
    const { train, test } = this.data;
    if (test.count === 0) return;
    for (let i = 0; i < this.variants.length; i++) {
      const v = this.variants[i];
      if (v.diverged || !this.trains(i)) continue;
      yield* v.probeInferenceWork(test, train, deriveSeed(this.config.seed, 4), this.config.batchSize, step, i);
    }
  }

  /** Runs n paired steps. */
  run(n: number): void {
    for (let i = 0; i < n; i++) this.runStep();
  }

  /** Evaluates every training variant on the test set in config.evalMode. Running statistics are untouched. */
  evaluate(): void {
    drain(this.evaluateWork());
  }

  /** evaluate as resumable work, a slice per variant, recording `step` as the evaluation's step. */
  private *evaluateWork(step = this.step): Work {
    const { test, train } = this.data;
    if (test.count === 0) return;
    const mode = this.config.evalMode;
    for (let i = 0; i < this.variants.length; i++) {
      const v = this.variants[i];
      if (v.diverged || !this.trains(i)) continue;
      const hasBn = v.placement !== 'none';
      const slice = { phase: 'evaluate', variant: i } as const;
      if (hasBn && mode === 'population') {
        const rows = Math.min(train.count, POPULATION_BATCHES * this.config.batchSize);
        yield* labelled(computePopulationStatsWork(v.model, (this.popWs[i] ??= v.model.createWorkspace(this.config.batchSize, false)), train.x, rows), slice);
        yield slice;
      }
      const r = yield* labelled(
        evaluateWork(v.model, (this.evalWs[i] ??= v.model.createWorkspace(this.evalRows, false)), test.x, test.y, test.count, hasBn ? mode : 'batch'),
        slice,
      );
      const e = this.evals[i];
      e.testLoss = r.loss;
      e.testAcc = r.accuracy;
      e.evalStep = step;
      if (e.reachedTargetAt < 0 && r.accuracy >= TARGET_ACCURACY) e.reachedTargetAt = step;
      yield slice;
    }
  }

  /** A snapshot of the right shape for this experiment, to be filled by `snapshot`. */
  createSnapshot(): Snapshot {
    const { activation } = this.config;
    return createSnapshot(this.variants.length, this.config.depth, binsFor(activation), zBinsFor(activation), this.probeRows);
  }

  /**
   * Fills `out` with the current state: probes of every training variant on the fixed probe batch, BN and
   * gradient summaries of the last step, losses and the latest evaluation. A diverged variant keeps its
   * last measured layers. Takes the mean training loss since the previous snapshot. Allocates nothing.
   */
  snapshot(out: Snapshot): Snapshot {
    out.step = this.step;
    const nStats = LAYER_STATS.length;
    const ctx = this.probeContext;
    ctx.trackLayer = this.trackLayer;
    ctx.trackUnit = this.trackUnit;
    ctx.lr = this.lr;
    for (let i = 0; i < this.variants.length; i++) {
      const v = this.variants[i];
      const vo = i * VARIANT_STATS.length;
      const e = this.evals[i];
      out.variant[vo + VS.trainLoss] = v.lossCount > 0 ? v.lossSum / v.lossCount : v.lastLoss;
      out.variant[vo + VS.testLoss] = e.testLoss;
      out.variant[vo + VS.testAcc] = e.testAcc;
      out.variant[vo + VS.evalStep] = e.evalStep;
      out.variant[vo + VS.targetStep] = e.reachedTargetAt;
      out.variant[vo + VS.divergedAt] = v.divergedAt;
      const land = v.landscape;
      out.variant[vo + VS.probeStep] = land.step;
      out.variant[vo + VS.lossLo] = land.smooth?.lossLo ?? NaN;
      out.variant[vo + VS.lossHi] = land.smooth?.lossHi ?? NaN;
      out.variant[vo + VS.gradChangeLo] = land.smooth?.gradChangeLo ?? NaN;
      out.variant[vo + VS.gradChangeHi] = land.smooth?.gradChangeHi ?? NaN;
      out.variant[vo + VS.betaSmooth] = land.smooth?.beta ?? NaN;
      out.variant[vo + VS.probeMs] = land.ms;
      const inf = v.inference;
      out.variant[vo + VS.inferStep] = inf.step < 0 ? NaN : inf.step;
      out.variant[vo + VS.inferMs] = inf.ms;
      out.variant[vo + VS.inferClassesAtOne] = inf.classesAtOne;
      for (let k = 0; k < inf.acc.length; k++) out.variant[vo + VS.accBatch1 + k] = inf.acc[k];
      for (let l = 0; l < out.nLayers; l++) {
        const o = (i * out.nLayers + l) * nStats;
        out.layer[o + LS.icsDiff] = land.shifts[l]?.diffNorm ?? NaN;
        out.layer[o + LS.icsCos] = land.shifts[l]?.cosine ?? NaN;
        const shift = v.inputShift.layers[l];
        out.layer[o + LS.shiftLocation] = shift.location;
        out.layer[o + LS.shiftSpread] = shift.spread;
        out.layer[o + LS.shiftLocationAvg] = shift.locationAvg;
        out.layer[o + LS.shiftSpreadAvg] = shift.spreadAvg;
      }
      v.lossSum = 0;
      v.lossCount = 0;
      if (v.diverged || !this.trains(i)) continue;
      const ws = this.probeWsOf(i);
      v.model.forward(ws, this.probeX, 'probe', ws.batchSize, true);
      probeVariant(v, ws, ctx, this.scratch, out, i);
    }
    return out;
  }
}

function pickRows(x: Float32Array, nIn: number, count: number, rows: number, rng: Rng): Float32Array {
  const order = Int32Array.from({ length: count }, (_, i) => i);
  rng.shuffle(order);
  const out = new Float32Array(rows * nIn);
  for (let r = 0; r < rows; r++) out.set(x.subarray(order[r] * nIn, (order[r] + 1) * nIn), r * nIn);
  return out;
}
