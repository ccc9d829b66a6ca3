import type { FloatArray } from '../engine/floatArray.ts';
import type { Workspace } from '../engine/workspace.ts';
import { histogramInto } from './histogram.ts';
import { createPercentileScratch, percentiles, type PercentileScratch } from './percentiles.ts';
import { LAYER_STATS, LS, type HistogramBins } from './snapshot.ts';
import type { Variant } from './variant.ts';

const PERCENTILES = [0.15, 0.5, 0.85];
/** The statistics that only exist after a training step. */
const NO_STEP_STATS = (
  ['gradNorm', 'updateRatio', 'biasGradNorm', 'bnBatchMean', 'bnBatchVar', 'unitBatchMean', 'unitBatchVar'] as const
).map((k) => LS[k]);
/** The statistics that only exist with BN. */
const BN_STATS = (
  ['bnBatchMean', 'bnBatchVar', 'bnRunningMean', 'bnRunningVar', 'unitBatchMean', 'unitBatchVar', 'unitRunningMean', 'unitRunningVar', 'unitGamma', 'unitBeta'] as const
).map((k) => LS[k]);

/** Scratch space for the probes, allocated once per experiment. */
export interface ProbeScratch {
  readonly unit: Float32Array;
  readonly pct: Float64Array;
  readonly percentile: PercentileScratch;
}

/** Scratch for probe batches of `rows` rows and layers up to `width` units. */
export function createProbeScratch(rows: number, width: number): ProbeScratch {
  return { unit: new Float32Array(rows), pct: new Float64Array(3), percentile: createPercentileScratch(rows * width) };
}

/** Where the tracked unit is, and what the last update used. */
export interface ProbeContext {
  trackLayer: number;
  trackUnit: number;
  lr: number;
  bins: HistogramBins;
}

/**
 * Fills one variant's layer statistics and histograms from a probe forward pass already in probeWs (the
 * inputs to each nonlinearity on the fixed probe batch) and from the last training step (gradients,
 * update, BN batch statistics in the training workspace). Allocates nothing.
 */
export function probeVariant(
  variant: Variant,
  probeWs: Workspace,
  ctx: ProbeContext,
  scratch: ProbeScratch,
  layerOut: Float32Array,
  layerOffset: number,
  histOut: Float32Array,
  histOffset: number,
): void {
  const { model } = variant;
  const act = model.activation;
  const rows = probeWs.rows;
  const nStats = LAYER_STATS.length;
  for (let l = 0; l < model.hidden.length; l++) {
    const { dense, bn } = model.hidden[l];
    const n = dense.nOut;
    const count = rows * n;
    const values = probeWs.layers[l].actIn;
    const o = layerOffset + l * nStats;
    histogramInto(values, count, ctx.bins, histOut, histOffset + l * ctx.bins.count);
    // One pass for the moments and the saturated share.
    const sat = act.saturation;
    const threshold = sat.kind === 'saturating' ? sat.threshold : 0;
    let sum = 0;
    let sumSq = 0;
    let hits = 0;
    for (let i = 0; i < count; i++) {
      const v = values[i];
      sum += v;
      sumSq += v * v;
      if (sat.kind === 'saturating' ? v > threshold || v < -threshold : sat.kind === 'dead' && v <= 0) hits++;
    }
    const mean = sum / count;
    layerOut[o + LS.mean] = mean;
    layerOut[o + LS.std] = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
    layerOut[o + LS.saturated] = hits / count;
    layerOut[o + LS.deadUnits] = act.saturation.kind === 'dead' ? deadUnitShare(values, rows, n) : 0;
    percentiles(values, count, PERCENTILES, scratch.pct, scratch.percentile);
    layerOut[o + LS.p15] = scratch.pct[0];
    layerOut[o + LS.p50] = scratch.pct[1];
    layerOut[o + LS.p85] = scratch.pct[2];
    // The tracked unit's index in every layer, so the drift panel can show each layer's unit beside its layer.
    const unit = Math.min(ctx.trackUnit, n - 1);
    for (let r = 0; r < rows; r++) scratch.unit[r] = values[r * n + unit];
    percentiles(scratch.unit, rows, PERCENTILES, scratch.pct, scratch.percentile);
    layerOut[o + LS.unitP15] = scratch.pct[0];
    layerOut[o + LS.unitP50] = scratch.pct[1];
    layerOut[o + LS.unitP85] = scratch.pct[2];
    // Norms come from the optimizer, which measures them while it updates.
    const { gradSq, updateSq, valueSq } = variant.opt;
    const w = variant.weightIndex[l];
    layerOut[o + LS.gradNorm] = Math.sqrt(gradSq[w]);
    layerOut[o + LS.biasGradNorm] = Math.sqrt(gradSq[variant.biasIndex[l]]);
    layerOut[o + LS.updateRatio] = valueSq[w] > 0 ? Math.sqrt(updateSq[w] / valueSq[w]) : 0;
    const cache = variant.ws.layers[l].bn;
    if (bn === null || cache === null) {
      for (let k = 0; k < BN_STATS.length; k++) layerOut[o + BN_STATS[k]] = NaN;
      continue;
    }
    layerOut[o + LS.bnBatchMean] = average(cache.mean);
    layerOut[o + LS.bnBatchVar] = average(cache.variance);
    layerOut[o + LS.bnRunningMean] = average(bn.runningMean);
    layerOut[o + LS.bnRunningVar] = average(bn.runningVar);
    layerOut[o + LS.unitBatchMean] = cache.mean[unit];
    layerOut[o + LS.unitBatchVar] = cache.variance[unit];
    layerOut[o + LS.unitRunningMean] = bn.runningMean[unit];
    layerOut[o + LS.unitRunningVar] = bn.runningVar[unit];
    layerOut[o + LS.unitGamma] = bn.gamma[unit];
    layerOut[o + LS.unitBeta] = bn.beta[unit];
  }
  // Before the first step there is no gradient, update or training batch to report: NaN, not a misleading 0.
  if (variant.ws.rows === 0) {
    for (let l = 0; l < model.hidden.length; l++) {
      for (let k = 0; k < NO_STEP_STATS.length; k++) layerOut[layerOffset + l * nStats + NO_STEP_STATS[k]] = NaN;
    }
  }
}

/** Share of units whose input is ≤ 0 on every probe row (relu units that pass no signal or gradient). */
function deadUnitShare(values: FloatArray, rows: number, n: number): number {
  let dead = 0;
  for (let j = 0; j < n; j++) {
    let alive = false;
    for (let r = 0; r < rows && !alive; r++) alive = values[r * n + j] > 0;
    if (!alive) dead++;
  }
  return dead / n;
}

function average(a: FloatArray): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}
