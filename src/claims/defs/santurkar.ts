import { finalAcc, stepsTo } from '../metrics.ts';
import { layerAt, variantAt, type VariantRecord } from '../record.ts';
import { everySeed, zipSeeds, type PerSeed } from '../stats.ts';
import type { Claim, NumberSpec, RunSpec } from '../types.ts';
import { bnPaper, layerStatAt, meanOverCheckpoints, perSeed } from './common.ts';

const LAYERS = [0, 1, 2] as const;
const shiftAt3000 = (layer: number, key: 'shiftSpreadAvg' | 'shiftLocationAvg') => (r: VariantRecord) => layerStatAt(r, 3000, layer, key);

/** The smallest, over layers, of a's shift over b's, per seed. */
function minRatio(a: readonly VariantRecord[], b: readonly VariantRecord[], key: 'shiftSpreadAvg' | 'shiftLocationAvg'): PerSeed {
  return a.map((r, i) => Math.min(...LAYERS.map((l) => shiftAt3000(l, key)(r) / shiftAt3000(l, key)(b[i]))));
}

const perLayer = (who: string, prefix: string, what: string, unit: NumberSpec['unit']): Record<string, NumberSpec> =>
  Object.fromEntries(LAYERS.map((l) => [`${prefix}${l + 1}`, { label: `${who}: layer ${l + 1} ${what}`, unit }]));

const NOISY_WHAT =
  'noisy-bn: the bn-paper network (lr 0.5), plain, BN and noisy BN (BN before the sigmoid plus noise of a random shift and scale per unit, redrawn every step; NOISE in src/engine/noisyBn.ts), 3,000 steps; shift of each hidden layer’s sigmoid inputs on the 24-digit probe batch per 100 steps, averaged from step 100';

/** Noisy BN: more input shift than plain, on purpose, in every layer. */
export const noisyShift: Claim<'plain' | 'noisy'> = {
  id: 'noisy-shift',
  title: 'Noisy BN shifts its layer inputs more than plain',
  what: NOISY_WHAT,
  runs: { plain: bnPaper('none'), noisy: bnPaper('noisy') },
  numbers: {
    ...perLayer('plain', 'plainSpread', 'spread change per 100 steps', 'share'),
    ...perLayer('noisy BN', 'noisySpread', 'spread change per 100 steps', 'share'),
    ...perLayer('plain', 'plainLocation', 'mean move per 100 steps, in σ', 'value'),
    ...perLayer('noisy BN', 'noisyLocation', 'mean move per 100 steps, in σ', 'value'),
    minSpreadRatio: { label: 'smallest ratio, over layers, of noisy BN’s spread change to plain’s', unit: 'ratio' },
    minLocationRatio: { label: 'smallest ratio, over layers, of noisy BN’s mean move to plain’s', unit: 'ratio' },
  },
  measure: ({ plain, noisy }) => ({
    ...Object.fromEntries(
      LAYERS.flatMap((l) => [
        [`plainSpread${l + 1}`, perSeed(plain, shiftAt3000(l, 'shiftSpreadAvg'))],
        [`noisySpread${l + 1}`, perSeed(noisy, shiftAt3000(l, 'shiftSpreadAvg'))],
        [`plainLocation${l + 1}`, perSeed(plain, shiftAt3000(l, 'shiftLocationAvg'))],
        [`noisyLocation${l + 1}`, perSeed(noisy, shiftAt3000(l, 'shiftLocationAvg'))],
      ]),
    ),
    minSpreadRatio: minRatio(noisy, plain, 'shiftSpreadAvg'),
    minLocationRatio: minRatio(noisy, plain, 'shiftLocationAvg'),
  }),
  condition: 'on every seed and in every hidden layer noisy BN’s inputs shift more than plain’s, by both measures',
  holds: (v) => everySeed(v.minSpreadRatio, (r) => r > 1) && everySeed(v.minLocationRatio, (r) => r > 1),
  statement:
    'Noisy BN’s layer inputs shift more than the plain network’s, in every layer and by both measures: in layer 3 each unit’s spread changes by {noisySpread3:range} per 100 steps (plain {plainSpread3:range}) and its mean moves {noisyLocation3:range} σ (plain {plainLocation3:range}). Over the layers, noisy BN shifts at least {minSpreadRatio:min} as much in spread and {minLocationRatio:min} as much in location.',
  otherwise:
    'Noisy BN’s layer inputs do not shift more than plain’s everywhere: in layer 3 its spread changes by {noisySpread3:range} per 100 steps (plain {plainSpread3:range}) and its mean moves {noisyLocation3:range} σ (plain {plainLocation3:range}).',
};

