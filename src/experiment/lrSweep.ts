import type { Config } from '../config/config.ts';
import { configSchema } from '../config/schema.ts';
import type { Split } from '../data/dataset.ts';
import type { DType } from '../engine/floatArray.ts';
import type { Placement } from '../engine/spec.ts';
import { evaluate } from '../engine/train.ts';
import { Experiment, TARGET_ACCURACY } from './experiment.ts';

/** Multiples of the config's learning rate the sweep tries, in order. */
export const SWEEP_FACTORS: readonly number[] = [0.03, 0.1, 0.3, 1, 3, 10, 30];
/** Most paired steps one learning rate runs. */
export const SWEEP_BUDGET = 1500;
/** Steps between test evaluations within a sweep run. */
export const SWEEP_EVAL_EVERY = 50;
/** Training rows (the first ones) whose accuracy is compared with the test accuracy. */
export const GAP_ROWS = 2000;
/** The learning rates a config may hold: a swept rate is clamped into them. */
export const SWEEP_LR_RANGE: readonly [number, number] = [configSchema.lr.minValue ?? 1e-5, configSchema.lr.maxValue ?? 100];

/** One test evaluation of one variant. */
export interface AccuracyPoint {
  readonly step: number;
  readonly accuracy: number;
}

/** How a variant's run ended with respect to the target accuracy. */
export type TargetOutcome = { kind: 'reached'; step: number } | { kind: 'diverged'; step: number } | { kind: 'never' };

/**
 * The outcome of an evaluated accuracy series (in step order) for a variant that diverged at `divergedAt`
 * (−1: never). Reached is the first evaluated step with accuracy ≥ target, counted only if it is not after
 * the divergence step (an evaluation at step s measures the model before update s, so s = divergedAt still
 * counts). A variant that reached the target and diverged later is still 'reached': the question is how many
 * steps it took, and the row reports the divergence beside it. Non-finite accuracies never count.
 */
export function stepsToTarget(series: readonly AccuracyPoint[], target: number, divergedAt: number): TargetOutcome {
  for (const p of series) {
    if (divergedAt >= 0 && p.step > divergedAt) break;
    if (Number.isFinite(p.accuracy) && p.accuracy >= target) return { kind: 'reached', step: p.step };
  }
  return divergedAt >= 0 ? { kind: 'diverged', step: divergedAt } : { kind: 'never' };
}

/** The learning rate a sweep runs for a factor: config lr × factor, clamped into SWEEP_LR_RANGE. */
export function sweepLr(baseLr: number, factor: number): number {
  return Math.min(Math.max(baseLr * factor, SWEEP_LR_RANGE[0]), SWEEP_LR_RANGE[1]);
}

/** One variant's end of one learning rate's run; accuracies are NaN for a variant that diverged. */
export interface SweepVariantResult {
  name: string;
  placement: Placement;
  outcome: TargetOutcome;
  testAcc: number;
  /** Accuracy on the first GAP_ROWS training rows, same inference mode as the test accuracy. */
  trainAcc: number;
  /** Step of divergence, −1 if none. */
  divergedAt: number;
}

/** The result of one learning rate: plain data, fit for postMessage and JSON. */
export interface SweepRow {
  factor: number;
  lr: number;
  /** Paired steps the run took (all variants are measured at this step). */
  steps: number;
  /** Time spent computing this run, pauses between `advance` calls excluded. */
  ms: number;
  variants: SweepVariantResult[];
}

/** How far a sweep is: `done` of `total` steps, a run that ends early counting its whole budget. */
export interface SweepProgress {
  done: number;
  total: number;
  /** The factor running or about to run; null once the sweep is finished. */
  factor: number | null;
}

/** What a sweep may change from the defaults (tests run small budgets; a page may split factors). */
export interface LrSweepOptions {
  /** Default SWEEP_FACTORS. */
  factors?: readonly number[];
  /** Most steps per rate, default SWEEP_BUDGET. */
  budget?: number;
  /** Default TARGET_ACCURACY. */
  target?: number;
  /** Default GAP_ROWS. */
  gapRows?: number;
  /** The clock of SweepRow.ms, default performance.now. */
  now?: () => number;
  /** What the models compute in, default float32. */
  dtype?: DType;
}

/** The state of the learning rate being run. */
interface LrRun {
  readonly exp: Experiment;
  readonly lr: number;
  readonly series: AccuracyPoint[][];
  /** Per variant, whether an evaluation has reached the target. */
  readonly reached: boolean[];
  ms: number;
}

/**
 * A learning-rate sweep: for each factor in order, a paired Experiment from the config with lr × factor
 * (same seed, so the same initial weights and batches at every rate), run until every variant has reached
 * the target or diverged, or for the budget; then each variant's test and train accuracy at that step.
 * Time-sliceable: `advance` trains a few steps and returns.
 */
export class LrSweep {
  readonly factors: readonly number[];
  readonly budget: number;
  readonly target: number;
  readonly gapRows: number;
  /** Finished rows, in factor order. */
  readonly rows: SweepRow[] = [];
  private readonly now: () => number;
  private readonly dtype: DType;
  private run: LrRun | null = null;
  private lastSeries: readonly (readonly AccuracyPoint[])[] = [];

