import { finalAcc, stepsTo } from '../metrics.ts';
import { checkpointAt, layerAt, type VariantRecord } from '../record.ts';
import { everySeed, summarize, zipSeeds, type PerSeed } from '../stats.ts';
import type { Claim, NumberSpec, RunSpec } from '../types.ts';
import { perSeed } from './common.ts';

/** The learning rates of the tuned comparison: the bn-paper rate 0.5 × 0.1, 0.3, 1, 3, 10, 30. */
export const TUNED_LRS = [0.05, 0.15, 0.5, 1.5, 5, 15] as const;
/** Most steps of each rate in the tuned comparison. */
const TUNED_STEPS = 1500;

const sweepRun = (placement: RunSpec['placement'], lr: number): RunSpec => ({
  preset: 'bn-paper',
  config: { lr, evalEvery: 25 },
  placement,
  steps: TUNED_STEPS,
  checkpointEvery: TUNED_STEPS,
});
type SweepKey = `plain${number}` | `bn${number}`;
const sweepRuns = Object.fromEntries(
  TUNED_LRS.flatMap((lr, i) => [
    [`plain${i}`, sweepRun('none', lr)],
    [`bn${i}`, sweepRun('before', lr)],
  ]),
) as Record<SweepKey, RunSpec>;

const perRate = (prefix: 'plain' | 'bn', who: string): Record<string, NumberSpec> =>
  Object.fromEntries(TUNED_LRS.map((lr, i) => [`${prefix}At${i}`, { label: `${who}: first step at 90% with lr ${lr}`, unit: 'step' } as NumberSpec]));

/** Index of the rate whose median steps to 90% is smallest (the lower rate on a tie); null if none reached. */
function bestRate(perLr: readonly PerSeed[]): number | null {
  let best: number | null = null;
  let bestMedian = Infinity;
  perLr.forEach((v, i) => {
    const m = summarize(v).median;
    if (m !== null && m < bestMedian) {
      best = i;
      bestMedian = m;
    }
  });
  return best;
}

/** Each network at its own best learning rate: the tuned comparison a lecturer asks for. */
export const headlineTuned: Claim<SweepKey> = {
  id: 'headline-tuned',
  title: 'BN is faster at each one’s best learning rate too',
  what: `bn-paper at lr ${TUNED_LRS.join(', ')}, plain and BN before the sigmoid, up to ${TUNED_STEPS} steps each, test accuracy every 25 steps; each network’s best rate is the one with the fewest median steps to 90%`,
  runs: sweepRuns,
  numbers: {
    ...perRate('plain', 'plain'),
    ...perRate('bn', 'BN'),
    plainBestLr: { label: 'plain’s best learning rate', unit: 'lr' },
    bnBestLr: { label: 'BN’s best learning rate', unit: 'lr' },
    plainBest: { label: 'plain: first step at 90% at its best rate', unit: 'step' },
    bnBest: { label: 'BN: first step at 90% at its best rate', unit: 'step' },
    ratioBest: { label: 'plain’s steps over BN’s, each at its best rate', unit: 'ratio' },
    plainRates: { label: 'rates at which plain reaches 90% (median seed)', unit: 'value' },
    bnRates: { label: 'rates at which BN reaches 90% (median seed)', unit: 'value' },
  },
  measure: (runs) => {
    const at = (prefix: 'plain' | 'bn') => TUNED_LRS.map((_, i) => perSeed(runs[`${prefix}${i}` as SweepKey], (r) => stepsTo(r, 0.9)));
    const plain = at('plain');
    const bn = at('bn');
    const seeds = plain[0].length;
    const constant = (v: number | null) => Array.from({ length: seeds }, () => v);
    const pb = bestRate(plain);
    const bb = bestRate(bn);
    const plainBest = pb === null ? constant(null) : plain[pb];
    const bnBest = bb === null ? constant(null) : bn[bb];
    const reached = (v: readonly PerSeed[]) => constant(v.filter((s) => summarize(s).median !== null).length);
    return {
      ...Object.fromEntries(plain.map((v, i) => [`plainAt${i}`, v])),
      ...Object.fromEntries(bn.map((v, i) => [`bnAt${i}`, v])),
      plainBestLr: constant(pb === null ? null : TUNED_LRS[pb]),
      bnBestLr: constant(bb === null ? null : TUNED_LRS[bb]),
      plainBest,
      bnBest,
      ratioBest: zipSeeds(plainBest, bnBest, (p, b) => p / b),
      plainRates: reached(plain),
      bnRates: reached(bn),
    };
  },
  condition: 'on every seed BN at its best rate reaches 90% in fewer steps than plain at its best rate',
  holds: (v) => everySeed(v.ratioBest, (r) => r > 1),
  statement:
    'Tuned, each at its own best rate (plain {plainBestLr}, BN {bnBestLr}), BN reaches 90% at step {bnBest:range} and plain at step {plainBest:range}: {ratioBest:range} fewer steps. Within 1,500 steps BN reaches 90% at {bnRates} of the 6 rates, plain at {plainRates}.',
  otherwise:
    'Tuned, each at its own best rate (plain {plainBestLr}, BN {bnBestLr}), BN reaches 90% at step {bnBest:range} and plain at step {plainBest:range}; BN is not faster on every seed.',
};

