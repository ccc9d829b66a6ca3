import type { History } from '../../history/History.ts';

/** One test evaluation of one variant. */
export interface RacePoint {
  readonly step: number;
  readonly acc: number;
}

/**
 * A variant's test evaluations so far, one point per evaluated step, in step order: from the kept rows,
 * then the latest snapshot (the history keeps a row per snapshot, and evaluations come less often).
 */
export function evalSeries(h: History, v: number): RacePoint[] {
  const out: RacePoint[] = [];
  const push = (step: number, acc: number) => {
    if (!Number.isFinite(step) || step < 0 || !Number.isFinite(acc)) return;
    if (out.length > 0 && out[out.length - 1].step >= step) return;
    out.push({ step, acc });
  };
  for (let r = 0; r < h.count; r++) push(h.variantAt(r, v, 'evalStep'), h.variantAt(r, v, 'testAcc'));
  if (h.latest !== null) push(h.variantAt(-1, v, 'evalStep'), h.variantAt(-1, v, 'testAcc'));
  return out;
}

/** The first evaluated step at or above the target accuracy, or null. */
export function firstReach(series: readonly RacePoint[], target: number): number | null {
  return series.find((p) => p.acc >= target)?.step ?? null;
}

/** What a race chart writes beside one variant's line. */
export interface RaceLabel {
  readonly text: string;
  /** Where the label points: the crossing, or the line's end. */
  readonly step: number;
  readonly acc: number;
  readonly kind: 'reached' | 'below';
}

/**
 * The label a variant's line carries: where it crossed the target ("BN before: 90% at step 200"), or,
 * until then, where it is now ("Plain: 18% at step 500").
 */
export function raceLabel(name: string, series: readonly RacePoint[], target: number): RaceLabel | null {
  const reached = firstReach(series, target);
  if (reached !== null)
    return { text: `${name}: ${Math.round(target * 100)}% at step ${reached.toLocaleString('en-US')}`, step: reached, acc: target, kind: 'reached' };
  const last = series.at(-1);
  if (last === undefined) return null;
  return { text: `${name}: ${(last.acc * 100).toFixed(0)}% at step ${last.step.toLocaleString('en-US')}`, step: last.step, acc: last.acc, kind: 'below' };
}

/**
 * Moves labels apart vertically (in pixels) so none overlaps another: each keeps its order and stays as
 * near its wanted position as the gap allows. Returns the placed positions, in input order.
 */
export function spreadLabels(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  const overflow = placed.length > 0 ? placed[placed.length - 1] - bottom : 0;
  if (overflow > 0) for (let k = 0; k < placed.length; k++) placed[k] -= overflow;
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k], top + k * gap);
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = placed[k]));
  return out;
}
