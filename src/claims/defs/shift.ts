import { accAt, stepsTo } from '../metrics.ts';
import type { VariantRecord } from '../record.ts';
import { everySeed, zipSeeds } from '../stats.ts';
import type { Claim } from '../types.ts';
import { bnPaper, layerStatAt, perSeed } from './common.ts';

const WHAT = 'bn-paper (lr 0.5), 3,000 steps; inputs to the sigmoid of layer 3 on a fixed 24-digit probe batch, every 100 steps';
/** Width of the tracked unit's 15th–85th percentile band at a step (layer 3). */
const band = (r: VariantRecord, step: number) => layerStatAt(r, step, 2, 'unitP85') - layerStatAt(r, step, 2, 'unitP15');
/** The layer's input shift per 100 steps, averaged from step 100 to 3,000 (inputShift.ts). */
const spread = (layer: number) => (r: VariantRecord) => layerStatAt(r, 3000, layer, 'shiftSpreadAvg');
const location = (layer: number) => (r: VariantRecord) => layerStatAt(r, 3000, layer, 'shiftLocationAvg');

/** Without BN, a layer's inputs move as the layers below learn: internal covariate shift, measured. */
export const shiftPlain: Claim<'plain'> = {
  id: 'shift-plain',
  title: 'Without BN, layer 3’s inputs drift and widen',
  what: WHAT,
  runs: { plain: bnPaper('none') },
  numbers: {
    median0: { label: 'tracked unit’s median input at step 0', unit: 'value' },
    median500: { label: 'tracked unit’s median input at step 500', unit: 'value' },
    band0: { label: 'tracked unit’s 15th–85th percentile band width at step 0', unit: 'value' },
    band500: { label: 'its band width at step 500', unit: 'value' },
    band3000: { label: 'its band width at step 3,000', unit: 'value' },
    widening500: { label: 'band width at step 500 over step 0', unit: 'ratio' },
    spread3: { label: 'layer 3: change of each unit’s spread per 100 steps, |Δ ln σ|', unit: 'share' },
    location3: { label: 'layer 3: move of each unit’s mean per 100 steps, in σ', unit: 'value' },
  },
  measure: ({ plain }) => {
    const band0 = perSeed(plain, (r) => band(r, 0));
    const band500 = perSeed(plain, (r) => band(r, 500));
    return {
      median0: perSeed(plain, (r) => layerStatAt(r, 0, 2, 'unitP50')),
      median500: perSeed(plain, (r) => layerStatAt(r, 500, 2, 'unitP50')),
      band0,
      band500,
      band3000: perSeed(plain, (r) => band(r, 3000)),
      widening500: zipSeeds(band500, band0, (a, b) => a / b),
      spread3: perSeed(plain, spread(2)),
      location3: perSeed(plain, location(2)),
    };
  },
  condition: 'on every seed the tracked unit’s band is at least 3 times wider at step 500 than at step 0',
  holds: (v) => everySeed(v.widening500, (w) => w >= 3),
  statement:
    'Without BN the last hidden layer’s inputs do not hold still. The tracked unit’s 15th–85th percentile band is {band0:range} wide at step 0 and {band500:range} at step 500 ({widening500:range} wider), and {band3000} by step 3,000. Across the layer, each unit’s spread changes by {spread3:range} and its mean moves {location3:range} σ per 100 steps.',
  otherwise: 'Without BN the tracked unit’s band is {band0:range} wide at step 0 and {band500:range} at step 500; it does not widen threefold on every seed.',
};

/**
 * BN after the sigmoid: the sigmoid's inputs are not normalized, so they move more than BN-before's normalized
 * ones; the network still trains faster than plain.
 */
