/**
 * A snapshot of a paired experiment, packed into flat typed arrays so that it is filled without allocating
 * and travels to the page as transferables. Read it with the index tables below.
 */

import { normBeforeActivation, type Placement } from '../engine/spec.ts';

/**
 * Per variant × hidden layer statistics, in this order. Percentiles and moments are of the inputs to the
 * nonlinearity on the probe batch; the z… ones of the dense layer's output z = xW + b, the input to a
 * normalization placed before the nonlinearity (the same values where nothing sits between: see zIsActIn).
 */
export const LAYER_STATS = [
  'p15',
  'p50',
  'p85', // layer-wide percentiles over every unit and probe row
  'unitP15',
  'unitP50',
  'unitP85', // percentiles over the probe rows of the unit with the tracked unit's index (clamped to the layer)
  'mean',
  'std',
  'saturated', // share of values in the saturated (sigmoid/tanh) or inactive (relu: ≤ 0) region
  'deadUnits', // relu: share of units inactive on every probe row; else 0
  'gradNorm', // ‖∂L/∂W‖ of this layer's dense weights at the last step
  'updateRatio', // ‖ΔW‖/‖W‖ of the last update
  'biasGradNorm', // ‖∂L/∂b‖: ≈ 0 when BN follows the dense layer
  'bnBatchMean',
  'bnBatchVar', // mean over units of the last training batch's μ_B and σ²_B (NaN without BN)
  'bnRunningMean',
  'bnRunningVar', // mean over units of the running averages
  'unitBatchMean',
  'unitBatchVar',
  'unitRunningMean',
  'unitRunningVar',
  'unitGamma',
  'unitBeta', // the tracked unit's
  'icsDiff',
  'icsCos', // internal covariate shift at the latest landscape probe: ‖G − G′‖ and cos(G, G′) (NaN without probes)
  // Input shift (inputShift.ts) over the latest SHIFT_WINDOW steps: mean over units of |Δμ|/σ and |Δ ln σ|, then
  // both averaged over every window after the first (NaN until measured).
  'shiftLocation',
  'shiftSpread',
  'shiftLocationAvg',
  'shiftSpreadAvg',
  // z = xW + b on the probe batch, as p15…std above: layer-wide percentiles, the tracked unit's, the moments.
  'zP15',
  'zP50',
  'zP85',
  'zUnitP15',
  'zUnitP50',
  'zUnitP85',
  'zMean',
  'zStd',
] as const;
export type LayerStat = (typeof LAYER_STATS)[number];
/** Index of each layer statistic within a layer's block. */
export const LS = Object.fromEntries(LAYER_STATS.map((k, i) => [k, i])) as { readonly [K in LayerStat]: number };

/** Per variant scalars, in this order. */
export const VARIANT_STATS = [
  'trainLoss', // mean training loss over the steps since the previous snapshot
  'testLoss',
  'testAcc', // at the latest evaluation (NaN before the first)
  'evalStep', // the step of that evaluation (−1 before the first)
  'targetStep', // the first evaluated step with test accuracy ≥ TARGET_ACCURACY (experiment.ts), −1 until then
  'divergedAt', // step at which the variant diverged and froze, −1 while it trains
  // The latest landscape probe (NaN without probes): its step, and along the gradient the loss range,
  // the gradient change range and the effective β-smoothness; then its cost in milliseconds.
  'probeStep',
  'lossLo',
  'lossHi',
  'gradChangeLo',
  'gradChangeHi',
  'betaSmooth',
  'probeMs',
  // The latest inference probe (NaN without): its step and cost, the distinct classes predicted with batch
  // statistics at test batch 1, then test accuracy per case of INFER_CASES, each at ε 1e-5 and then 1e-3.
  'inferStep',
  'inferMs',
  'inferClassesAtOne',
  'accBatch1',
  'accBatch1Eps3',
  'accBatch2',
  'accBatch2Eps3',
  'accBatch8',
  'accBatch8Eps3',
  'accBatch60',
  'accBatch60Eps3',
  'accRunning',
  'accRunningEps3',
  'accRunningKeras',
  'accRunningKerasEps3',
  'accPopulation',
  'accPopulationEps3',
] as const;
export type VariantStat = (typeof VARIANT_STATS)[number];
/** Index of each variant statistic within a variant's block. */
export const VS = Object.fromEntries(VARIANT_STATS.map((k, i) => [k, i])) as { readonly [K in VariantStat]: number };

