/**
 * Readers of packed snapshots (snapshot.ts) for code that receives them: one snapshot as it arrives, or many
 * kept back to back as rows. Outside src/experiment, nothing else needs to know the layout.
 */

import { LAYER_STATS, SnapshotLayout, VARIANT_STATS, type LayerStat, type Snapshot, type SnapshotShape, type VariantStat } from './snapshot.ts';

/** The packed arrays of one snapshot, as the worker posts them. */
export type PackedSnapshot = Pick<Snapshot, 'variant' | 'layer' | 'hist' | 'zHist' | 'unitZ'>;

/** A packed snapshot with the step it describes. */
export type SteppedSnapshot = PackedSnapshot & { readonly step: number };

/**
 * What a run tells the page about its snapshots' shape (a structural match of the worker's RunShape): the
 * variants by name, then layer, bin and probe-row counts.
 */
export interface RunLayoutShape extends Omit<SnapshotShape, 'nVariants'> {
  readonly variantNames: readonly string[];
}

/** The layout of a run's snapshots, from its shape. */
export function runLayout(shape: RunLayoutShape): SnapshotLayout {
  const { nLayers, bins, zBins, probeRows } = shape;
  return new SnapshotLayout({ nVariants: shape.variantNames.length, nLayers, bins, zBins, probeRows });
}

/** Values of a snapshot by name, for packing one by hand (tests, tools); what is left out is NaN (histograms: 0). */
export interface SnapshotValues {
  variant?(v: number, key: VariantStat): number;
  layer?(v: number, layer: number, key: LayerStat): number;
  /** Share of bin b of the nonlinearity's input histogram. */
  hist?(v: number, layer: number, bin: number): number;
  zHist?(v: number, layer: number, bin: number): number;
  unitZ?(v: number, row: number): number;
}

/** Packs values given by name into a snapshot's arrays of this layout. */
export function packSnapshot(layout: SnapshotLayout, values: SnapshotValues): PackedSnapshot {
  const { nVariants, nLayers, bins, zBins, probeRows } = layout.shape;
  const variant = new Float64Array(layout.variantLength).fill(NaN);
  const layer = new Float32Array(layout.layerLength).fill(NaN);
  const hist = new Float32Array(layout.histLength);
  const zHist = new Float32Array(layout.zHistLength);
  const unitZ = new Float32Array(layout.unitZLength).fill(NaN);
  for (let v = 0; v < nVariants; v++) {
    if (values.variant) for (const key of VARIANT_STATS) variant[layout.variantIndex(v, key)] = values.variant(v, key);
    if (values.unitZ) for (let r = 0; r < probeRows; r++) unitZ[layout.unitZStart(v) + r] = values.unitZ(v, r);
    for (let l = 0; l < nLayers; l++) {
      if (values.layer) for (const key of LAYER_STATS) layer[layout.layerIndex(v, l, key)] = values.layer(v, l, key);
      if (values.hist) for (let b = 0; b < bins.count; b++) hist[layout.histStart(v, l) + b] = values.hist(v, l, b);
      if (values.zHist) for (let b = 0; b < zBins.count; b++) zHist[layout.zHistStart(v, l) + b] = values.zHist(v, l, b);
    }
  }
  return { variant, layer, hist, zHist, unitZ };
}

/** One snapshot, read by variant, layer and statistic name. Views it returns share the snapshot's memory. */
export class SnapshotReader {
  /** Throws when the arrays do not fit the layout (a snapshot of another run, or of another protocol version). */
  constructor(
    readonly layout: SnapshotLayout,
    readonly data: PackedSnapshot,
    readonly step: number,
  ) {
    const misfit = layout.misfit(data);
    if (misfit !== null) throw new Error(misfit);
  }

  get nVariants(): number {
    return this.layout.shape.nVariants;
  }

  get nLayers(): number {
    return this.layout.shape.nLayers;
  }

  /** A variant statistic (NaN for a variant the run does not have). */
  variant(v: number, key: VariantStat): number {
    return this.layout.has(v) ? this.data.variant[this.layout.variantIndex(v, key)] : NaN;
  }

  /** The inference probe's accuracy of variant v for case c and ε e (INFER_CASES × INFER_EPS). */
  inferAcc(v: number, c: number, e: number): number {
    return this.layout.has(v) ? this.data.variant[this.layout.inferAccIndex(v, c, e)] : NaN;
  }

  /** A layer statistic (layer 0-based; NaN for a variant or layer the run does not have). */
  layer(v: number, layer: number, key: LayerStat): number {
    return this.layout.has(v, layer) ? this.data.layer[this.layout.layerIndex(v, layer, key)] : NaN;
  }

  /** [bins.count] the histogram of the nonlinearity's input of variant v's layer: a view (empty for one the run does not have). */
  hist(v: number, layer: number): Float32Array {
    if (!this.layout.has(v, layer)) return this.data.hist.subarray(0, 0);
    const start = this.layout.histStart(v, layer);
    return this.data.hist.subarray(start, start + this.layout.shape.bins.count);
  }

