import { accAt, finalAcc, lossAt, meanAccUpTo, stepsTo } from '../metrics.ts';
import { differenceStandardError, everySeed, isTie, zipSeeds } from '../stats.ts';
import type { Claim } from '../types.ts';
import { bnPaper, maxOverRun, perPair, perSeed, TEST_DIGITS } from './common.ts';

const runs = { plain: bnPaper('none'), bn: bnPaper('before') } as const;
const WHAT =
  'bn-paper (784-100-100-100-10 sigmoid, σ 0.1, batch 60, SGD at lr 0.5), plain and BN before the sigmoid, 3,000 steps, test accuracy on 2,000 digits every 25 steps';

/** The headline: at the same learning rate, BN reaches 85% and 90% test accuracy in far fewer steps. */
export const headlineSteps: Claim<keyof typeof runs> = {
  id: 'headline-steps',
  title: 'BN reaches 90% in fewer steps (same lr)',
  what: WHAT,
  runs,
  numbers: {
    plainTo85: { label: 'plain: first step at 85%', unit: 'step' },
    bnTo85: { label: 'BN: first step at 85%', unit: 'step' },
    plainTo90: { label: 'plain: first step at 90%', unit: 'step' },
    bnTo90: { label: 'BN: first step at 90%', unit: 'step' },
    ratio90: { label: 'plain’s steps to 90% over BN’s', unit: 'ratio' },
  },
  measure: ({ plain, bn }) => {
    const plainTo90 = perSeed(plain, (r) => stepsTo(r, 0.9));
    const bnTo90 = perSeed(bn, (r) => stepsTo(r, 0.9));
    return {
      plainTo85: perSeed(plain, (r) => stepsTo(r, 0.85)),
      bnTo85: perSeed(bn, (r) => stepsTo(r, 0.85)),
      plainTo90,
      bnTo90,
      ratio90: zipSeeds(plainTo90, bnTo90, (p, b) => p / b),
    };
  },
  condition: 'on every seed BN reaches both 85% and 90% at an earlier step than plain',
  holds: (v) => v.plainTo85.every((p, i) => p === null || (v.bnTo85[i] !== null && v.bnTo85[i]! < p)) && everySeed(v.ratio90, (r) => r > 1),
  statement:
    'At the same learning rate, BN first reaches 90% test accuracy at step {bnTo90:range} and plain at step {plainTo90:range}: {ratio90:range} fewer steps. To 85%: {bnTo85} against {plainTo85}.',
  otherwise:
    'At the same learning rate, BN first reaches 90% test accuracy at step {bnTo90:range} and plain at step {plainTo90:range}; BN is not faster on every seed.',
};

/** The early phase, by area: mean test accuracy over the first 500 steps (robust to one digit at a threshold). */
export const headlineEarly: Claim<keyof typeof runs> = {
  id: 'headline-early',
  title: 'BN is ahead over the first 500 steps',
  what: WHAT,
  runs,
  numbers: {
    plainMean500: { label: 'plain: mean test accuracy over steps 0–500', unit: 'accuracy' },
    bnMean500: { label: 'BN: mean test accuracy over steps 0–500', unit: 'accuracy' },
    plainAt500: { label: 'plain: test accuracy at step 500', unit: 'accuracy' },
    bnAt500: { label: 'BN: test accuracy at step 500', unit: 'accuracy' },
  },
  measure: ({ plain, bn }) => ({
    plainMean500: perSeed(plain, (r) => meanAccUpTo(r, 500)),
    bnMean500: perSeed(bn, (r) => meanAccUpTo(r, 500)),
    plainAt500: perSeed(plain, (r) => accAt(r, 500)),
    bnAt500: perSeed(bn, (r) => accAt(r, 500)),
  }),
  condition: 'on every seed BN’s mean test accuracy over the first 500 steps is higher than plain’s',
  holds: (v) => v.bnMean500.every((b, i) => b !== null && v.plainMean500[i] !== null && b > v.plainMean500[i]!),
  statement:
    'Over the first 500 steps BN’s test accuracy averages {bnMean500:range} against plain’s {plainMean500:range}; at step 500, {bnAt500} against {plainAt500}.',
  otherwise: 'Over the first 500 steps BN’s test accuracy averages {bnMean500:range} and plain’s {plainMean500:range}: BN is not ahead on every seed.',
};

