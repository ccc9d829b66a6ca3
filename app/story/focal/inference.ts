import { formatValue } from '../../../src/claims/index.ts';
import type { VariantStat } from '../../../src/experiment/index.ts';
import type { History } from '../../history/History.ts';
import { textWidth } from './fitText.ts';
import { probeSeries, type SeriesPoint } from './probeSeries.ts';

/** One way of normalizing at test time, as the chart draws it. */
export interface InferLine {
  readonly id: 'batch1' | 'batch2' | 'batch8' | 'batch60' | 'running' | 'keras' | 'population';
  readonly key: VariantStat;
  /** The same with Keras's ε (1e-3) instead of PyTorch's (1e-5). */
  readonly keyEps3: VariantStat;
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
  { id: 'batch1', key: 'accBatch1', keyEps3: 'accBatch1Eps3', label: 'batch of 1', short: 'batch 1', family: 'batch', dash: '2 5' },
  { id: 'batch2', key: 'accBatch2', keyEps3: 'accBatch2Eps3', label: 'batch of 2', short: 'batch 2', family: 'batch', dash: '7 5' },
  { id: 'batch8', key: 'accBatch8', keyEps3: 'accBatch8Eps3', label: 'batch of 8', short: 'batch 8', family: 'batch', dash: '14 5' },
  { id: 'batch60', key: 'accBatch60', keyEps3: 'accBatch60Eps3', label: 'batch of 60', short: 'batch 60', family: 'batch', dash: '' },
  { id: 'running', key: 'accRunning', keyEps3: 'accRunningEps3', label: 'running, PyTorch 0.1', short: 'PyTorch', family: 'fixed', dash: '' },
  { id: 'keras', key: 'accRunningKeras', keyEps3: 'accRunningKerasEps3', label: 'running, Keras 0.99', short: 'Keras', family: 'keras', dash: '' },
  { id: 'population', key: 'accPopulation', keyEps3: 'accPopulationEps3', label: 'population', short: 'population', family: 'fixed', dash: '9 4 2 4' },
];

/** One inference probe: the accuracy per line (in INFER_LINES order, ε 1e-5 and 1e-3), the classes a batch of 1 predicts, its cost. */
export interface InferProbe {
  readonly acc: readonly number[];
  readonly accEps3: readonly number[];
  readonly classesAtOne: number;
  readonly ms: number;
}

/** A variant's inference probes over the run, one point per probe (the first at step 0). */
export function inferSeries(h: History, v: number): SeriesPoint<InferProbe>[] {
  return probeSeries(h, v, 'inferStep', (r) => ({
    acc: INFER_LINES.map((l) => r.variant(l.key)),
    accEps3: INFER_LINES.map((l) => r.variant(l.keyEps3)),
    classesAtOne: r.variant('inferClassesAtOne'),
    ms: r.variant('inferMs'),
  }));
}

/** A probe's accuracy on one line. */
const at = (p: SeriesPoint<InferProbe>, id: InferLine['id']) => p.value.acc[INFER_LINES.findIndex((l) => l.id === id)];

/** An accuracy as the claims print it: "87.3%". */
export const pct = (v: number): string => (Number.isFinite(v) ? formatValue(v, 'accuracy') : '—');

/** What a line's end says: "batch of 60: 86.7%" ("batch 60: 86.7%" when compact). */
export function inferEndLabel(line: InferLine, acc: number, compact = false): string {
  return `${compact ? line.short : line.label}: ${pct(acc)}`;
}

/**
 * What the chart writes under the batch-of-1 label: what it predicts, as long as fits in `room` pixels ("one
 * class for every digit", or "one class"), or null before a probe.
 */
export function oneDigitNote(classesAtOne: number, room: number, font: number): string | null {
  if (!Number.isFinite(classesAtOne)) return null;
  const what = classesAtOne === 1 ? 'one class for every digit' : `${classesAtOne} classes`;
  const options = [what, classesAtOne === 1 ? 'one class' : what];
  return options.find((t) => textWidth(t, font) <= room) ?? options[options.length - 1];
}

/** The step at which the inference-momentum claim compares Keras's running averages with PyTorch's. */
export const KERAS_STEP = 50;

/** Keras's and PyTorch's running averages at one probe, and whether Keras's lag by more than 20 points. */
export interface KerasLag {
  readonly step: number;
  readonly keras: number;
  readonly torch: number;
  readonly lags: boolean;
}

/** Both momentum conventions at the claim's step (KERAS_STEP), or null before the run has probed it. */
export function kerasLag(series: readonly SeriesPoint<InferProbe>[], step = KERAS_STEP): KerasLag | null {
  const p = series.find((q) => q.step === step);
  if (p === undefined) return null;
  const keras = at(p, 'keras');
  const torch = at(p, 'running');
  return { step, keras, torch, lags: torch - keras > 0.2 };
}

/** The run's sentence, and whether it agrees with each claim's condition over the seeds (null: not yet known). */
export interface InferRunLine {
  readonly text: string;
  readonly batchAgrees: boolean | null;
  readonly momentumAgrees: boolean | null;
}

/**
 * This run's numbers: "Here: 8.5%; Keras at step 50: 9.2%." The batch claim agrees when a batch of 1 predicts a single class and
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
  const momentumAgrees = lag === null ? null : lag.keras < 0.3 && lag.torch > 0.6;
  return { text, batchAgrees, momentumAgrees };
}

/**
 * What Keras's ε (1e-3) does at a probe against PyTorch's (1e-5): the largest change of accuracy over the
 * lines, in words ("In this run at step 300, ε 1e-3 instead of 1e-5 changes BN's accuracy by at most 0.4
 * points (population)"), or null without a probe.
 */
export function epsLine(p: SeriesPoint<InferProbe> | undefined): string | null {
  if (p === undefined) return null;
  let worst = -1;
  let at = 0;
  INFER_LINES.forEach((_, i) => {
    const d = Math.abs(p.value.accEps3[i] - p.value.acc[i]);
    if (Number.isFinite(d) && d > worst) [worst, at] = [d, i];
  });
  if (worst < 0) return null;
  return `In this run at step ${p.step.toLocaleString('en-US')}, ε 1e-3 instead of 1e-5 changes BN’s accuracy by at most ${(100 * worst).toFixed(1)} points (${INFER_LINES[at].label}).`;
}