/** How noisy BN trains against BN and plain. */
export const noisyTrains: Claim<'plain' | 'bn' | 'noisy'> = {
  id: 'noisy-trains',
  title: 'Noisy BN still trains far faster than plain',
  what: NOISY_WHAT + '; test accuracy every 25 steps',
  runs: { plain: bnPaper('none'), bn: bnPaper('before'), noisy: bnPaper('noisy') },
  numbers: {
    plainTo90: { label: 'plain: first step at 90%', unit: 'step' },
    bnTo90: { label: 'BN: first step at 90%', unit: 'step' },
    noisyTo90: { label: 'noisy BN: first step at 90%', unit: 'step' },
    bnFinal: { label: 'BN: test accuracy at step 3,000', unit: 'accuracy' },
    noisyFinal: { label: 'noisy BN: test accuracy at step 3,000', unit: 'accuracy' },
    plainFinal: { label: 'plain: test accuracy at step 3,000', unit: 'accuracy' },
  },
  measure: ({ plain, bn, noisy }) => ({
    plainTo90: perSeed(plain, (r) => stepsTo(r, 0.9)),
    bnTo90: perSeed(bn, (r) => stepsTo(r, 0.9)),
    noisyTo90: perSeed(noisy, (r) => stepsTo(r, 0.9)),
    bnFinal: perSeed(bn, finalAcc),
    noisyFinal: perSeed(noisy, finalAcc),
    plainFinal: perSeed(plain, finalAcc),
  }),
  condition: 'on every seed noisy BN reaches 90% before plain does',
  holds: (v) => v.noisyTo90.every((n, i) => n !== null && (v.plainTo90[i] === null || n < v.plainTo90[i]!)),
  statement:
    'Yet noisy BN reaches 90% at step {noisyTo90:range}, against BN’s {bnTo90:range} and plain’s {plainTo90:range}, and ends at {noisyFinal:range} (BN {bnFinal:range}, plain {plainFinal:range}).',
  otherwise: 'Noisy BN reaches 90% at step {noisyTo90:range}, against BN’s {bnTo90:range} and plain’s {plainTo90:range}: not before plain on every seed.',
};

const probeRun = (placement: RunSpec['placement']): RunSpec => ({
  preset: 'bn-paper',
  config: { probeEvery: 50 },
  placement,
  steps: 1000,
  checkpointEvery: 50,
});
const PROBE_WHAT =
  'bn-paper (lr 0.5), plain and BN, landscape probes every 50 steps over the first 1,000 (Santurkar et al., 2018): per layer ‖G − G′‖ and cos(G, G′), G the layer’s gradient and G′ the same after the layers below take their step; along the gradient, η from 0.5 to 4 times the step';
const meanIcs = (layer: number, key: 'icsDiff' | 'icsCos') => (r: VariantRecord) => meanOverCheckpoints(r, 0, 1000, (c) => layerAt(r, c, layer, key));