/** The end: after 3,000 steps the accuracies tie within the test set's standard error. */
export const headlineFinal: Claim<keyof typeof runs> = {
  id: 'headline-final',
  title: 'After 3,000 steps the accuracies tie',
  what: WHAT,
  runs,
  numbers: {
    plainFinal: { label: 'plain: test accuracy at step 3,000', unit: 'accuracy' },
    bnFinal: { label: 'BN: test accuracy at step 3,000', unit: 'accuracy' },
    difference: { label: 'BN − plain at step 3,000', unit: 'points' },
    twoSe: { label: 'two standard errors of that difference on 2,000 test digits', unit: 'points' },
  },
  measure: ({ plain, bn }) => ({
    plainFinal: perSeed(plain, finalAcc),
    bnFinal: perSeed(bn, finalAcc),
    difference: perPair(bn, plain, (b, p) => finalAcc(b) - finalAcc(p)),
    twoSe: perPair(bn, plain, (b, p) => 2 * differenceStandardError(finalAcc(b), finalAcc(p), TEST_DIGITS)),
  }),
  condition: 'the median difference is within two standard errors of the 2,000-digit test set (a tie)',
  holds: (_v, s) => s.difference.median !== null && s.twoSe.median !== null && isTie(s.difference.median, s.twoSe.median / 2),
  statement:
    'By step 3,000 the two tie: BN {bnFinal:range}, plain {plainFinal:range}. The difference, {difference:range}, is inside two standard errors of a 2,000-digit test set (±{twoSe}).',
  otherwise: 'At step 3,000 BN scores {bnFinal:range} and plain {plainFinal:range}: a difference of {difference:range}, beyond two standard errors (±{twoSe}).',
};

/** The end, by loss: BN's test loss is higher after 3,000 steps. */
export const headlineFinalLoss: Claim<keyof typeof runs> = {
  id: 'headline-final-loss',
  title: 'BN’s final test loss is higher',
  what: WHAT,
  runs,
  numbers: {
    plainLoss: { label: 'plain: test loss at step 3,000', unit: 'value' },
    bnLoss: { label: 'BN: test loss at step 3,000', unit: 'value' },
  },
  measure: ({ plain, bn }) => ({ plainLoss: perSeed(plain, (r) => lossAt(r, 3000)), bnLoss: perSeed(bn, (r) => lossAt(r, 3000)) }),
  condition: 'on every seed BN’s test loss at step 3,000 is higher than plain’s',
  holds: (v) => v.bnLoss.every((b, i) => b !== null && v.plainLoss[i] !== null && b > v.plainLoss[i]!),
  statement: 'BN’s test loss ends higher, {bnLoss:range} against {plainLoss:range}:',
  otherwise: 'At step 3,000 BN’s test loss is {bnLoss:range} and plain’s {plainLoss:range}; neither is higher on every seed.',
};

/** Why plain lags: an early plateau from the small initialization, not saturation. */
export const headlinePlateau: Claim<keyof typeof runs> = {
  id: 'headline-plateau',
  title: 'Plain’s lag is an early plateau, not saturation',
  what: WHAT + '; saturated: |sigmoid input| > 4, on the 24-digit probe batch every 100 steps',
  runs,
  numbers: {
    plainAt100: { label: 'plain: test accuracy at step 100', unit: 'accuracy' },
    bnAt100: { label: 'BN: test accuracy at step 100', unit: 'accuracy' },
    plainSaturated23: { label: 'plain: largest saturated share of layers 2–3 over the run', unit: 'share' },
  },
  measure: ({ plain, bn }) => ({
    plainAt100: perSeed(plain, (r) => accAt(r, 100)),
    bnAt100: perSeed(bn, (r) => accAt(r, 100)),
    plainSaturated23: perSeed(plain, (r) => maxOverRun(r, [1, 2], 'saturated')),
  }),
  condition: 'on every seed plain is below 25% at step 100 and its layers 2–3 never pass 1% saturated',
  holds: (v) => everySeed(v.plainAt100, (a) => a < 0.25) && everySeed(v.plainSaturated23, (s) => s < 0.01),
  statement:
    'Plain’s lag is an early plateau, not saturation: at step 100 it scores {plainAt100:range} (chance is 10%) while BN already scores {bnAt100:range}, and plain’s layers 2 and 3 are never more than {plainSaturated23:max} saturated.',
  otherwise: 'At step 100 plain scores {plainAt100:range} and BN {bnAt100:range}; plain’s layers 2 and 3 reach {plainSaturated23:max} saturated.',
};

/** The BN paper's regularization remark, tested: the train − test gap at step 3,000. */
export const regularizationGap: Claim<keyof typeof runs> = {
  id: 'regularization-gap',
  title: 'Does BN narrow the train − test gap?',
  what: WHAT + '; train accuracy on the first 2,000 training digits',
  runs,
  numbers: {
    plainGap: { label: 'plain: train − test accuracy at step 3,000', unit: 'points' },
    bnGap: { label: 'BN: train − test accuracy at step 3,000', unit: 'points' },
  },
  measure: ({ plain, bn }) => ({ plainGap: perSeed(plain, (r) => r.trainAcc - finalAcc(r)), bnGap: perSeed(bn, (r) => r.trainAcc - finalAcc(r)) }),
  condition: 'on every seed BN’s train − test gap is smaller than plain’s (a regularizing effect)',
  holds: (v) => v.bnGap.every((b, i) => b !== null && v.plainGap[i] !== null && b < v.plainGap[i]!),
  statement: 'BN’s train − test gap at step 3,000 is smaller: {bnGap:range} against plain’s {plainGap:range}.',
  otherwise: 'No regularizing effect shows at our scale: at step 3,000 BN’s train − test gap is {bnGap:range} against plain’s {plainGap:range}.',
};
