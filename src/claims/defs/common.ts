import { checkpointAt, layerAt, type VariantRecord } from '../record.ts';
import type { PerSeed } from '../stats.ts';
import type { RunSpec } from '../types.ts';

/** The test set's size (MNIST split: the last 2,000 of 10,000 digits). */
export const TEST_DIGITS = 2000;

/** The BN paper's network on MNIST at lr 0.5, evaluated every 25 steps for 3,000 steps: the story's main pair. */
export function bnPaper(placement: RunSpec['placement'], extra: Partial<RunSpec> = {}): RunSpec {
  return { preset: 'bn-paper', config: { evalEvery: 25 }, placement, steps: 3000, checkpointEvery: 100, trainRows: 2000, ...extra };
}

/** Per seed, f of each seed's record. */
export function perSeed(records: readonly VariantRecord[], f: (r: VariantRecord) => number | null): PerSeed {
  return records.map(f);
}

/** Per seed, f of the pair of records of the same seed. */
export function perPair(a: readonly VariantRecord[], b: readonly VariantRecord[], f: (x: VariantRecord, y: VariantRecord) => number | null): PerSeed {
  return a.map((x, i) => f(x, b[i]));
}

/** The largest value of a layer statistic over the given layers (0-based) and every checkpoint of the run. */
export function maxOverRun(r: VariantRecord, layers: readonly number[], key: Parameters<typeof layerAt>[3]): number {
  let m = -Infinity;
  for (const c of r.checkpoints) for (const l of layers) m = Math.max(m, layerAt(r, c, l, key));
  return m;
}

/** A layer statistic at a recorded step. */
export function layerStatAt(r: VariantRecord, step: number, layer: number, key: Parameters<typeof layerAt>[3]): number {
  return layerAt(r, checkpointAt(r, step), layer, key);
}

/** The mean of a layer statistic over the checkpoints in (from, to], skipping NaN (e.g. before the first probe). */
export function meanOverCheckpoints(r: VariantRecord, from: number, to: number, f: (c: VariantRecord['checkpoints'][number]) => number): number {
  let sum = 0;
  let n = 0;
  for (const c of r.checkpoints) {
    if (c.step <= from || c.step > to) continue;
    const v = f(c);
    if (!Number.isFinite(v)) continue;
    sum += v;
    n++;
  }
  if (n === 0) throw new Error(`no finite value between steps ${from} and ${to}`);
  return sum / n;
}
