import type { Model } from '../engine/model.ts';
import { runningStatistics } from '../engine/normLayer.ts';
import type { Workspace } from '../engine/workspace.ts';

/**
 * Running-average momenta compared at inference, in PyTorch's convention r ← (1−m)·r + m·batch:
 * PyTorch's default 0.1, and Keras's `momentum=0.99`, which is m = 0.01 here.
 */
export const SHADOW_MOMENTA = [0.1, 0.01] as const;

/** Running averages of one batch-norm layer under one momentum: [n] mean and [n] spread (BN: unbiased variance; ℓp BN: ℓp scale). */
export interface ShadowStats {
  readonly mean: Float64Array;
  readonly spread: Float64Array;
}

/**
 * Running averages of every BN layer under each of SHADOW_MOMENTA, kept beside the model's own (which use
 * the config's momentum). They follow the same batch statistics from step 0, so the inference probe can
 * show what either convention would have given, warm-up lag included. Start as BN's do: mean 0, variance 1.
 */
export class RunningShadows {
  /** [momentum][hidden layer], null for a layer without BN. */
  readonly stats: readonly (readonly (ShadowStats | null)[])[];

  constructor(model: Model) {
    this.unbiased = model.hidden.every((h) => h.norm === null || h.norm.kind === 'bn');
    this.stats = SHADOW_MOMENTA.map(() =>
      model.hidden.map((h) =>
        h.norm === null || h.norm.kind === 'ln' ? null : { mean: new Float64Array(h.norm.params.n), spread: new Float64Array(h.norm.params.n).fill(1) },
      ),
    );
  }

  /** Whether the spread is a variance to unbias (BN) or an ℓp scale averaged as it is (ℓp BN). */
  private readonly unbiased: boolean;

  /**
   * Folds in the batch statistics of the training forward pass just run in ws (rows = ws.rows) as the
   * model's own running averages do: BN's variance unbiased by B/(B−1), ℓp BN's scale as measured.
   */
  observe(ws: Workspace): void {
    const rows = ws.rows;
    const unbias = this.unbiased && rows > 1 ? rows / (rows - 1) : 1;
    SHADOW_MOMENTA.forEach((m, k) => {
      const layers = this.stats[k];
      for (let l = 0; l < layers.length; l++) {
        const s = layers[l];
        const norm = ws.layers[l].norm;
        if (s === null || norm === null || norm.kind === 'ln') continue;
        const mean = norm.cache.mean;
        const spread = norm.kind === 'bn' ? norm.cache.variance : norm.cache.scale;
        for (let j = 0; j < s.mean.length; j++) {
          s.mean[j] = (1 - m) * s.mean[j] + m * mean[j];
          s.spread[j] = (1 - m) * s.spread[j] + m * spread[j] * unbias;
        }
      }
    });
  }

  /** Writes the averages of momentum index k into a model's running statistics (a probe copy, never the trained model). */
  applyTo(model: Model, k: number): void {
    model.hidden.forEach((h, l) => {
      const s = this.stats[k][l];
      const running = runningStatistics(h.norm);
      if (running === null || s === null) return;
      running.mean.set(s.mean);
      running.spread.set(s.spread);
    });
  }
}