export const shiftBnAfter: Claim<'plain' | 'after' | 'bn'> = {
  id: 'shift-bn-after',
  title: 'BN after the sigmoid: unnormalized sigmoid inputs, still fast',
  what: WHAT + '; plain, BN before and BN after the sigmoid (the sigmoid then sees z = xW + b unnormalized), test accuracy every 25 steps',
  runs: { plain: bnPaper('none'), after: bnPaper('after'), bn: bnPaper('before') },
  numbers: {
    bnSpread3: { label: 'BN before: layer-3 spread change per 100 steps (its normalized output)', unit: 'share' },
    plainSpread3: { label: 'plain: layer-3 spread change per 100 steps', unit: 'share' },
    afterSpread3: { label: 'BN after: layer-3 spread change per 100 steps', unit: 'share' },
    plainLocation3: { label: 'plain: layer-3 mean move per 100 steps, in σ', unit: 'value' },
    afterLocation3: { label: 'BN after: layer-3 mean move per 100 steps, in σ', unit: 'value' },
    spreadRatio: { label: 'BN after’s layer-3 spread change over plain’s', unit: 'ratio' },
    plainTo90: { label: 'plain: first step at 90%', unit: 'step' },
    afterTo90: { label: 'BN after: first step at 90%', unit: 'step' },
    plainAt500: { label: 'plain: test accuracy at step 500', unit: 'accuracy' },
    afterAt500: { label: 'BN after: test accuracy at step 500', unit: 'accuracy' },
  },
  measure: ({ plain, after, bn }) => {
    const plainSpread3 = perSeed(plain, spread(2));
    const afterSpread3 = perSeed(after, spread(2));
    return {
      bnSpread3: perSeed(bn, spread(2)),
      plainSpread3,
      afterSpread3,
      plainLocation3: perSeed(plain, location(2)),
      afterLocation3: perSeed(after, location(2)),
      spreadRatio: zipSeeds(afterSpread3, plainSpread3, (a, p) => a / p),
      plainTo90: perSeed(plain, (r) => stepsTo(r, 0.9)),
      afterTo90: perSeed(after, (r) => stepsTo(r, 0.9)),
      plainAt500: perSeed(plain, (r) => accAt(r, 500)),
      afterAt500: perSeed(after, (r) => accAt(r, 500)),
    };
  },
  condition: 'on every seed BN after the sigmoid reaches 90% before plain, while its layer-3 sigmoid inputs shift more than BN before’s normalized ones',
  holds: (v) =>
    v.afterSpread3.every((a, i) => a !== null && v.bnSpread3[i] !== null && a > v.bnSpread3[i]!) &&
    v.afterTo90.every((a, i) => a !== null && (v.plainTo90[i] === null || a < v.plainTo90[i]!)),
  statement:
    'With BN after the sigmoid, the sigmoid’s own inputs are not normalized: layer 3’s spread changes by {afterSpread3:range} per 100 steps, more than BN before’s {bnSpread3:range}, though less than plain’s {plainSpread3:range} ({spreadRatio} of it). Yet it reaches 90% at step {afterTo90:range}, plain at {plainTo90:range}.',
  otherwise:
    'With BN after the sigmoid, layer 3’s spread changes by {afterSpread3:range} per 100 steps (BN before: {bnSpread3:range}; plain: {plainSpread3:range}); it reaches 90% at step {afterTo90:range}, plain at {plainTo90:range}.',
};

/** BN before the sigmoid: its output's batch mean and spread are β and γ by construction, and γ grows. */
export const shiftBnGamma: Claim<'bn'> = {
  id: 'shift-bn-gamma',
  title: 'BN’s own output widens as γ grows',
  what: WHAT + '; BN before the sigmoid, whose output on a training-mode batch has mean β and standard deviation ≈ γ per unit',
  runs: { bn: bnPaper('before') },
  numbers: {
    band100: { label: 'tracked unit’s band width at step 100', unit: 'value' },
    band3000: { label: 'tracked unit’s band width at step 3,000', unit: 'value' },
    gamma3000: { label: 'tracked unit’s γ at step 3,000', unit: 'value' },
    beta3000: { label: 'tracked unit’s β at step 3,000', unit: 'value' },
  },
  measure: ({ bn }) => ({
    band100: perSeed(bn, (r) => band(r, 100)),
    band3000: perSeed(bn, (r) => band(r, 3000)),
    gamma3000: perSeed(bn, (r) => layerStatAt(r, 3000, 2, 'unitGamma')),
    beta3000: perSeed(bn, (r) => layerStatAt(r, 3000, 2, 'unitBeta')),
  }),
  condition: 'on every seed the tracked unit’s band is wider at step 3,000 than at step 100',
  holds: (v) => v.band3000.every((b, i) => b !== null && v.band100[i] !== null && b > v.band100[i]!),
  statement:
    'Even BN’s output moves: the network learns to undo part of the standardization. The tracked unit’s band widens from {band100:range} at step 100 to {band3000:range} at step 3,000, as its γ grows to {gamma3000:range} and β moves to {beta3000:range}.',
  otherwise: 'BN’s tracked unit’s band is {band100:range} wide at step 100 and {band3000:range} at step 3,000 (γ {gamma3000:range}).',
};
