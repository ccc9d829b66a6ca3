import type { DType } from '../engine/floatArray.ts';
import type { Model } from '../engine/model.ts';
import { runningStatistics } from '../engine/normLayer.ts';
import { normOf, type NormKind } from '../engine/spec.ts';
import type { Experiment } from './experiment.ts';

/** One dense layer in a trace: W flat row-major [nIn·nOut] (y = x·W + b), and γ, β of its normalization if any. */
export interface TraceLayer {
  W: number[];
  b: number[];
  gamma: number[] | null;
  beta: number[] | null;
}

/** A run any independent implementation can replay: format "shift-lab-trace/1" (README: Run traces). */
export interface RunTrace {
  format: 'shift-lab-trace/1';
  /** What the engine computed in: float64 traces replay to about 1e-10, float32 ones to about 1e-4. */
  dtype: DType;
  sizes: number[];
  activation: string;
  loss: 'softmax-ce';
  lr: number;
  momentum: number;
  bnEps: number;
  bnMomentum: number;
  batches: { x: number[]; y: number[] }[];
  variants: {
    name: string;
    placement: string;
    /** The normalization in every hidden layer: bn, ln, l1, l2, linf, or null for none. */
    norm: NormKind | null;
    initial: TraceLayer[];
    losses: number[];
    divergedAt: number | null;
    final: TraceLayer[];
    finalRunning: ({ mean: number[]; var: number[] } | null)[];
  }[];
}

/** Every dense layer's parameters, the output layer last. */
export function traceLayers(model: Model): TraceLayer[] {
  const hidden = model.hidden.map(({ dense, norm }) => {
    return {
      W: Array.from(dense.W),
      b: Array.from(dense.b),
      gamma: norm === null ? null : Array.from(norm.params.gamma),
      beta: norm === null ? null : Array.from(norm.params.beta),
    };
  });
  return [...hidden, { W: Array.from(model.output.W), b: Array.from(model.output.b), gamma: null, beta: null }];
}

/** Records a trace as an experiment runs: create before the first step, call `recordStep` after each. */
export class TraceRecorder {
  private readonly trace: RunTrace;

  constructor(private readonly exp: Experiment) {
    if (exp.step !== 0) throw new Error('a trace must start at step 0');
    const { config } = exp;
    const first = exp.variants[0].model;
    this.trace = {
      format: 'shift-lab-trace/1',
      dtype: first.spec.dtype,
      sizes: [...first.spec.sizes],
      activation: config.activation,
      loss: 'softmax-ce',
      lr: config.lr,
      momentum: config.momentum,
      bnEps: config.bnEps,
      bnMomentum: config.bnMomentum,
      batches: [],
      variants: exp.variants.map((v) => ({
        name: v.name,
        placement: v.placement,
        norm: normOf(v.placement),
        initial: traceLayers(v.model),
        losses: [],
        divergedAt: null,
        final: [],
        finalRunning: [],
      })),
    };
  }

  /** Adds the batch the last step trained on and each variant's loss on it. */
  recordStep(): void {
    const { stream, variants } = this.exp;
    this.trace.batches.push({ x: Array.from(stream.x), y: Array.from(stream.y) });
    variants.forEach((v, i) => {
      const t = this.trace.variants[i];
      if (t.divergedAt !== null) return;
      t.losses.push(v.lastLoss);
      if (v.diverged) t.divergedAt = v.divergedAt;
    });
  }

  /** The finished trace, with final parameters and running statistics. */
  finish(): RunTrace {
    this.exp.variants.forEach((v, i) => {
      const t = this.trace.variants[i];
      t.final = traceLayers(v.model);
      // `var` holds what each batch norm divides by: BN's variance, ℓp BN's ℓp scale (the trace format's name).
      t.finalRunning = v.model.hidden.map(({ norm }) => {
        const running = runningStatistics(norm);
        return running === null ? null : { mean: Array.from(running.mean), var: Array.from(running.spread) };
      });
    });
    return this.trace;
  }
}

/** The most batch numbers a trace made in the browser holds (about 16 MB of JSON). */
export const TRACE_MAX_NUMBERS = 2_000_000;
/** The most steps a trace made in the browser holds, however small its batches. */
export const TRACE_MAX_STEPS = 500;

/** How many steps of this experiment a browser trace may hold: its batches stay under TRACE_MAX_NUMBERS. */
export function traceStepLimit(exp: Experiment): number {
  const perStep = exp.config.batchSize * exp.variants[0].model.spec.sizes[0];
  return Math.max(1, Math.min(TRACE_MAX_STEPS, Math.floor(TRACE_MAX_NUMBERS / perStep)));
}
