import { log } from '../engine/detMath.ts';
import type { Workspace } from '../engine/workspace.ts';

/** Steps between two looks at the layer inputs: the shift is measured over windows of this many steps. */
export const SHIFT_WINDOW = 100;

/** Below this spread a unit is constant on the probe batch, and its shift is not measured. */
const MIN_SPREAD = 1e-6;

/** One hidden layer's input shift, per window of SHIFT_WINDOW steps. */
export interface LayerInputShift {
  /** Over the latest window: mean over units of |μ_now − μ_before| / σ_before. */
  location: number;
  /** Over the latest window: mean over units of |ln(σ_now / σ_before)|. */
  spread: number;
  /** The same two, averaged over every window since the first (which is left out: every network moves most at the start). */
  locationAvg: number;
  spreadAvg: number;
  /** Windows in the averages. */
  windows: number;
}

/**
 * Internal covariate shift in Ioffe & Szegedy's sense: how much the distribution of each hidden layer's
 * inputs to the nonlinearity moves as training goes on. Every SHIFT_WINDOW steps it takes each unit's
 * mean μ and standard deviation σ over the fixed probe batch and compares them with the previous look:
 * the move of the mean in units of the earlier σ, and the change of σ as |ln ratio|, each averaged over
 * the layer's units. Santurkar et al. (2018, §3.3) report that ℓp batch norms shift layer inputs more
 * than BN yet train as well; this is the measure that shows it here.
 */
export class InputShiftMeter {
  readonly layers: readonly LayerInputShift[];
  private readonly mean: Float64Array[];
  private readonly sd: Float64Array[];
  private looks = 0;

  constructor(widths: readonly number[]) {
    this.layers = widths.map(() => ({ location: NaN, spread: NaN, locationAvg: NaN, spreadAvg: NaN, windows: 0 }));
    this.mean = widths.map((n) => new Float64Array(n));
    this.sd = widths.map((n) => new Float64Array(n));
  }

  /** Takes a look at the layer inputs of a probe forward pass in ws (ws.rows rows) and updates the shift. */
  observe(ws: Workspace): void {
    const rows = ws.rows;
    this.layers.forEach((out, l) => {
      const values = ws.layers[l].actIn;
      const mean = this.mean[l];
      const sd = this.sd[l];
      const n = mean.length;
      let location = 0;
      let spread = 0;
      let units = 0;
      for (let j = 0; j < n; j++) {
        let sum = 0;
        let sumSq = 0;
        for (let r = 0, at = j; r < rows; r++, at += n) {
          sum += values[at];
          sumSq += values[at] * values[at];
        }
        const mu = sum / rows;
        const sigma = Math.sqrt(Math.max(0, sumSq / rows - mu * mu));
        if (this.looks > 0 && sd[j] > MIN_SPREAD && sigma > MIN_SPREAD) {
          location += Math.abs(mu - mean[j]) / sd[j];
          spread += Math.abs(log(sigma / sd[j]));
          units++;
        }
        mean[j] = mu;
        sd[j] = sigma;
      }
      if (this.looks === 0) return;
      out.location = units > 0 ? location / units : NaN;
      out.spread = units > 0 ? spread / units : NaN;
      // The first window (from step 0) is not averaged.
      if (this.looks === 1 || units === 0) return;
      const k = out.windows;
      out.locationAvg = k === 0 ? out.location : (out.locationAvg * k + out.location) / (k + 1);
      out.spreadAvg = k === 0 ? out.spread : (out.spreadAvg * k + out.spread) / (k + 1);
      out.windows = k + 1;
    });
    this.looks++;
  }
}
