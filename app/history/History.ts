import { runLayout, SnapshotReader, SnapshotRows, type LayerStat, type VariantStat, type SteppedSnapshot } from '../../src/experiment/index.ts';
import type { RunShape } from '../../src/worker/index.ts';

/** A snapshot as it arrives from the worker: its step and packed arrays (src/experiment/snapshot.ts). */
export type WorkerSnapshot = SteppedSnapshot;

/** Rows kept before the resolution halves. */
export const HISTORY_CAPACITY = 1024;

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
  /** The kept snapshots, row by row (empty before the first run). */
  rows: SnapshotRows | null = null;
  count = 0;
  /** Keep one snapshot in `stride`. */
  stride = 1;
  private seen = 0;
  /** The newest snapshot, kept or not: what "now" shows. */
  latest: SnapshotReader | null = null;
  /** The step-0 snapshot: the ghost behind each histogram. */
  first: SnapshotReader | null = null;
  /** Per variant, the first evaluated step with test accuracy ≥ 90% (as the worker measured it), or −1. */
  reachedTarget: number[] = [];
  /** Bumped on every change. */
  version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(readonly capacity = HISTORY_CAPACITY) {}

  /** Forgets everything and sizes the buffers for a new run. */
  reset(runId: number, shape: RunShape): void {
    this.shape = shape;
    this.runId = runId;
    this.steps = new Float64Array(this.capacity);
    this.rows = new SnapshotRows(runLayout(shape), this.capacity);
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

  /**
   * Adds a snapshot of the current run. One from an older run, older than the newest, or whose arrays do not
   * fit the run's shape is dropped (false).
   */
  add(runId: number, s: WorkerSnapshot): boolean {
    const rows = this.rows;
    if (runId !== this.runId || rows === null) return false;
    if (this.latest !== null && s.step < this.latest.step) return false;
    if (rows.layout.misfit(s) !== null) return false;
    const read = new SnapshotReader(rows.layout, s, s.step);
    this.latest = read;
    if (this.first === null) this.first = read;
    for (let v = 0; v < this.reachedTarget.length; v++) this.reachedTarget[v] = read.variant(v, 'targetStep');
    const duplicate = this.count > 0 && this.steps[this.count - 1] === s.step;
    if (!duplicate && this.seen++ % this.stride === 0) {
      if (this.count === this.capacity) this.halve();
      const row = this.count++;
      this.steps[row] = s.step;
      rows.set(row, s);
    }
    this.changed();
    return true;
  }

  /** A variant statistic at a kept row, or at the latest snapshot for row −1 (NaN when there is none). */
  variantAt(row: number, v: number, key: VariantStat): number {
    if (row < 0) return this.latest?.variant(v, key) ?? NaN;
    return this.rows?.variantAt(row, v, key) ?? NaN;
  }

  /** A layer statistic (layer 0-based) at a kept row, or at the latest snapshot for row −1 (NaN when there is none). */
  layerAt(row: number, v: number, layer: number, key: LayerStat): number {
    if (row < 0) return this.latest?.layer(v, layer, key) ?? NaN;
    return this.rows?.layerAt(row, v, layer, key) ?? NaN;
  }

  /** Calls listener after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private halve(): void {
    const half = this.capacity >> 1;
    for (let r = 0; r < half; r++) {
      this.steps[r] = this.steps[2 * r];
      this.rows?.copy(2 * r, r);
    }
    this.count = half;
    this.stride *= 2;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
