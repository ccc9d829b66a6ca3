import type { Placement } from '../../src/engine/index.ts';
import { INFER_CASES, INFER_EPS, type SnapshotReader } from '../../src/experiment/index.ts';

/** How each inference case reads in the table: what it is, and the convention or consequence beside it. */
export const CASE_TEXT: Record<string, { readonly short: string; readonly label: string; readonly note: string }> = {
  batch1: { short: 'Batch of 1', label: 'Batch statistics, test batch of 1', note: 'x − μ_B = 0, so every output is β' },
  batch2: { short: 'Batch of 2', label: 'Batch statistics, test batch of 2', note: 'each prediction depends on its neighbour' },
  batch8: { short: 'Batch of 8', label: 'Batch statistics, test batch of 8', note: 'still noisy estimates' },
  batch60: { short: 'Batch of 60', label: 'Batch statistics, test batch of 60', note: 'as large as a training batch' },
  running0: { short: 'Running, 0.1', label: 'Running averages, momentum 0.1', note: 'PyTorch’s default' },
  running1: { short: 'Running, 0.99', label: 'Running averages, momentum 0.99', note: 'Keras’s default (0.01 in PyTorch’s terms): lags early' },
  population: { short: 'Population', label: 'Population statistics', note: 'BN paper, Alg. 2: averaged over 20 training batches' },
};

/** One row of the table: a case, and its accuracy per BN variant × ε (variant-major). */
export interface InferenceRow {
  readonly id: string;
  /** A few words, for a phone. */
  readonly short: string;
  readonly label: string;
  readonly note: string;
  readonly acc: readonly number[];
}

/** The table for one snapshot: which variants have BN (the columns), the rows, and the plain network's number. */
export interface InferenceTable {
  /** The placements the table was built for (render with these, not a newer run's). */
  readonly placements: readonly Placement[];
  /** Step of the probe the numbers come from, or NaN before the first. */
  readonly step: number;
  /** Indices of the variants with BN, in order: each gets one column per ε. */
  readonly bnVariants: readonly number[];
  readonly rows: readonly InferenceRow[];
  /** The first variant without BN and its accuracy, the same in every case; null when every variant has BN. */
  readonly plain: { readonly v: number; readonly acc: number } | null;
  /** Per BN variant, distinct classes predicted at test batch size 1. */
  readonly classesAtOne: readonly number[];
}

/** Builds the table from a snapshot of a run with these placements. */
export function inferenceTable(read: SnapshotReader, placements: readonly Placement[]): InferenceTable {
  const bnVariants = placements.flatMap((p, v) => (p === 'none' ? [] : [v]));
  const plainIndex = placements.indexOf('none');
  const rows = INFER_CASES.map((c, ci) => ({
    id: c.id,
    ...(CASE_TEXT[c.id] ?? { short: c.id, label: c.id, note: '' }),
    acc: bnVariants.flatMap((v) => INFER_EPS.map((_, e) => read.inferAcc(v, ci, e))),
  }));
  const steps = placements.map((_, v) => read.variant(v, 'inferStep')).filter(Number.isFinite);
  return {
    placements,
    step: steps.length > 0 ? Math.max(...steps) : NaN,
    bnVariants,
    rows,
    plain: plainIndex < 0 ? null : { v: plainIndex, acc: read.inferAcc(plainIndex, 0, 0) },
    classesAtOne: bnVariants.map((v) => read.variant(v, 'inferClassesAtOne')),
  };
}

/** The largest |accuracy at ε 1e-3 − accuracy at ε 1e-5| over every row and BN variant (NaN before any). */
export function largestEpsEffect(table: InferenceTable): number {
  let best = NaN;
  for (const row of table.rows) {
    for (let k = 0; k + 1 < row.acc.length; k += INFER_EPS.length) {
      const d = Math.abs(row.acc[k + 1] - row.acc[k]);
      if (Number.isFinite(d) && !(d <= best)) best = d;
    }
  }
  return best;
}
