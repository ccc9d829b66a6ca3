import { formatValue } from '../../../src/claims/format.ts';
import type { VariantStat } from '../../../src/experiment/snapshot.ts';
import type { History } from '../../history/History.ts';
import { probeSeries, type SeriesPoint } from './probeSeries.ts';

/** One way of normalizing at test time, as the chart draws it. */
export interface InferLine {
  readonly id: 'batch1' | 'batch2' | 'batch8' | 'batch60' | 'running' | 'keras' | 'population';
  readonly key: VariantStat;
  /** What its label says. */
  readonly label: string;
  /** The same, shorter, for a phone. */
  readonly short: string;
  /** Batch statistics share BN's colour; fixed statistics are ink; Keras's lagging averages stand out. */
  readonly family: 'batch' | 'fixed' | 'keras';
  readonly dash: string;
}

/** The lines, in the order of the claim: batch statistics at test batches of 1, 2, 8, 60; running; population. */
export const INFER_LINES: readonly InferLine[] = [
  { id: 'batch1', key: 'accBatch1', label: 'batch of 1', short: 'batch 1', family: 'batch', dash: '2 5' },
  { id: 'batch2', key: 'accBatch2', label: 'batch of 2', short: 'batch 2', family: 'batch', dash: '7 5' },
  { id: 'batch8', key: 'accBatch8', label: 'batch of 8', short: 'batch 8', family: 'batch', dash: '14 5' },
  { id: 'batch60', key: 'accBatch60', label: 'batch of 60', short: 'batch 60', family: 'batch', dash: '' },
  { id: 'running', key: 'accRunning', label: 'running, PyTorch 0.1', short: 'PyTorch', family: 'fixed', dash: '' },
  { id: 'keras', key: 'accRunningKeras', label: 'running, Keras 0.99', short: 'Keras', family: 'keras', dash: '' },
  { id: 'population', key: 'accPopulation', label: 'population', short: 'population', family: 'fixed', dash: '9 4 2 4' },
];

/** One inference probe: the accuracy per line (in INFER_LINES order), the classes a batch of 1 predicts, its cost. */
export interface InferProbe {
  readonly acc: readonly number[];
  readonly classesAtOne: number;
  readonly ms: number;
}

/** A variant's inference probes over the run, one point per probe (the first at step 0). */
export function inferSeries(h: History, v: number): SeriesPoint<InferProbe>[] {
  return probeSeries(h, v, 'inferStep', (r) => ({ acc: INFER_LINES.map((l) => r.variant(l.key)), classesAtOne: r.variant('inferClassesAtOne'), ms: r.variant('inferMs') }));
}

/** An accuracy as the claims print it: "87.3%". */
export const pct = (v: number): string => (Number.isFinite(v) ? formatValue(v, 'accuracy') : '—');

/** What a line's end says: "batch of 60: 86.7%" ("batch 60: 86.7%" when compact). */
export function inferEndLabel(line: InferLine, acc: number, compact = false): string {
  return `${compact ? line.short : line.label}: ${pct(acc)}`;
}

/** What the chart writes on the batch-of-1 line: what it predicts ("one class for every digit"), or null before a probe. */
export function oneDigitNote(classesAtOne: number, compact = false): string | null {
  if (!Number.isFinite(classesAtOne)) return null;
  if (compact) return classesAtOne === 1 ? 'one class' : `${classesAtOne} classes`;
  return classesAtOne === 1 ? 'a test batch of 1: one class for every digit' : `a test batch of 1: ${classesAtOne} classes`;
}

/** Where Keras's running averages lag PyTorch's most, early in the run: the probe and both accuracies. */
export interface KerasLag {
  readonly step: number;
  readonly keras: number;
  readonly torch: number;
}

/** The probe (after step 0) where PyTorch's running averages lead Keras's most, if by more than `least`. */
export function kerasLag(series: readonly SeriesPoint<InferProbe>[], least = 0.2): KerasLag | null {
  const running = INFER_LINES.findIndex((l) => l.id === 'running');
  const keras = INFER_LINES.findIndex((l) => l.id === 'keras');
  let best: KerasLag | null = null;
  for (const p of series) {
    const gap = p.value.acc[running] - p.value.acc[keras];
    if (p.step > 0 && gap > least && (best === null || gap > best.torch - best.keras)) best = { step: p.step, keras: p.value.acc[keras], torch: p.value.acc[running] };
  }
  return best;
}

/** The run's sentence, and whether it agrees with each claim's condition over the seeds (null: not yet known). */
export interface InferRunLine {
  readonly text: string;
  readonly batchAgrees: boolean | null;
  readonly momentumAgrees: boolean | null;
}

const at = (p: SeriesPoint<InferProbe>, id: InferLine['id']) => p.value.acc[INFER_LINES.findIndex((l) => l.id === id)];

/**
 * This run's numbers: "Here: 8.5%; Keras at step 100: 10.8%." The batch claim agrees when a batch of 1 predicts a single class and
 * batches of 2 score below 60; the momentum claim when Keras's averages are below 30% at step 50 and PyTorch's
 * above 60%.
 */
export function inferRunLine(series: readonly SeriesPoint<InferProbe>[]): InferRunLine | null {
  const last = series.at(-1);
  if (last === undefined) return null;
  const classes = last.value.classesAtOne;
  // "One class" is the measured sentence's; the run names its classes only when it has more.
  const one = classes === 1 || !Number.isFinite(classes) ? '' : `, ${classes} classes`;
  const lag = kerasLag(series);
  const lagText = lag === null ? '' : `; Keras at step ${lag.step}: ${pct(lag.keras)}`;
  const text = `Here: ${pct(at(last, 'batch1'))}${one}${lagText}.`;
  const batchAgrees = last.step === 0 ? null : classes === 1 && at(last, 'batch2') < at(last, 'batch60');
  const at50 = series.find((p) => p.step === 50);
  const momentumAgrees = at50 === undefined ? null : at(at50, 'keras') < 0.3 && at(at50, 'running') > 0.6;
  return { text, batchAgrees, momentumAgrees };
}
