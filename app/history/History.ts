import { LAYER_STATS, VARIANT_STATS, VS } from '../../src/experiment/snapshot.ts';
import type { RunShape } from '../../src/worker/protocol.ts';

/** A snapshot's statistics and histograms of the nonlinearities' inputs, packed as in src/experiment/snapshot.ts. */
export interface SnapshotData {
  readonly step: number;
  readonly variant: Float64Array;
  readonly layer: Float32Array;
  readonly hist: Float32Array;
}

/** A snapshot as it arrives from the worker: with the z = xW + b histograms and the tracked unit's z values. */
export interface WorkerSnapshot extends SnapshotData {
  /** [nVariants, nLayers, zBins.count] */
  readonly zHist: Float32Array;
  /** [nVariants, probeRows] the tracked unit's z on the probe batch (the latest only: not kept over time). */
  readonly unitZ: Float32Array;
}

/** Rows kept before the resolution halves. */
export const HISTORY_CAPACITY = 1024;
/** Test accuracy whose first crossing gets a marker. */
export const TARGET_ACCURACY = 0.9;

/**
 * The fast data of one run, outside React state: bounded columnar buffers of snapshots over time. When a
 * buffer fills, every other row is dropped and only every other later snapshot is kept, so a run of any
 * length fits in fixed memory at a resolution that halves as it grows. Listeners hear of every change;
 * panels redraw from it at most once per frame.
 */
export class History {
  shape: RunShape | null = null;
  runId = -1;
  /** [capacity] step of each kept row. */
  steps = new Float64Array(0);
  /** [capacity, nVariants·VARIANT_STATS] */
  variant = new Float64Array(0);
  /** [capacity, nVariants·nLayers·LAYER_STATS] */
  layer = new Float32Array(0);
  /** [capacity, nVariants·nLayers·bins] */
  hist = new Float32Array(0);
  /** [capacity, nVariants·nLayers·zBins] */
  zHist = new Float32Array(0);
  count = 0;
  /** Keep one snapshot in `stride`. */
  stride = 1;
  private seen = 0;
  /** The newest snapshot, kept or not: what "now" shows. */
  latest: WorkerSnapshot | null = null;
  /** The step-0 snapshot: the ghost behind each histogram. */
  first: WorkerSnapshot | null = null;
  /** Per variant, the first evaluated step with test accuracy ≥ 90%, or −1. */
  reachedTarget: number[] = [];
  /** Bumped on every change. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly capacity = HISTORY_CAPACITY) {}

  get variantWidth(): number {
    return (this.shape?.variantNames.length ?? 0) * VARIANT_STATS.length;
  }

  get layerWidth(): number {
    return this.shape === null ? 0 : this.shape.variantNames.length * this.shape.nLayers * LAYER_STATS.length;
  }

  get histWidth(): number {
    return this.shape === null ? 0 : this.shape.variantNames.length * this.shape.nLayers * this.shape.bins.count;
  }

  get zHistWidth(): number {
    return this.shape === null ? 0 : this.shape.variantNames.length * this.shape.nLayers * this.shape.zBins.count;
  }

  /** Forgets everything and sizes the buffers for a new run. */
  reset(runId: number, shape: RunShape): void {
    this.shape = shape;
    this.runId = runId;
    this.steps = new Float64Array(this.capacity);
    this.variant = new Float64Array(this.capacity * this.variantWidth);
    this.layer = new Float32Array(this.capacity * this.layerWidth);
    this.hist = new Float32Array(this.capacity * this.histWidth);
    this.zHist = new Float32Array(this.capacity * this.zHistWidth);
    this.count = 0;
    this.stride = 1;
    this.seen = 0;
    this.latest = null;
    this.first = null;
    this.reachedTarget = shape.variantNames.map(() => -1);
    this.changed();
  }

  /**
   * Hands the buffers to a new run id without clearing them: a restarted worker replaying the same run
   * carries on the history already drawn.
   */
  rekey(runId: number): void {
    this.runId = runId;
  }

  /** Adds a snapshot of the current run; one from an older run, or older than the newest, is dropped. */
  add(runId: number, s: WorkerSnapshot): boolean {
    if (runId !== this.runId || this.shape === null) return false;
    if (this.latest !== null && s.step < this.latest.step) return false;
    this.latest = s;
    if (this.first === null) this.first = s;
    const nv = this.shape.variantNames.length;
    for (let v = 0; v < nv; v++) {
      const acc = s.variant[v * VARIANT_STATS.length + VS.testAcc];
      if (this.reachedTarget[v] < 0 && acc >= TARGET_ACCURACY) this.reachedTarget[v] = s.variant[v * VARIANT_STATS.length + VS.evalStep];
    }
    const duplicate = this.count > 0 && this.steps[this.count - 1] === s.step;
    if (!duplicate && this.seen++ % this.stride === 0) {
      if (this.count === this.capacity) this.halve();
      const row = this.count++;
      this.steps[row] = s.step;
      this.variant.set(s.variant, row * this.variantWidth);
      this.layer.set(s.layer, row * this.layerWidth);
      this.hist.set(s.hist, row * this.histWidth);
      this.zHist.set(s.zHist, row * this.zHistWidth);
    }
    this.changed();
    return true;
  }

  /** A variant statistic at a kept row. */
  variantAt(row: number, v: number, key: keyof typeof VS): number {
    return this.variant[row * this.variantWidth + v * VARIANT_STATS.length + VS[key]];
  }

  /** Calls listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private halve(): void {
    const half = this.capacity >> 1;
    for (let r = 0; r < half; r++) {
      const from = 2 * r;
      this.steps[r] = this.steps[from];
      this.variant.copyWithin(r * this.variantWidth, from * this.variantWidth, (from + 1) * this.variantWidth);
      this.layer.copyWithin(r * this.layerWidth, from * this.layerWidth, (from + 1) * this.layerWidth);
      this.hist.copyWithin(r * this.histWidth, from * this.histWidth, (from + 1) * this.histWidth);
      this.zHist.copyWithin(r * this.zHistWidth, from * this.zHistWidth, (from + 1) * this.zHistWidth);
    }
    this.count = half;
    this.stride *= 2;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
