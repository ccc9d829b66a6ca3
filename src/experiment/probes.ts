import type { FloatArray } from '../engine/floatArray.ts';
import type { Workspace } from '../engine/workspace.ts';
import { histogramInto } from './histogram.ts';
import { createPercentileScratch, percentiles, type PercentileScratch } from './percentiles.ts';
import { LAYER_STATS, LS, zIsActIn, type Snapshot } from './snapshot.ts';
import type { Variant } from './variant.ts';

const PERCENTILES = [0.15, 0.5, 0.85];
/** The statistics that only exist after a training step. */
const NO_STEP_STATS = (['gradNorm', 'updateRatio', 'biasGradNorm', 'bnBatchMean', 'bnBatchVar', 'unitBatchMean', 'unitBatchVar'] as const).map((k) => LS[k]);
/** The statistics that only exist with BN. */
const BN_STATS = (
  [
    'bnBatchMean',
    'bnBatchVar',
    'bnRunningMean',
    'bnRunningVar',
    'unitBatchMean',
    'unitBatchVar',
    'unitRunningMean',
    'unitRunningVar',
    'unitGamma',
    'unitBeta',
  ] as const
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
}

/** Where one quantity's statistics go in a layer's block: its percentile, moment and histogram slots. */
interface Slots {
  readonly p: readonly [number, number, number];
  readonly unitP: readonly [number, number, number];
  readonly mean: number;
  readonly std: number;
}

const ACT_IN_SLOTS: Slots = { p: [LS.p15, LS.p50, LS.p85], unitP: [LS.unitP15, LS.unitP50, LS.unitP85], mean: LS.mean, std: LS.std };
const Z_SLOTS: Slots = { p: [LS.zP15, LS.zP50, LS.zP85], unitP: [LS.zUnitP15, LS.zUnitP50, LS.zUnitP85], mean: LS.zMean, std: LS.zStd };

/**
 * Fills variant v's layer statistics, histograms and tracked-unit z values in `out` from a probe forward
 * pass already in probeWs (each layer's z = xW + b and the input to its nonlinearity on the fixed probe
 * batch) and from the last training step (gradients, update, BN batch statistics in the training
 * workspace). Allocates nothing.
 */
export function probeVariant(variant: Variant, probeWs: Workspace, ctx: ProbeContext, scratch: ProbeScratch, out: Snapshot, v: number): void {
  const { model } = variant;
  const act = model.activation;
  const rows = probeWs.rows;
  const nStats = LAYER_STATS.length;
  const layerOffset = v * out.nLayers * nStats;
  const layerOut = out.layer;
  const zSame = zIsActIn(variant.placement);
  const trackLayer = Math.min(ctx.trackLayer, model.hidden.length - 1);
  for (let l = 0; l < model.hidden.length; l++) {
    const { dense } = model.hidden[l];
    const n = dense.nOut;
    const count = rows * n;
    const cache = probeWs.layers[l];
    const values = cache.actIn;
    const o = layerOffset + l * nStats;
    // The tracked unit's index in every layer, so the drift panel can show each layer's unit beside its layer.
    const unit = Math.min(ctx.trackUnit, n - 1);
    histogramInto(values, count, out.bins, out.hist, (v * out.nLayers + l) * out.bins.count);
    histogramInto(cache.z, count, out.zBins, out.zHist, (v * out.nLayers + l) * out.zBins.count);
    describe(values, rows, n, unit, scratch, layerOut, o, ACT_IN_SLOTS);
    if (zSame) copySlots(layerOut, o, ACT_IN_SLOTS, Z_SLOTS);
    else describe(cache.z, rows, n, unit, scratch, layerOut, o, Z_SLOTS);
    if (l === trackLayer) for (let r = 0; r < rows; r++) out.unitZ[v * out.probeRows + r] = cache.z[r * n + unit];
    // The saturated share, in a pass of its own: only the nonlinearity's input has one.
    const sat = act.saturation;
    const threshold = sat.kind === 'saturating' ? sat.threshold : 0;
    let hits = 0;
    for (let i = 0; i < count; i++) {
      const x = values[i];
      if (sat.kind === 'saturating' ? x > threshold || x < -threshold : sat.kind === 'dead' && x <= 0) hits++;
    }
    layerOut[o + LS.saturated] = hits / count;
    layerOut[o + LS.deadUnits] = sat.kind === 'dead' ? deadUnitShare(values, rows, n) : 0;
    // Norms come from the optimizer, which measures them while it updates.
    const { gradSq, updateSq, valueSq } = variant.opt;
    const w = variant.weightIndex[l];
    layerOut[o + LS.gradNorm] = Math.sqrt(gradSq[w]);
    layerOut[o + LS.biasGradNorm] = Math.sqrt(gradSq[variant.biasIndex[l]]);
    layerOut[o + LS.updateRatio] = valueSq[w] > 0 ? Math.sqrt(updateSq[w] / valueSq[w]) : 0;
    // The training workspace's pass: the last training batch's statistics, beside the model's own parameters.
    const norm = variant.ws.layers[l].norm;
    if (norm === null || norm.kind === 'ln') {
      for (let k = 0; k < BN_STATS.length; k++) layerOut[o + BN_STATS[k]] = NaN;
      continue;
    }
    const { params: bn, cache: batch } = norm;
    // The "variance" slots hold what the batch norm divides by: BN's variance, ℓp BN's ℓp scale.
    const batchSpread = norm.kind === 'bn' ? norm.cache.variance : norm.cache.scale;
    const runningSpread = norm.kind === 'bn' ? norm.params.runningVar : norm.params.runningScale;
    layerOut[o + LS.bnBatchMean] = average(batch.mean);
    layerOut[o + LS.bnBatchVar] = average(batchSpread);
    layerOut[o + LS.bnRunningMean] = average(bn.runningMean);
    layerOut[o + LS.bnRunningVar] = average(runningSpread);
    layerOut[o + LS.unitBatchMean] = batch.mean[unit];
    layerOut[o + LS.unitBatchVar] = batchSpread[unit];
    layerOut[o + LS.unitRunningMean] = bn.runningMean[unit];
    layerOut[o + LS.unitRunningVar] = runningSpread[unit];
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

/** Writes the layer-wide and tracked-unit percentiles and the mean and std of values: [rows, n] into out at o + slots. */
function describe(values: FloatArray, rows: number, n: number, unit: number, scratch: ProbeScratch, out: Float32Array, o: number, slots: Slots): void {
  const count = rows * n;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < count; i++) {
    const x = values[i];
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / count;
  out[o + slots.mean] = mean;
  out[o + slots.std] = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
  percentiles(values, count, PERCENTILES, scratch.pct, scratch.percentile);
  for (let k = 0; k < 3; k++) out[o + slots.p[k]] = scratch.pct[k];
  for (let r = 0; r < rows; r++) scratch.unit[r] = values[r * n + unit];
  percentiles(scratch.unit, rows, PERCENTILES, scratch.pct, scratch.percentile);
  for (let k = 0; k < 3; k++) out[o + slots.unitP[k]] = scratch.pct[k];
}

/** Copies one quantity's statistics to another's slots (z is the nonlinearity's input: measure once). */
function copySlots(out: Float32Array, o: number, from: Slots, to: Slots): void {
  for (let k = 0; k < 3; k++) {
    out[o + to.p[k]] = out[o + from.p[k]];
    out[o + to.unitP[k]] = out[o + from.unitP[k]];
  }
  out[o + to.mean] = out[o + from.mean];
  out[o + to.std] = out[o + from.std];
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