  /** Takes a validated config and its split; throws on factors that are not finite and positive. */
  constructor(
    readonly config: Config,
    readonly data: Split,
    options: LrSweepOptions = {},
  ) {
    this.factors = [...(options.factors ?? SWEEP_FACTORS)];
    if (this.factors.length === 0 || !this.factors.every((f) => Number.isFinite(f) && f > 0)) {
      throw new Error(`sweep factors must be finite and positive, got ${JSON.stringify(this.factors)}`);
    }
    this.budget = options.budget ?? SWEEP_BUDGET;
    if (!Number.isInteger(this.budget) || this.budget < 1) throw new Error(`sweep budget ${this.budget} is not a positive integer`);
    this.target = options.target ?? TARGET_ACCURACY;
    this.gapRows = options.gapRows ?? GAP_ROWS;
    this.now = options.now ?? (() => performance.now());
    this.dtype = options.dtype ?? 'float32';
  }

  /** Whether every factor has its row. */
  get finished(): boolean {
    return this.rows.length === this.factors.length;
  }

  /** Steps done of the upper bound factors × budget, and the factor at work. */
  progress(): SweepProgress {
    const done = this.rows.length * this.budget + (this.run?.exp.step ?? 0);
    return { done, total: this.factors.length * this.budget, factor: this.factors[this.rows.length] ?? null };
  }

  /** Per variant, the evaluations of the run in progress, or of the last finished run. */
  get series(): readonly (readonly AccuracyPoint[])[] {
    return this.run?.series ?? this.lastSeries;
  }

  /**
   * Does one piece of the current learning rate's run and returns its row if that piece ended it: starts
   * the run (building and evaluating the experiment), or trains up to maxSteps paired steps, or measures the
   * finished run. The pieces are separate calls so that no call holds a worker much longer than an
   * evaluation of the test set.
   */
  advance(maxSteps: number): SweepRow | null {
    if (this.finished) return null;
    const t0 = this.now();
    if (this.run === null) {
      this.run = this.startRun();
      this.run.ms += this.now() - t0;
      return null;
    }
    const run = this.run;
    if (this.settled(run)) {
      const row = this.finish(run);
      row.ms = run.ms + (this.now() - t0);
      return row;
    }
    const exp = run.exp;
    for (let i = 0; i < maxSteps && !this.settled(run); i++) {
      exp.runStep();
      if (exp.step % SWEEP_EVAL_EVERY === 0) this.record(run);
    }
    run.ms += this.now() - t0;
    return null;
  }

  /** Runs every remaining factor to the end (the CLI's way); returns all rows. */
  runAll(): SweepRow[] {
    while (!this.finished) this.advance(this.budget);
    return this.rows;
  }

  private startRun(): LrRun {
    const factor = this.factors[this.rows.length];
    const lr = sweepLr(this.config.lr, factor);
    const exp = new Experiment({ ...this.config, lr, evalEvery: SWEEP_EVAL_EVERY, probeEvery: 0, inferEvery: 0 }, this.data, null, { dtype: this.dtype });
    const run: LrRun = { exp, lr, series: exp.variants.map(() => []), reached: exp.variants.map(() => false), ms: 0 };
    this.record(run);
    return run;
  }

  /** Appends the evaluations made at the current step. */
  private record(run: LrRun): void {
    const { exp } = run;
    exp.evals.forEach((e, i) => {
      if (e.evalStep !== exp.step || run.series[i].at(-1)?.step === exp.step) return;
      run.series[i].push({ step: exp.step, accuracy: e.testAcc });
      if (e.testAcc >= this.target) run.reached[i] = true;
    });
  }

  /** Whether the run is over: the budget is spent, or every variant has reached the target or diverged. */
  private settled(run: LrRun): boolean {
    const { exp } = run;
    if (exp.step >= this.budget) return true;
    // Checked every step, so it allocates nothing; a diverged variant is no longer evaluated, so a reach
    // recorded here is never after its divergence, as stepsToTarget requires.
    for (let i = 0; i < exp.variants.length; i++) if (!run.reached[i] && !exp.variants[i].diverged) return false;
    return true;
  }

  /** Measures every variant at the final step and files the row. */
  private finish(run: LrRun): SweepRow {
    const { exp } = run;
    // A budget that is not a multiple of the evaluation interval ends between evaluations.
    if (exp.variants.some((v, i) => !v.diverged && exp.evals[i].evalStep !== exp.step)) {
      exp.evaluate();
      this.record(run);
    }
    const { train } = this.data;
    const rows = Math.min(this.gapRows, train.count);
    const wsRows = Math.max(1, Math.min(this.config.evalBatchSize, rows));
    const variants = exp.variants.map((v, i): SweepVariantResult => {
      let trainAcc = NaN;
      if (!v.diverged && rows > 0) {
        // Population statistics, if used, were just computed by the evaluation at this step.
        const ws = v.model.createWorkspace(wsRows, false);
        const mode = v.placement !== 'none' ? this.config.evalMode : 'batch';
        trainAcc = evaluate(v.model, ws, train.x, train.y, rows, mode).accuracy;
      }
      return {
        name: v.name,
        placement: v.placement,
        outcome: stepsToTarget(run.series[i], this.target, v.divergedAt),
        testAcc: v.diverged ? NaN : exp.evals[i].testAcc,
        trainAcc,
        divergedAt: v.divergedAt,
      };
    });
    const row: SweepRow = { factor: this.factors[this.rows.length], lr: run.lr, steps: exp.step, ms: 0, variants };
    this.rows.push(row);
    this.lastSeries = run.series;
    this.run = null;
    return row;
  }
}
