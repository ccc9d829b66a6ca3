import { formatValue } from '../../../src/claims/index.ts';
import type { History } from '../../history/History.ts';
import { probeSeries, type SeriesPoint } from './probeSeries.ts';

/** One landscape probe along the gradient (Santurkar et al., 2018, §3), and its cost. */
export interface LandscapePoint {
  /** The loss at W − η∇L, lowest and highest over η from 0.5× to 4× the learning rate. */
  readonly lossLo: number;
  readonly lossHi: number;
  /** Effective β-smoothness: the largest gradient change per distance moved. */
  readonly beta: number;
  readonly ms: number;
}

/** A variant's landscape probes over the run, one point per probe (none before the first). */
export function landscapeSeries(h: History, v: number): SeriesPoint<LandscapePoint>[] {
  return probeSeries(h, v, 'probeStep', (r) => ({
    lossLo: r.variant('lossLo'),
    lossHi: r.variant('lossHi'),
    beta: r.variant('betaSmooth'),
    ms: r.variant('probeMs'),
  })).filter((p) => Number.isFinite(p.value.beta) && Number.isFinite(p.value.lossHi));
}

/** A variant's probes summed up as the claim does: the mean β-smoothness and the mean loss range (hi − lo). */
export interface LandscapeSummary {
  readonly probes: number;
  readonly meanBeta: number;
  readonly meanRange: number;
}

/** The mean β-smoothness and loss range over a variant's probes (NaN without any). */
export function summarize(series: readonly SeriesPoint<LandscapePoint>[]): LandscapeSummary {
  const n = series.length;
  const sum = (f: (p: LandscapePoint) => number) => series.reduce((s, p) => s + f(p.value), 0);
  return { probes: n, meanBeta: n === 0 ? NaN : sum((p) => p.beta) / n, meanRange: n === 0 ? NaN : sum((p) => p.lossHi - p.lossLo) / n };
}

/** Of the probes both variants made at the same step, how many found plain's β-smoothness the larger. */
export function rougherCount(plain: readonly SeriesPoint<LandscapePoint>[], bn: readonly SeriesPoint<LandscapePoint>[]): { rougher: number; of: number } {
  const byStep = new Map(bn.map((p) => [p.step, p.value.beta]));
  let rougher = 0;
  let of = 0;
  for (const p of plain) {
    const b = byStep.get(p.step);
    if (b === undefined) continue;
    of++;
    if (p.value.beta > b) rougher++;
  }
  return { rougher, of };
}

/** A smoothness or loss range as the claims print a value: "2.2", "0.33". */
export const num = (v: number): string => (Number.isFinite(v) ? formatValue(v, 'value') : '—');

/** A ratio as the claims print it: "1.4×". */
export const ratio = (v: number): string => (Number.isFinite(v) ? formatValue(v, 'ratio') : '—');

/**
 * This run's sentence: plain's mean β-smoothness over BN's, at how many probes plain was the rougher, and the
 * mean loss ranges; `agrees` when the run's ratio is on the same side of 1 as the median over seeds (null
 * before both have probes).
 */
export function smoothRunLine(
  plain: LandscapeSummary,
  bn: LandscapeSummary,
  count: { rougher: number; of: number },
  medianRatio: number | null,
): { text: string; ratio: number; agrees: boolean | null } | null {
  if (plain.probes === 0 || bn.probes === 0) return null;
  const r = plain.meanBeta / bn.meanBeta;
  const text = `Here: ${ratio(r)}, at ${count.rougher} of ${count.of} probes; loss range ${num(plain.meanRange)} vs ${num(bn.meanRange)}.`;
  const agrees = medianRatio === null || !Number.isFinite(r) ? null : r > 1 === medianRatio > 1;
  return { text, ratio: r, agrees };
}

/**
 * Whether BN's gradient turns less or more than plain's when the layers below step, from the medians of
 * cos(G, G′) (1: not turned): a larger cosine turns less. Null when either was not measured.
 */
export function turns(bnCos: number | null, plainCos: number | null): 'less' | 'more' | 'as much' | null {
  if (bnCos === null || plainCos === null || !Number.isFinite(bnCos) || !Number.isFinite(plainCos)) return null;
  return bnCos > plainCos ? 'less' : bnCos < plainCos ? 'more' : 'as much';
}