/** Santurkar et al.'s measure of internal covariate shift, per layer. */
export const icsClaim: Claim<'plain' | 'bn'> = {
  id: 'ics-gradient',
  title: 'By Santurkar’s measure BN shifts at least as much',
  what: PROBE_WHAT,
  runs: { plain: probeRun('none'), bn: probeRun('before') },
  numbers: {
    ...perLayer('plain', 'plainDiff', 'mean ‖G − G′‖', 'value'),
    ...perLayer('BN', 'bnDiff', 'mean ‖G − G′‖', 'value'),
    ...perLayer('plain', 'plainCos', 'mean cos(G, G′)', 'value'),
    ...perLayer('BN', 'bnCos', 'mean cos(G, G′)', 'value'),
  },
  measure: ({ plain, bn }) =>
    Object.fromEntries(
      LAYERS.flatMap((l) => [
        [`plainDiff${l + 1}`, perSeed(plain, meanIcs(l, 'icsDiff'))],
        [`bnDiff${l + 1}`, perSeed(bn, meanIcs(l, 'icsDiff'))],
        [`plainCos${l + 1}`, perSeed(plain, meanIcs(l, 'icsCos'))],
        [`bnCos${l + 1}`, perSeed(bn, meanIcs(l, 'icsCos'))],
      ]),
    ),
  condition: 'in layers 2 and 3, BN’s median ‖G − G′‖ is at least plain’s (layer 1 has no layer below it to shift)',
  holds: (_v, s) => [2, 3].every((l) => (s[`bnDiff${l}`].median ?? 0) >= (s[`plainDiff${l}`].median ?? Infinity)),
  statement:
    'By Santurkar et al.’s measure, BN does not reduce internal covariate shift: in layer 3 the gradient changes by ‖G − G′‖ = {bnDiff3:range} with BN against {plainDiff3:range} without. The angle tells another story: BN’s gradient turns less, cos(G, G′) = {bnCos3:range} against {plainCos3:range}.',
  otherwise:
    'By Santurkar et al.’s measure, in layer 3 the gradient changes by ‖G − G′‖ = {bnDiff3:range} with BN against {plainDiff3:range} without, and cos(G, G′) is {bnCos3:range} against {plainCos3:range}.',
};

/** The loss landscape along the gradient: BN's is smoother, by how much. */
export const smoothnessClaim: Claim<'plain' | 'bn'> = {
  id: 'smoothness',
  title: 'BN’s landscape is smoother along the gradient',
  what: PROBE_WHAT,
  runs: { plain: probeRun('none'), bn: probeRun('before') },
  numbers: {
    plainBeta: { label: 'plain: mean effective β-smoothness', unit: 'value' },
    bnBeta: { label: 'BN: mean effective β-smoothness', unit: 'value' },
    betaRatio: { label: 'plain’s mean β-smoothness over BN’s', unit: 'ratio' },
    rougherShare: { label: 'share of probes at which plain’s β-smoothness is above BN’s', unit: 'share' },
    plainLossRange: { label: 'plain: mean range of the loss along the gradient', unit: 'value' },
    bnLossRange: { label: 'BN: mean range of the loss along the gradient', unit: 'value' },
  },
  measure: ({ plain, bn }) => {
    const beta = (r: VariantRecord) => meanOverCheckpoints(r, 0, 1000, (c) => variantAt(c, 'betaSmooth'));
    const range = (r: VariantRecord) => meanOverCheckpoints(r, 0, 1000, (c) => variantAt(c, 'lossHi') - variantAt(c, 'lossLo'));
    const plainBeta = perSeed(plain, beta);
    const bnBeta = perSeed(bn, beta);
    return {
      plainBeta,
      bnBeta,
      betaRatio: zipSeeds(plainBeta, bnBeta, (p, b) => p / b),
      rougherShare: plain.map((p, i) => {
        const pairs = p.checkpoints
          .map((c, k) => [variantAt(c, 'betaSmooth'), variantAt(bn[i].checkpoints[k], 'betaSmooth')])
          .filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
        return pairs.filter(([a, b]) => a > b).length / pairs.length;
      }),
      plainLossRange: perSeed(plain, range),
      bnLossRange: perSeed(bn, range),
    };
  },
  condition: 'on every seed plain’s mean effective β-smoothness is larger than BN’s (a rougher landscape)',
  holds: (v) => everySeed(v.betaRatio, (r) => r > 1),
  statement:
    'Along the gradient BN’s landscape is smoother, though not by much here: plain’s effective β-smoothness averages {betaRatio:range} BN’s, and it is the larger at {rougherShare:range} of the probes. The loss varies over {plainLossRange:range} along plain’s gradient against {bnLossRange:range} along BN’s.',
  otherwise:
    'Along the gradient, plain’s effective β-smoothness averages {betaRatio:range} BN’s (larger at {rougherShare:range} of the probes): not rougher on every seed.',
};
