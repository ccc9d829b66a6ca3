import { formatValue } from '../../../src/claims/index.ts';
import type { LayerStat } from '../../../src/experiment/index.ts';
import type { History } from '../../history/History.ts';

/** One step of a unit's band: its 15th percentile, median and 85th percentile on the probe batch. */
export interface BandPoint {
  readonly step: number;
  readonly lo: number;
  readonly mid: number;
  readonly hi: number;
}

/** Which of the unit's two quantities: the nonlinearity's input, or z = xW + b before a normalization. */
export type BandOf = 'act' | 'z';

const KEYS: Record<BandOf, readonly [LayerStat, LayerStat, LayerStat]> = {
  act: ['unitP15', 'unitP50', 'unitP85'],
  z: ['zUnitP15', 'zUnitP50', 'zUnitP85'],
};

/**
 * Variant v's tracked unit in hidden layer `layer` (0-based), one point per kept history row and then the
 * latest snapshot when it is newer, in step order; rows without finite percentiles are skipped.
 */
export function unitBand(h: History, v: number, layer: number, of: BandOf): BandPoint[] {
  const nLayers = h.shape?.nLayers ?? 0;
  if (layer < 0 || layer >= nLayers) return [];
  const [kLo, kMid, kHi] = KEYS[of];
  const out: BandPoint[] = [];
  // Row −1 is the latest snapshot.
  const push = (step: number, row: number) => {
    const lo = h.layerAt(row, v, layer, kLo);
    const mid = h.layerAt(row, v, layer, kMid);
    const hi = h.layerAt(row, v, layer, kHi);
    if (![step, lo, mid, hi].every(Number.isFinite)) return;
    if (out.length > 0 && out[out.length - 1].step >= step) return;
    out.push({ step, lo, mid, hi });
  };
  for (let r = 0; r < h.count; r++) push(h.steps[r], r);
  if (h.latest !== null) push(h.latest.step, -1);
  return out;
}

/** How many times wider the band is now than at step 0; null before two points or without a step-0 point. */
export function widening(band: readonly BandPoint[]): number | null {
  const first = band[0];
  const last = band.at(-1);
  if (first === undefined || last === undefined || band.length < 2 || first.step !== 0) return null;
  const w0 = first.hi - first.lo;
  return w0 > 0 ? (last.hi - last.lo) / w0 : null;
}

/** A widening as the claims print a ratio ("52.3×"), so the chart's label and the claim's words agree. */
export function formatWidening(ratio: number): string {
  return formatValue(ratio, 'ratio');
}

/** A symmetric value axis [−d, d] holding every band: d is at least `least`, rounded up to a whole number. */
export function symmetricDomain(bands: readonly (readonly BandPoint[])[], least = 4): [number, number] {
  let d = least;
  for (const b of bands) for (const p of b) d = Math.max(d, Math.ceil(Math.max(Math.abs(p.lo), Math.abs(p.hi))));
  return [-d, d];
}

/** The point of a band nearest to a fraction of its step range (where a label on it is written), or undefined. */
export function pointAt(band: readonly BandPoint[], fraction: number): BandPoint | undefined {
  const last = band.at(-1);
  if (last === undefined) return undefined;
  const step = band[0].step + (last.step - band[0].step) * fraction;
  let best = band[0];
  for (const p of band) if (Math.abs(p.step - step) < Math.abs(best.step - step)) best = p;
  return best;
}

/** The widening the claim's condition asks of plain's band at step 500 (src/claims/defs/shift.ts). */
export const CLAIMED_WIDENING = 3;

/**
 * The claim's sentence about this run: how much plain's band (and BN's z) widened since step 0, and, once
 * the run is done, whether this seed agrees with the measurements (`widens`: whether plain's band widened at
 * least threefold on every measured seed).
 */
export function driftRunLine(plain: number | null, z: number | null, done: boolean, widens: boolean): { text: string; agrees: boolean | null } | null {
  if (plain === null) return null;
  const zPart = z === null ? '' : ` (BN’s z: ${formatWidening(z)})`;
  const text = `This run: ${formatWidening(plain)}${zPart}.`;
  return { text, agrees: done ? plain >= CLAIMED_WIDENING === widens : null };
}
