import { claimHolds, measured, measuredText } from '../../../src/claims/results.ts';
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
    question: 'Without BN, what happens to the inputs of one unit in the last hidden layer over the first 500 steps?',
    choices: [
      { id: 'still', text: 'They stay where they started' },
      { id: 'move', text: 'Their middle moves and their spread widens' },
      { id: 'shrink', text: 'They shrink towards 0' },
    ],
    answer: () => (claimHolds('shift-plain') ? 'move' : 'still'),
    why: () => measuredText('Every layer below keeps changing, so the inputs it passes up keep changing: over 5 seeds this unit’s band is {shift-plain.widening500} wider at step 500 than at step 0.'),
  },
  transform: {
    question: 'BN starts this unit with γ = 1 and β = 0, so its output has mean 0 and spread 1 in every batch. Does training keep it that way?',
    choices: [
      { id: 'fixed', text: 'Yes: BN holds it at mean 0, spread 1' },
      { id: 'moves', text: 'No: the network moves and widens it again' },
    ],
    answer: () => (claimHolds('shift-bn-gamma') ? 'moves' : 'fixed'),
    why: () => measuredText('BN fixes the batch mean and spread of x̂ only. γ and β are learned: the tracked unit’s band grows from {shift-bn-gamma.band100} at step 100 to {shift-bn-gamma.band3000} at step 3,000.'),
  },
  bias: {
    question: 'The dense layer just before BN has a bias b. After a training step, how large is the gradient of b?',
    choices: [
      { id: 'same', text: 'About as large as in the plain network' },
      { id: 'smaller', text: 'Smaller, but clearly there' },
      { id: 'zero', text: 'Zero, up to rounding' },
    ],
    answer: () => 'zero',
    why: () => 'b adds the same amount to every example in the batch, and BN subtracts the batch mean, so b cancels exactly. This is algebra, not a finding: the chart shows only float rounding.',
  },
  inference: {
    question: 'After training, BN normalizes a test batch of ONE digit with that batch’s own mean and variance. What does the network predict?',
    choices: [
      { id: 'fine', text: 'As well as with a batch of 60' },
      { id: 'worse', text: 'A little worse' },
      { id: 'one', text: 'The same class for every digit' },
    ],
    answer: () => (claimHolds('inference-batch') ? 'one' : 'worse'),
    why: () => 'One value minus its own mean is 0, so every unit outputs β, whatever the digit: the prediction no longer depends on the input.',
  },
  rates: {
    question: 'Both networks now train at learning rate 10, twenty times the rate so far. What happens?',
    choices: [
      { id: 'both', text: 'Both learn faster' },
      { id: 'bn', text: 'BN learns; plain stalls' },
      { id: 'none', text: 'Both fail' },
    ],
    answer: () => (claimHolds('high-lr') ? 'bn' : 'both'),
    why: () => measuredText('Over 5 seeds, after 1,000 steps: plain {high-lr.plainFinal}, BN {high-lr.bnFinal}.'),
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
    why: () => measuredText('Two digits give a very noisy mean and variance; layer norm uses none. Over 5 seeds at step 2,000: layer norm {tiny-batch-ln.ln2}, plain {tiny-batch-ln.plain2}, BN {tiny-batch-ln.bn2}.'),
  },
  noisy: {
    question: 'Noisy BN adds a random shift and scale to every unit at every step, so its layer inputs move more than plain’s. How fast does it train?',
    choices: [
      { id: 'plain', text: 'Like plain, or slower' },
      { id: 'between', text: 'Between plain and BN' },
      { id: 'bn', text: 'About as fast as BN' },
    ],
    answer: noisyBand,
    why: () => measuredText('Over 5 seeds, 90% at step {noisy-trains.noisyTo90} for noisy BN, {noisy-trains.bnTo90} for BN and {noisy-trains.plainTo90} for plain.'),
  },
  smoothness: {
    question: 'Step along the gradient, a little or four times as far. Whose loss changes more predictably?',
    choices: [
      { id: 'plain', text: 'Plain’s' },
      { id: 'same', text: 'No difference' },
      { id: 'bn', text: 'BN’s' },
    ],
    answer: () => (claimHolds('smoothness') ? 'bn' : 'same'),
    why: () => measuredText('{smoothness}'),
  },
  evidence: {
    question: 'If removing internal covariate shift were why BN trains fast, the networks whose layer inputs shift the most would train…',
    choices: [
      { id: 'slow', text: 'the slowest' },
      { id: 'same', text: 'no differently' },
      { id: 'fast', text: 'the fastest' },
    ],
    answer: () => 'slow',
    why: () => 'That is what the covariate-shift explanation predicts. The chart shows what was measured: judge each point against it.',
  },
};