  /** [zBins.count] the histogram of z = xW + b of variant v's layer: a view (empty for one the run does not have). */
  zHist(v: number, layer: number): Float32Array {
    if (!this.layout.has(v, layer)) return this.data.zHist.subarray(0, 0);
    const start = this.layout.zHistStart(v, layer);
    return this.data.zHist.subarray(start, start + this.layout.shape.zBins.count);
  }

  /** [probeRows] variant v's tracked-unit z on the probe batch: a view (empty for a variant the run does not have). */
  unitZ(v: number): Float32Array {
    if (!this.layout.has(v)) return this.data.unitZ.subarray(0, 0);
    const start = this.layout.unitZStart(v);
    return this.data.unitZ.subarray(start, start + this.layout.shape.probeRows);
  }

  /** The largest share in any histogram of the nonlinearities' inputs (0 when empty). */
  histMax(): number {
    let max = 0;
    for (const x of this.data.hist) if (x > max) max = x;
    return max;
  }
}

/** The packed arrays kept per row (the tracked unit's z values are not kept over time). */
export type PackedRow = Omit<PackedSnapshot, 'unitZ'>;

/**
 * Snapshots kept as rows of fixed-capacity columnar buffers (a history over time): row r of each array holds
 * one snapshot's packed array. Allocated once per run.
 */
export class SnapshotRows {
  readonly variant: Float64Array;
  readonly layer: Float32Array;
  readonly hist: Float32Array;
  readonly zHist: Float32Array;

  constructor(
    readonly layout: SnapshotLayout,
    readonly capacity: number,
  ) {
    this.variant = new Float64Array(capacity * layout.variantLength);
    this.layer = new Float32Array(capacity * layout.layerLength);
    this.hist = new Float32Array(capacity * layout.histLength);
    this.zHist = new Float32Array(capacity * layout.zHistLength);
  }

  /** Copies one snapshot's arrays into row r. */
  set(row: number, s: PackedRow): void {
    const l = this.layout;
    this.variant.set(s.variant, row * l.variantLength);
    this.layer.set(s.layer, row * l.layerLength);
    this.hist.set(s.hist, row * l.histLength);
    this.zHist.set(s.zHist, row * l.zHistLength);
  }

  /** Copies row `from` over row `to`. */
  copy(from: number, to: number): void {
    const l = this.layout;
    this.variant.copyWithin(to * l.variantLength, from * l.variantLength, (from + 1) * l.variantLength);
    this.layer.copyWithin(to * l.layerLength, from * l.layerLength, (from + 1) * l.layerLength);
    this.hist.copyWithin(to * l.histLength, from * l.histLength, (from + 1) * l.histLength);
    this.zHist.copyWithin(to * l.zHistLength, from * l.zHistLength, (from + 1) * l.zHistLength);
  }

  /** Whether row r can hold a snapshot. */
  private fits(row: number): boolean {
    return Number.isInteger(row) && row >= 0 && row < this.capacity;
  }

  /** A variant statistic at row r (NaN for a row, variant or layer out of range). */
  variantAt(row: number, v: number, key: VariantStat): number {
    return this.fits(row) && this.layout.has(v) ? this.variant[row * this.layout.variantLength + this.layout.variantIndex(v, key)] : NaN;
  }

  /** A layer statistic (layer 0-based) at row r (NaN for a row, variant or layer out of range). */
  layerAt(row: number, v: number, layer: number, key: LayerStat): number {
    return this.fits(row) && this.layout.has(v, layer) ? this.layer[row * this.layout.layerLength + this.layout.layerIndex(v, layer, key)] : NaN;
  }

  /** [bins.count] the histogram of variant v's layer at row r: a view. */
  histAt(row: number, v: number, layer: number): Float32Array {
    if (!this.fits(row) || !this.layout.has(v, layer)) return this.hist.subarray(0, 0);
    const start = row * this.layout.histLength + this.layout.histStart(v, layer);
    return this.hist.subarray(start, start + this.layout.shape.bins.count);
  }

  /** One bin's share of the histogram of variant v's layer at row r (or of its z histogram): for per-pixel reads. */
  binAt(row: number, v: number, layer: number, bin: number, z = false): number {
    const l = this.layout;
    if (!this.fits(row) || !l.has(v, layer) || !(bin >= 0 && bin < (z ? l.shape.zBins : l.shape.bins).count)) return NaN;
    return z ? this.zHist[row * l.zHistLength + l.zHistStart(v, layer) + bin] : this.hist[row * l.histLength + l.histStart(v, layer) + bin];
  }

  /** [zBins.count] the z histogram of variant v's layer at row r: a view. */
  zHistAt(row: number, v: number, layer: number): Float32Array {
    if (!this.fits(row) || !this.layout.has(v, layer)) return this.zHist.subarray(0, 0);
    const start = row * this.layout.zHistLength + this.layout.zHistStart(v, layer);
    return this.zHist.subarray(start, start + this.layout.shape.zBins.count);
  }
}
