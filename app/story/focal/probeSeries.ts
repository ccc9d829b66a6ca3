import type { LayerStat, VariantStat } from '../../../src/experiment/index.ts';
import type { History } from '../../history/History.ts';

/** Reads one variant's statistics at one kept history row (or the latest snapshot). */
export interface RowReader {
  variant(key: VariantStat): number;
  /** A hidden layer's statistic (layer 0-based). */
  layer(layer: number, key: LayerStat): number;
}

/** One point of a series read from the history. */
export interface SeriesPoint<T> {
  readonly step: number;
  readonly value: T;
}

/** The reader of variant v at kept row `row`, or at the latest snapshot for row −1. */
function reader(h: History, v: number, row: number): RowReader {
  return {
    variant: (key) => h.variantAt(row, v, key),
    layer: (layer, key) => h.layerAt(row, v, layer, key),
  };
}

/**
 * A variant's series over the run, in step order: one point per kept row, then the latest snapshot. With a
 * `stepKey` (a probe's own step, e.g. 'inferStep'), one point per probe at the step it measured: snapshots
 * repeat the latest probe until the next, and a probe not yet made (step < 0 or NaN) gives no point.
 */
export function probeSeries<T>(h: History, v: number, stepKey: VariantStat | null, read: (r: RowReader) => T): SeriesPoint<T>[] {
  const out: SeriesPoint<T>[] = [];
  if (h.shape === null || v < 0 || v >= h.shape.placements.length) return out;
  const take = (row: number, snapshotStep: number) => {
    const r = reader(h, v, row);
    const step = stepKey === null ? snapshotStep : r.variant(stepKey);
    if (!Number.isFinite(step) || step < 0) return;
    if (out.length > 0 && out[out.length - 1].step >= step) return;
    out.push({ step, value: read(r) });
  };
  for (let row = 0; row < h.count; row++) take(row, h.steps[row]);
  if (h.latest !== null) take(-1, h.latest.step);
  return out;
}

/** The step of the run's first kept snapshot (0 for a run shown from its start), or null before any. */
export function firstStep(h: History): number | null {
  return h.count > 0 ? h.steps[0] : (h.latest?.step ?? null);
}