/** Index, within a variant's block, of the inference probe's accuracy for case c and ε e (INFER_CASES × INFER_EPS). */
export function inferAccIndex(c: number, e: number): number {
  return VS.accBatch1 + c * 2 + e;
}

/** Histogram bins shared by every variant and layer of an experiment, so histograms compare at a glance. */
export interface HistogramBins {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** The packed snapshot. */
export interface Snapshot {
  /** Steps completed when it was taken. */
  step: number;
  readonly nVariants: number;
  readonly nLayers: number;
  readonly bins: HistogramBins;
  /** The bins of the z histograms (z can be wider than the nonlinearity's input). */
  readonly zBins: HistogramBins;
  /** Rows of the probe batch. */
  readonly probeRows: number;
  /** [nVariants, VARIANT_STATS.length] */
  readonly variant: Float64Array;
  /** [nVariants, nLayers, LAYER_STATS.length] */
  readonly layer: Float32Array;
  /** [nVariants, nLayers, bins.count] share of probe values per bin (each histogram sums to 1). */
  readonly hist: Float32Array;
  /** [nVariants, nLayers, zBins.count] the same for z = xW + b. */
  readonly zHist: Float32Array;
  /** [nVariants, probeRows] z of the tracked unit of the tracked layer, one value per probe row. */
  readonly unitZ: Float32Array;
}

/** The counts that fix a snapshot's packed layout. */
export type SnapshotShape = Pick<Snapshot, 'nVariants' | 'nLayers' | 'bins' | 'zBins' | 'probeRows'>;

/**
 * Where each value of a packed snapshot sits: the one place that knows the strides. Every array is
 * variant-major (variant v's block, then v + 1's); within a variant, layer-major.
 */
export class SnapshotLayout {
  /** Lengths of one snapshot's arrays. */
  readonly variantLength: number;
  readonly layerLength: number;
  readonly histLength: number;
  readonly zHistLength: number;
  readonly unitZLength: number;
  /** Length of one variant's block in each array (a block per variant, in variant order). */
  readonly perVariant: { readonly variant: number; readonly layer: number; readonly hist: number; readonly zHist: number; readonly unitZ: number };

  constructor(readonly shape: SnapshotShape) {
    const { nVariants, nLayers } = shape;
    this.perVariant = {
      variant: VARIANT_STATS.length,
      layer: nLayers * LAYER_STATS.length,
      hist: nLayers * shape.bins.count,
      zHist: nLayers * shape.zBins.count,
      unitZ: shape.probeRows,
    };
    this.variantLength = nVariants * this.perVariant.variant;
    this.layerLength = nVariants * this.perVariant.layer;
    this.histLength = nVariants * this.perVariant.hist;
    this.zHistLength = nVariants * this.perVariant.zHist;
    this.unitZLength = nVariants * this.perVariant.unitZ;
  }

  /** Whether the snapshot has variant v (and, when given, its hidden layer, 0-based). */
  has(v: number, layer = 0): boolean {
    return Number.isInteger(v) && v >= 0 && v < this.shape.nVariants && Number.isInteger(layer) && layer >= 0 && layer < this.shape.nLayers;
  }

  /** Index of variant v's statistic in the variant array. */
  variantIndex(v: number, key: VariantStat): number {
    return v * VARIANT_STATS.length + VS[key];
  }

  /** Index of the inference probe's accuracy for case c and ε e (INFER_CASES × INFER_EPS) of variant v. */
  inferAccIndex(v: number, c: number, e: number): number {
    return v * VARIANT_STATS.length + inferAccIndex(c, e);
  }

