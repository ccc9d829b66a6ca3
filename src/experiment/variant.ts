import type { DType, FloatArray } from '../engine/floatArray.ts';
import { Model } from '../engine/model.ts';
import { Rng } from '../engine/rng.ts';
import { Sgd } from '../engine/sgd.ts';
import { modelSpec, type Placement } from '../engine/spec.ts';
import type { Workspace } from '../engine/workspace.ts';
import type { Config } from '../config/config.ts';
import type { Dataset } from '../data/dataset.ts';
import { emptyInference, InferenceProbe } from './inferenceProbe.ts';
import { InputShiftMeter } from './inputShift.ts';
import { drain, type Work } from './work.ts';
import { LandscapeProbe, type LayerShift, type Smoothness } from './landscape.ts';
import { RunningShadows } from './runningShadows.ts';
import { deriveSeed } from './seeds.ts';

/** The name a placement goes by in tables, legends and traces: plain, bn-before, noisy-bn, ln-after, linf-before… */
export function variantName(placement: Placement): string {
  if (placement === 'none') return 'plain';
  if (placement === 'noisy') return 'noisy-bn';
  return placement === 'before' || placement === 'after' ? `bn-${placement}` : placement;
}

/** The model spec a config gives one variant, computing in `dtype` (float32 unless a check asks for float64). */
export function variantSpec(config: Config, placement: Placement, nIn: number, nClasses: number, dtype: DType = 'float32') {
  return modelSpec({
    sizes: [nIn, ...Array.from({ length: config.depth }, () => config.width), nClasses],
    activation: config.activation,
    placement,
    init: config.init === 'gaussian' ? { kind: 'gaussian', sigma: config.initSigma } : { kind: config.init },
    loss: 'softmax-ce',
    bnEps: config.bnEps,
    bnMomentum: config.bnMomentum,
    dtype,
  });
}

/** One arm of a paired experiment: a model, its training workspace and optimizer, and its fate. */
export class Variant {
  readonly name: string;
  readonly model: Model;
  private trainWs: Workspace | null = null;
  private readonly batchSize: number;
  readonly opt: Sgd;
  /** Step at which the loss or a parameter became non-finite; −1 while training. */
  divergedAt = -1;
  /** Index in model.params() of each hidden layer's W and b. */
  readonly weightIndex: readonly number[];
  readonly biasIndex: readonly number[];
  /** Sum and count of training losses since the last snapshot took them. */
  lossSum = 0;
  lossCount = 0;
  lastLoss = NaN;
  /** Wall time spent in this variant's training steps. */
  trainSeconds = 0;
  /** The landscape probe, built on first use. */
  private landscapeProbe: LandscapeProbe | null = null;
  /** The latest landscape probe's results (step −1 before the first). */
  readonly landscape = { step: -1, shifts: [] as LayerShift[], smooth: null as Smoothness | null, ms: NaN };
  /** Running averages under both momentum conventions, kept from step 0 (null without normalization; no layers for layer norm). */
  readonly shadows: RunningShadows | null;
  /** How far the layer inputs move, every SHIFT_WINDOW steps. */
  readonly inputShift: InputShiftMeter;
  /** The inference probe, built on first use. */
  private inferenceProbe: InferenceProbe | null = null;
  /** The latest inference probe's results (step −1 before the first). */
  readonly inference = emptyInference();

  /** Builds the variant's model from the config's seed: every variant of a config gets the same dense weights. */
  constructor(
    readonly placement: Placement,
    config: Config,
    nIn: number,
    nClasses: number,
    dtype: DType = 'float32',
  ) {
    this.name = variantName(placement);
    // Noisy BN's noise has its own generator, so the weights and batches stay those of the other variants.
    this.model = new Model(variantSpec(config, placement, nIn, nClasses, dtype), new Rng(config.seed), new Rng(deriveSeed(config.seed, 3)));
    this.batchSize = config.batchSize;
    this.opt = new Sgd(this.model.params(), config.momentum);
    const names = this.model.params().map((p) => p.name);
    this.weightIndex = this.model.hidden.map((_, l) => names.indexOf(`hidden${l + 1}.W`));
    this.biasIndex = this.model.hidden.map((_, l) => names.indexOf(`hidden${l + 1}.b`));
    this.shadows = placement === 'none' ? null : new RunningShadows(this.model);
    this.inputShift = new InputShiftMeter(this.model.hidden.map((h) => h.dense.nOut));
  }

