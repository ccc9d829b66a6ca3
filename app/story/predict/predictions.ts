import { claimHolds, measured, measuredText } from '../../../src/claims/index.ts';
import { fewerSteps } from '../focal/scalingStory.ts';
import type { SectionId } from '../sections.ts';

/** One choice of a prediction. */
export interface Choice {
  readonly id: string;
  readonly text: string;
}

/** A question asked before a section's demo runs, with the answer the measurements support. */
export interface Prediction {
  readonly question: string;
  readonly choices: readonly Choice[];
  /** The choice the measurements (over seeds) support. */
  answer(): string;
  /** One line on why, from the measurements. */
  why(): string;
  /** How the answer is marked once revealed (default: "measured"). */
  readonly answerMark?: string;
}

const median = (claim: string, name: string) => measured(claim, name).median;

/** Where noisy BN's median steps to 90% falls: about BN's, between BN's and plain's, or plain's or worse. */
function noisyBand(): string {
  const noisy = median('noisy-trains', 'noisyTo90');
  const bn = median('noisy-trains', 'bnTo90');
  const plain = median('noisy-trains', 'plainTo90');
  if (noisy === null || (plain !== null && noisy >= plain)) return 'plain';
  if (bn !== null && noisy <= 1.5 * bn) return 'bn';
  return 'between';
}

/** The prediction each section opens with (the opening section runs at once, as a first picture). */
export const PREDICTIONS: Partial<Record<SectionId, Prediction>> = {
  scaling: {
    question: 'Each plot descends from the same start at its best learning rate. Which reaches the minimum in fewer steps?',
    choices: [
      { id: 'raw', text: 'Raw features' },
      { id: 'same', text: 'About the same' },
      { id: 'std', text: 'Standardized features' },
    ],
    answer: () => ({ raw: 'raw', same: 'same', standardized: 'std' })[fewerSteps()],
    why: () => 'The steep side caps the raw rate, so the floor crawls; standardized, one rate fits both.',
  },
  shift: {
    question: 'Without BN, what do one unit’s inputs do in training?',
    choices: [
      { id: 'still', text: 'They stay where they started' },
      { id: 'move', text: 'They move and widen' },
      { id: 'shrink', text: 'They shrink towards 0' },
    ],
    answer: () => ((median('shift-plain', 'widening500') ?? 1) >= 3 ? 'move' : 'still'),
    why: () => (claimHolds('shift-plain') ? 'The layers below keep changing what they pass up.' : measuredText('{shift-plain}')),
  },
  transform: {
    question: 'y starts at batch mean 0, spread 1 (γ = 1, β = 0). Does it stay there?',
    choices: [
      { id: 'fixed', text: 'Yes: BN holds it there' },
      { id: 'moves', text: 'No: it moves' },
    ],
    answer: () => ((median('shift-bn-gamma', 'band3000') ?? 0) > (median('shift-bn-gamma', 'band100') ?? 0) ? 'moves' : 'fixed'),
    why: () => (claimHolds('shift-bn-gamma') ? 'BN fixes only x̂. γ and β are learned, and they move y.' : measuredText('{shift-bn-gamma}')),
  },
  bias: {
    question: 'The layer before BN has a bias b. How large is b’s gradient?',
    choices: [
      { id: 'same', text: 'As large as in plain' },
      { id: 'smaller', text: 'Smaller, but there' },
      { id: 'zero', text: 'Zero, up to rounding' },
    ],
    answer: () => 'zero',
    why: () => 'By construction.',
  },
  inference: {
    question: 'One test digit, normalized by its own mean and variance: what does BN predict?',
    choices: [
      { id: 'fine', text: 'Like a batch of 60' },
      { id: 'worse', text: 'A little worse' },
      { id: 'one', text: 'One class for every digit' },
    ],
    answer: () => (median('inference-batch', 'classesAtOne') === 1 ? 'one' : 'worse'),
    why: () => 'x̂ = 0: all units give β.',
  },
  rates: {
    question: 'Both networks now train at learning rate 10, twenty times the rate so far. What happens?',
    choices: [
      { id: 'both', text: 'Both learn faster' },
      { id: 'bn', text: 'BN learns; plain stalls' },
      { id: 'none', text: 'Both fail' },
    ],
    answer: () => {
      const bn = median('high-lr', 'bnFinal') ?? 0;
      const plain = median('high-lr', 'plainFinal') ?? 0;
      return bn > 0.9 && plain < 0.5 ? 'bn' : bn > 0.9 && plain > 0.9 ? 'both' : 'none';
    },
    why: () => 'BN’s output does not grow with its weights, so a large step cannot blow up the next layer’s inputs.',
  },
  limits: {
    question: 'Each batch now holds only two digits. Which network trains best: plain, BN, or layer norm?',
    choices: [
      { id: 'plain', text: 'Plain' },
      { id: 'bn', text: 'BN' },
      { id: 'ln', text: 'Layer norm' },
    ],
    answer: () => {
      const acc = { plain: median('tiny-batch-ln', 'plain2') ?? 0, bn: median('tiny-batch-ln', 'bn2') ?? 0, ln: median('tiny-batch-ln', 'ln2') ?? 0 };
      return (Object.keys(acc) as (keyof typeof acc)[]).reduce((a, b) => (acc[b] > acc[a] ? b : a));
    },
    why: () => 'Two digits give a very noisy mean and variance; layer norm uses none.',
  },
  noisy: {
    question: 'Noisy BN adds a random shift and scale to every unit at every step, so its layer inputs move more than plain’s. How fast does it train?',
    choices: [
      { id: 'plain', text: 'Like plain, or slower' },
      { id: 'between', text: 'Between plain and BN' },
      { id: 'bn', text: 'About as fast as BN' },
    ],
    answer: noisyBand,
    why: () =>
      noisyBand() === 'bn' && claimHolds('noisy-shift')
        ? 'Its inputs shift more than plain’s, yet it trains about as fast as BN.'
        : measuredText('Over 5 seeds, 90% at step {noisy-trains.noisyTo90} for noisy BN, {noisy-trains.bnTo90} for BN, {noisy-trains.plainTo90} for plain.'),
  },
  smoothness: {
    question: 'Along the gradient, whose loss changes less?',
    choices: [
      { id: 'plain', text: 'Plain’s' },
      { id: 'same', text: 'No difference' },
      { id: 'bn', text: 'BN’s' },
    ],
    answer: () => ((median('smoothness', 'betaRatio') ?? 1) > 1.1 ? 'bn' : (median('smoothness', 'betaRatio') ?? 1) < 0.9 ? 'plain' : 'same'),
    why: () => (claimHolds('smoothness') ? 'BN’s, modestly.' : measuredText('{smoothness}')),
  },
  evidence: {
    question: 'If BN worked by removing covariate shift, the networks that shift most would train…',
    choices: [
      { id: 'slow', text: 'slowest' },
      { id: 'same', text: 'no differently' },
      { id: 'fast', text: 'fastest' },
    ],
    answerMark: 'what that view predicts',
    answer: () => 'slow',
    why: () => 'That is the covariate-shift view (the arrow).',
  },
};