  /** Index of a layer statistic (layer 0-based) in the layer array. */
  layerIndex(v: number, layer: number, key: LayerStat): number {
    return (v * this.shape.nLayers + layer) * LAYER_STATS.length + LS[key];
  }

  /** Start of the histogram of variant v's layer in the hist array ([bins.count] values). */
  histStart(v: number, layer: number): number {
    return (v * this.shape.nLayers + layer) * this.shape.bins.count;
  }

  /** Start of the z histogram of variant v's layer in the zHist array ([zBins.count] values). */
  zHistStart(v: number, layer: number): number {
    return (v * this.shape.nLayers + layer) * this.shape.zBins.count;
  }

  /** Start of variant v's tracked-unit z values in the unitZ array ([probeRows] values). */
  unitZStart(v: number): number {
    return v * this.shape.probeRows;
  }

  /** Why the arrays do not fit this layout (an array of the wrong length), or null when they do. */
  misfit(arrays: Partial<Pick<Snapshot, 'variant' | 'layer' | 'hist' | 'zHist' | 'unitZ'>>): string | null {
    const want = { variant: this.variantLength, layer: this.layerLength, hist: this.histLength, zHist: this.zHistLength, unitZ: this.unitZLength };
    for (const name of ['variant', 'layer', 'hist', 'zHist', 'unitZ'] as const) {
      const a = arrays[name];
      if (a !== undefined && a.length !== want[name]) return `snapshot ${name} has ${a.length} values, not the ${want[name]} its run’s shape needs`;
    }
    return null;
  }
}

/** An empty snapshot for the given shape. */
export function createSnapshot(nVariants: number, nLayers: number, bins: HistogramBins, zBins: HistogramBins, probeRows: number): Snapshot {
  const layout = new SnapshotLayout({ nVariants, nLayers, bins, zBins, probeRows });
  return {
    step: 0,
    nVariants,
    nLayers,
    bins,
    zBins,
    probeRows,
    variant: new Float64Array(layout.variantLength).fill(NaN),
    layer: new Float32Array(layout.layerLength).fill(NaN),
    hist: new Float32Array(layout.histLength),
    zHist: new Float32Array(layout.zHistLength),
    unitZ: new Float32Array(layout.unitZLength).fill(NaN),
  };
}

/** A variant statistic. */
export function variantStat(s: Snapshot, v: number, key: VariantStat): number {
  return s.variant[new SnapshotLayout(s).variantIndex(v, key)];
}

/** A layer statistic (layer is 0-based). */
export function layerStat(s: Snapshot, v: number, layer: number, key: LayerStat): number {
  return s.layer[new SnapshotLayout(s).layerIndex(v, layer, key)];
}

/** The histogram of a variant's layer: a view, not a copy. */
export function layerHistogram(s: Snapshot, v: number, layer: number): Float32Array {
  const start = new SnapshotLayout(s).histStart(v, layer);
  return s.hist.subarray(start, start + s.bins.count);
}

/** The z histogram of a variant's layer: a view, not a copy. */
export function layerZHistogram(s: Snapshot, v: number, layer: number): Float32Array {
  const start = new SnapshotLayout(s).zHistStart(v, layer);
  return s.zHist.subarray(start, start + s.zBins.count);
}

/** A variant's tracked-unit z values on the probe batch: [probeRows], a view, not a copy. */
export function unitZValues(s: Snapshot, v: number): Float32Array {
  const start = new SnapshotLayout(s).unitZStart(v);
  return s.unitZ.subarray(start, start + s.probeRows);
}

/** A deep copy (for keeping the step-0 ghost, or handing one snapshot away while filling another). */
export function cloneSnapshot(s: Snapshot): Snapshot {
  return { ...s, variant: s.variant.slice(), layer: s.layer.slice(), hist: s.hist.slice(), zHist: s.zHist.slice(), unitZ: s.unitZ.slice() };
}

/**
 * Whether a placement's z = xW + b is itself the nonlinearity's input (no normalization between them:
 * plain, and every placement after the activation), so the z statistics repeat the input's.
 */
export function zIsActIn(placement: Placement): boolean {
  return !normBeforeActivation(placement);
}