const highLr = (placement: RunSpec['placement']): RunSpec => ({ preset: 'high-lr', config: { evalEvery: 25 }, placement, steps: 1000, checkpointEvery: 100 });
const HIGH_LR_WHAT =
  'high-lr: the bn-paper network at lr 10 (20× bn-paper’s), plain and BN before the sigmoid, 1,000 steps, test accuracy every 25 steps; saturated: |sigmoid input| > 4 on the 24-digit probe batch';

const at1000 = (r: VariantRecord, layer: number, key: Parameters<typeof layerAt>[3]) =>
  r.divergedAt >= 0 ? null : layerAt(r, checkpointAt(r, 1000), layer, key);

/** A rate twenty times larger: plain stalls, BN learns, though its own sigmoids saturate. */
export const highLrClaim: Claim<'plain' | 'bn'> = {
  id: 'high-lr',
  fast: true,
  title: 'At lr 10 BN learns and plain does not',
  what: HIGH_LR_WHAT,
  runs: { plain: highLr('none'), bn: highLr('before') },
  numbers: {
    plainFinal: { label: 'plain: test accuracy at step 1,000', unit: 'accuracy' },
    bnFinal: { label: 'BN: test accuracy at step 1,000', unit: 'accuracy' },
    bnTo90: { label: 'BN: first step at 90%', unit: 'step' },
    plainSaturated: { label: 'plain: saturated share of layer 1 at step 1,000', unit: 'share' },
    bnSaturated3: { label: 'BN: saturated share of layer 3’s sigmoid inputs at step 1,000', unit: 'share' },
    plainMedian3: { label: 'plain: median input of the tracked layer-3 unit at step 1,000', unit: 'value' },
    gap: { label: 'BN − plain at step 1,000', unit: 'points' },
    plainStuck: { label: 'seeds on which plain ends below 20%', unit: 'value' },
  },
  measure: ({ plain, bn }) => ({
    plainFinal: perSeed(plain, finalAcc),
    bnFinal: perSeed(bn, finalAcc),
    bnTo90: perSeed(bn, (r) => stepsTo(r, 0.9)),
    plainSaturated: perSeed(plain, (r) => at1000(r, 0, 'saturated')),
    bnSaturated3: perSeed(bn, (r) => at1000(r, 2, 'saturated')),
    plainMedian3: perSeed(plain, (r) => at1000(r, 2, 'unitP50')),
    gap: plain.map((p, i) => finalAcc(bn[i]) - finalAcc(p)),
    plainStuck: plain.map(() => plain.filter((p) => finalAcc(p) < 0.2).length),
  }),
  condition: 'on every seed BN is above 90% at step 1,000 and at least 40 points above plain',
  holds: (v) => everySeed(v.bnFinal, (a) => a > 0.9) && everySeed(v.gap, (g) => g >= 0.4),
  statement:
    'At lr 10 BN reaches 90% by step {bnTo90:range} and ends at {bnFinal:range}, while plain ends at {plainFinal:range}: near chance (10%) on {plainStuck} of the 5 seeds. BN does not keep the sigmoids out of saturation: {bnSaturated3:range} of its layer-3 sigmoid inputs are saturated. It learns anyway.',
  otherwise: 'At lr 10 plain ends at {plainFinal:range} and BN at {bnFinal:range} after 1,000 steps; BN is not far ahead on every seed.',
};
