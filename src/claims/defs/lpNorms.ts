import { finalAcc, stepsTo } from '../metrics.ts';
import type { VariantRecord } from '../record.ts';

import type { Claim, NumberSpec } from '../types.ts';
import { bnPaper, layerStatAt, perSeed } from './common.ts';

const spread3 = (r: VariantRecord) => layerStatAt(r, 3000, 2, 'shiftSpreadAvg');
const location3 = (r: VariantRecord) => layerStatAt(r, 3000, 2, 'shiftLocationAvg');
const LP_WHAT =
  'lp-norms without probes: the bn-paper network (lr 0.5), plain, BN, ℓ1 and ℓ∞ batch norm before the sigmoid, 3,000 steps, test accuracy every 25 steps; shift of layer 3’s sigmoid inputs per 100 steps on the 24-digit probe batch';

/** ℓp batch norms: more input shift than BN. */
export const lpShift: Claim<'bn' | 'l1' | 'linf' | 'plain'> = {
  id: 'lp-shift',
  title: 'ℓ∞ batch norm shifts layer inputs more than BN',
  what: LP_WHAT,
  runs: { bn: bnPaper('before'), l1: bnPaper('l1-before'), linf: bnPaper('linf-before'), plain: bnPaper('none') },
  numbers: {
    bnSpread3: { label: 'BN: layer-3 spread change per 100 steps', unit: 'share' },
    l1Spread3: { label: 'ℓ1: layer-3 spread change per 100 steps', unit: 'share' },
    linfSpread3: { label: 'ℓ∞: layer-3 spread change per 100 steps', unit: 'share' },
    plainSpread3: { label: 'plain: layer-3 spread change per 100 steps', unit: 'share' },
    bnLocation3: { label: 'BN: layer-3 mean move per 100 steps, in σ', unit: 'value' },
    l1Location3: { label: 'ℓ1: layer-3 mean move per 100 steps, in σ', unit: 'value' },
    linfLocation3: { label: 'ℓ∞: layer-3 mean move per 100 steps, in σ', unit: 'value' },
    plainLocation3: { label: 'plain: layer-3 mean move per 100 steps, in σ', unit: 'value' },
  },
  measure: ({ bn, l1, linf, plain }) => ({
    bnSpread3: perSeed(bn, spread3),
    l1Spread3: perSeed(l1, spread3),
    linfSpread3: perSeed(linf, spread3),
    plainSpread3: perSeed(plain, spread3),
    bnLocation3: perSeed(bn, location3),
    l1Location3: perSeed(l1, location3),
    linfLocation3: perSeed(linf, location3),
    plainLocation3: perSeed(plain, location3),
  }),
  condition: 'on every seed ℓ∞’s layer-3 spread changes more than BN’s',
  holds: (v) => v.linfSpread3.every((x, i) => x !== null && v.bnSpread3[i] !== null && x > v.bnSpread3[i]!),
  statement:
    'ℓ∞ batch norm holds its layer inputs less still than BN: layer 3’s spread changes by {linfSpread3:range} per 100 steps against BN’s {bnSpread3:range} (ℓ1: {l1Spread3:range}; plain: {plainSpread3:range}).',
  otherwise: 'Layer 3’s spread changes by {linfSpread3:range} per 100 steps with ℓ∞ batch norm against BN’s {bnSpread3:range}: not more on every seed.',
};

const final: Record<string, NumberSpec> = {
  plainTo90: { label: 'plain: first step at 90%', unit: 'step' },
  l1To90: { label: 'ℓ1: first step at 90%', unit: 'step' },
  linfTo90: { label: 'ℓ∞: first step at 90%', unit: 'step' },
  plainFinal: { label: 'plain: test accuracy at step 3,000', unit: 'accuracy' },
  l1Final: { label: 'ℓ1: test accuracy at step 3,000', unit: 'accuracy' },
  linfFinal: { label: 'ℓ∞: test accuracy at step 3,000', unit: 'accuracy' },
};

/** How the ℓp norms train: fast at first, and ℓ∞ ends below plain. */
export const lpTrains: Claim<'l1' | 'linf' | 'plain'> = {
  id: 'lp-trains',
  title: 'ℓ∞ batch norm starts fast but ends below plain',
  what: LP_WHAT,
  runs: { l1: bnPaper('l1-before'), linf: bnPaper('linf-before'), plain: bnPaper('none') },
  numbers: final,
  measure: ({ l1, linf, plain }) => ({
    plainTo90: perSeed(plain, (r) => stepsTo(r, 0.9)),
    l1To90: perSeed(l1, (r) => stepsTo(r, 0.9)),
    linfTo90: perSeed(linf, (r) => stepsTo(r, 0.9)),
    plainFinal: perSeed(plain, finalAcc),
    l1Final: perSeed(l1, finalAcc),
    linfFinal: perSeed(linf, finalAcc),
  }),
  condition: 'on every seed ℓ∞ batch norm’s test accuracy at step 3,000 is below plain’s',
  holds: (v) => v.linfFinal.every((x, i) => x !== null && v.plainFinal[i] !== null && x < v.plainFinal[i]!),
  statement:
    'ℓ∞ batch norm, the one that shifts most, is also the one that ends worst: {linfFinal:range} at step 3,000 against plain’s {plainFinal:range}, though it reaches 90% at step {linfTo90:range} (plain {plainTo90:range}). ℓ1 reaches 90% at step {l1To90:range} and ends at {l1Final:range}.',
  otherwise:
    'ℓ∞ batch norm ends at {linfFinal:range} against plain’s {plainFinal:range} at step 3,000, reaching 90% at step {linfTo90:range} (plain {plainTo90:range}); ℓ1 at step {l1To90:range}, ending at {l1Final:range}.',
};
