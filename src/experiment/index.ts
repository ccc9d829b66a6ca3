/** The experiment layer's surface for app/: snapshots and how to read them, presets, and the probes' constants. */
export { LAYER_STATS, LS, SnapshotLayout, VS, inferAccIndex, zIsActIn, type HistogramBins, type LayerStat, type VariantStat } from './snapshot.ts';
export { SnapshotReader, SnapshotRows, packSnapshot, runLayout, type SteppedSnapshot } from './snapshotReader.ts';
export { binsFor, zBinsFor } from './histogram.ts';
/** Presets: named configs the gallery and story start from. */
export { PRESETS, findPreset, type Preset } from './presets.ts';
/** The name a placement's variant goes by (plain, bn-before…), as the run's shape names it. */
export { variantName } from './variant.ts';
/** A config as the shortest share-link query: a preset and what differs from it. */
export { compactConfigQuery } from './presetQuery.ts';
/** The probes' and the learning-rate sweep's fixed settings, and the shape of their work. */
export { INFER_CASES, INFER_EPS, INFER_POPULATION_BATCHES, INFER_ROWS } from './inferenceProbe.ts';
export { SHIFT_WINDOW } from './inputShift.ts';
export { SWEEP_BUDGET, SWEEP_FACTORS, type SweepRow, type TargetOutcome } from './lrSweep.ts';
export { TRACE_MAX_STEPS } from './trace.ts';
export type { WorkSlice } from './work.ts';
/** A whole run in-process, with its data split (for app's tests; the page runs experiments in workers). */
export { Experiment } from './experiment.ts';
export { buildSplit } from './datasets.ts';