  /**
   * Measures test accuracy under every inference case (batch statistics at several test batch sizes,
   * running averages under both momentum conventions, population statistics; both ε conventions) on
   * private copies. Nothing here changes the model.
   */
  probeInference(test: Dataset, train: Dataset, seed: number, trainBatchSize: number, step: number): void {
    drain(this.probeInferenceWork(test, train, seed, trainBatchSize, step, -1));
  }

  /** probeInference as resumable work (`index`: this variant's place, for progress reports). */
  *probeInferenceWork(test: Dataset, train: Dataset, seed: number, trainBatchSize: number, step: number, index: number): Work {
    this.inferenceProbe ??= new InferenceProbe(this.model, test, seed, trainBatchSize);
    yield* this.inferenceProbe.measureWork(this.model, this.shadows, train, this.inference, index);
    this.inference.step = step;
  }

  /**
   * Measures internal covariate shift and smoothness along the gradient on this step's batch, before the
   * update, on a private copy of the model (nothing here changes). Records the cost.
   */
  probeLandscape(x: FloatArray, y: Uint8Array, lr: number, step: number): void {
    drain(this.probeLandscapeWork(x, y, lr, step, -1));
  }

  /** probeLandscape as resumable work; its cost counts the time spent measuring, not waiting between slices. */
  *probeLandscapeWork(x: FloatArray, y: Uint8Array, lr: number, step: number, index: number): Work {
    let spent = 0;
    this.landscapeProbe ??= new LandscapeProbe(this.model, this.ws.batchSize);
    const rows = this.ws.batchSize;
    const timed = this.timed(this.landscapeProbe.covariateShiftWork(x, y, rows, lr, index), (ms) => (spent += ms));
    this.landscape.shifts = yield* timed;
    this.landscape.smooth = yield* this.timed(this.landscapeProbe.smoothnessWork(x, y, rows, lr, index), (ms) => (spent += ms));
    this.landscape.step = step;
    this.landscape.ms = spent;
  }

  /** Passes work through, adding up the time its slices take (not the waits between them). */
  private *timed<T>(work: Work<T>, add: (ms: number) => void): Work<T> {
    for (;;) {
      const t0 = performance.now();
      const r = work.next();
      add(performance.now() - t0);
      if (r.done) return r.value;
      yield r.value;
    }
  }

  /** The training workspace, made on first use (a variant another worker trains never needs it). */
  get ws(): Workspace {
    return (this.trainWs ??= this.model.workspace(this.batchSize));
  }

  /** Whether the variant has diverged and is frozen. */
  get diverged(): boolean {
    return this.divergedAt >= 0;
  }

  /**
   * One training step on the shared batch. A non-finite loss freezes the variant before its update; a
   * non-finite parameter after the update freezes it too. Returns the loss.
   */
  train(x: FloatArray, y: Uint8Array, lr: number, step: number): number {
    const { model, ws } = this;
    model.forward(ws, x, 'train');
    const loss = model.loss(ws, y);
    this.lastLoss = loss;
    if (!Number.isFinite(loss)) {
      this.divergedAt = step;
      return loss;
    }
    this.shadows?.observe(ws);
    model.backward(ws, x);
    this.opt.step(lr);
    // The optimizer's ‖p‖² per parameter is finite exactly when every float32 value is (squares of
    // float32 values cannot overflow a float64 sum): no second pass over the weights. A finite float64
    // value past 1e154 can overflow it, so only then are the values themselves read.
    if (!this.opt.valueSq.every(Number.isFinite) && !model.params().every((p) => p.value.every(Number.isFinite))) {
      this.divergedAt = step;
      return loss;
    }
    this.lossSum += loss;
    this.lossCount++;
    return loss;
  }
}
