import type { Experiment } from './experiment.ts';

/** Steps of per-step losses a run keeps (about 0.5 MB for three variants): enough for any lecture demo. */
export const LOSS_LOG_STEPS = 20_000;

/**
 * Each variant's training loss at every step, for the first `capacity` steps of a run: what a download of
 * per-step losses (and the determinism check against the CLI) needs. Bounded, so a long run cannot grow
 * it. A variant that does not train this step (diverged earlier, or trained by another worker) logs NaN.
 */
export class LossLog {
  private readonly data: Float64Array<ArrayBuffer>;
  private steps = 0;

  constructor(
    readonly variants: number,
    readonly capacity = LOSS_LOG_STEPS,
  ) {
    this.data = new Float64Array(variants * capacity).fill(NaN);
  }

  /** Records the step the experiment just took. */
  record(exp: Experiment, only: number | null): void {
    const step = exp.step;
    if (step < 1 || step > this.capacity) return;
    exp.variants.forEach((v, i) => {
      const trained = (only === null || only === i) && !(v.diverged && v.divergedAt < step);
      this.data[(step - 1) * this.variants + i] = trained ? v.lastLoss : NaN;
    });
    this.steps = Math.max(this.steps, step);
  }

  /** The losses of steps 1..steps, step-major (a copy). */
  take(): { steps: number; losses: Float64Array<ArrayBuffer> } {
    return { steps: this.steps, losses: this.data.slice(0, this.steps * this.variants) };
  }
}
