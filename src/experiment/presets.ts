import type { Config } from '../config/config.ts';

/** A named starting point: a partial config, what to watch, and why its numbers are what they are. */
export interface Preset {
  readonly name: string;
  readonly title: string;
  /** One sentence: what to look for when it runs. A template over measured claims (src/claims/presetText.ts fills it). */
  readonly watch: string;
  /** Why these numbers: the reasoning, and the measurements behind them as claim references (a template, filled likewise). */
  readonly why: string;
  readonly config: Partial<Config>;
}

/** Every preset, in menu order. Each is documented here and nowhere else. */
export const PRESETS: readonly Preset[] = [
  {
    name: 'bn-paper',
    title: 'The BN paper on MNIST',
    watch:
      'Watch the first 500 steps: BN passes 90% test accuracy at step {headline-steps.bnTo90}, plain at step {headline-steps.plainTo90} (medians over 5 seeds).',
    why:
      'Ioffe & Szegedy (2015), Fig. 1: 784-100-100-100-10 with sigmoid units, batch 60, small Gaussian weights, plain SGD, ' +
      'without BN and with BN before each nonlinearity; σ = 0.1 keeps the first layer’s pre-activations out of saturation. ' +
      'It differs from their figure: 8,000 training digits, thousands of steps rather than ' +
      '50,000, and what shows is a faster start, not a higher end. Measured: {headline-steps} {headline-tuned} {headline-final}',
    config: {
      dataset: 'mnist',
      standardize: false,
      depth: 3,
      width: 100,
      activation: 'sigmoid',
      init: 'gaussian',
      initSigma: 0.1,
      variants: ['none', 'before'],
      lr: 0.5,
      momentum: 0,
      batchSize: 60,
      trackLayer: 3,
      trackUnit: 0,
    },
  },
  {
    name: 'high-lr',
    title: 'A learning rate too large without BN',
    watch:
      'At twenty times the bn-paper rate, plain stays near chance ({high-lr.plainFinal} after 1,000 steps) while BN passes 90% by step {high-lr.bnTo90}, though {high-lr.bnSaturated3} of its own layer-3 sigmoid inputs are saturated.',
    why:
      'The BN paper (§3.3) trained Inception at 5× and 30× its rate. BN makes each layer’s output invariant to the scale of ' +
      'its weights, so a large step does not blow up the scale of the next layer’s input; it does not keep the sigmoids out ' +
      'of saturation. Same network as bn-paper with lr = 10. Measured: {high-lr} Plain’s tracked layer-3 input ends with ' +
      'its median at {high-lr.plainMedian3:range}.',
    config: {
      dataset: 'mnist',
      depth: 3,
      width: 100,
      activation: 'sigmoid',
      init: 'gaussian',
      initSigma: 0.1,
      variants: ['none', 'before'],
      lr: 10,
      momentum: 0,
      batchSize: 60,
    },
  },
  {
    name: 'tiny-batch',
    title: 'BN with batches of 4',
    watch:
      'Batches of 4: BN scores {tiny-batch.bnBatch4} when each test batch of 4 is normalized by its own statistics and {tiny-batch.bnRunning} with running averages; switch the test-time statistics to see it.',
    why:
      'The mean and variance of 4 samples are poor estimates, so a network evaluated with batch statistics on small test ' +
      'batches sees noisy inputs (the motivation for running averages, Batch Renorm, Group Norm and Layer Norm). Same ' +
      'network as bn-paper with batch 4 and lr 0.05, evaluated in batches of 4 with batch statistics. Measured: {tiny-batch}',
    config: {
      dataset: 'mnist',
      depth: 3,
      width: 100,
      activation: 'sigmoid',
      init: 'gaussian',
      initSigma: 0.1,
      variants: ['none', 'before'],
      lr: 0.05,
      momentum: 0,
      batchSize: 4,
      evalMode: 'batch',
      evalBatchSize: 4,
    },
  },
  {
    name: 'relu-before-vs-after',
    title: 'ReLU: BN before or after the activation?',
    watch:
      'Compare BN before the ReLU (as in the paper) with BN after it, and both with plain: 90% test accuracy at step {relu-placement.beforeTo90}, {relu-placement.afterTo90} and {relu-placement.plainTo90} (medians over 5 seeds).',
    why:
      'The paper puts BN before the nonlinearity; practice is divided. ReLU with He init, momentum 0.9 and lr 0.05 is a ' +
      'common modern recipe under which all three variants train, so the point is the shape of the curves and of the ReLU ' +
      'inputs, not a failure. Measured: {relu-placement}',
    config: {
      dataset: 'mnist',
      depth: 3,
      width: 100,
      activation: 'relu',
      init: 'he',
      variants: ['none', 'before', 'after'],
      lr: 0.05,
      momentum: 0.9,
      batchSize: 60,
    },
  },
  {
    name: 'noisy-bn',
    title: 'Noisy BN: shifted on purpose, and still fast',
    watch:
      'Noisy BN’s layer inputs get a new random shift and scale at every step. Does it train like BN or like plain? Medians over 5 seeds: 90% at step {noisy-trains.noisyTo90} for noisy BN, {noisy-trains.bnTo90} for BN, {noisy-trains.plainTo90} for plain.',
    why:
      'Santurkar, Tsipras, Ilyas & Madry (2018, §2.1) added noise after every BN layer, a random shift and scale per unit ' +
      'that changes every step, to create covariate shift on purpose. If removing shift were why BN helps, the noisy ' +
      'network should train like the plain one. Our noise is larger than theirs, calibrated so that the shift exceeds the ' +
      'plain network’s own (src/engine/noisyBn.ts). Same network as bn-paper. Measured: {noisy-shift} {noisy-trains}',
    config: {
      dataset: 'mnist',
      standardize: false,
      depth: 3,
      width: 100,
      activation: 'sigmoid',
      init: 'gaussian',
      initSigma: 0.1,
      variants: ['none', 'before', 'noisy'],
      lr: 0.5,
      momentum: 0,
      batchSize: 60,
      trackLayer: 3,
      trackUnit: 0,
    },
  },
  {
    name: 'tiny-batch-ln',
    title: 'Batches of 1 to 4: BN fails, layer norm doesn’t',
    watch:
      'Two examples per batch: after 2,000 steps of training layer norm scores {tiny-batch-ln.ln2}, plain {tiny-batch-ln.plain2} and BN {tiny-batch-ln.bn2} (medians over 5 seeds). Set the batch size to 1 or 4 and compare.',
    why:
      'Layer norm (Ba, Kiros & Hinton, 2016) uses no batch statistics, so its training and test behaviour do not depend on ' +
      'the batch. ReLU with He init, momentum 0.9 and lr 0.01, the recipe under which the plain network also trains at ' +
      'tiny batches, so the comparison is fair. At a batch of 1, BN’s x − μ_B is 0 for every unit, so it outputs β ' +
      'whatever the input. Measured: {tiny-batch-ln}',
    config: {
      dataset: 'mnist',
      depth: 3,
      width: 100,
      activation: 'relu',
      init: 'he',
      variants: ['none', 'before', 'ln-before'],
      lr: 0.01,
      momentum: 0.9,
      batchSize: 2,
    },
  },
  {
    name: 'lp-norms',
    title: 'ℓp batch norms: more shift, still fast',
    watch:
      'ℓ1 and ℓ∞ BN divide by another scale than the standard deviation. In the input-shift table under the drift charts, layer 3’s spread changes by {lp-shift.linfSpread3} per 100 steps with ℓ∞ against {lp-shift.bnSpread3} with BN; watch how each trains, and where each ends.',
    why:
      'Santurkar et al. (2018, §3.3) normalized by ℓ1, ℓ2 and ℓ∞ scales instead of the standard deviation and reported BN’s ' +
      'benefit kept despite larger distributional shift (ℓ2 is BN’s own transform here, so it is left out). Same network as ' +
      'bn-paper, landscape probes every 50 steps. Measured: {lp-shift} {lp-trains}',
    config: {
      dataset: 'mnist',
      standardize: false,
      depth: 3,
      width: 100,
      activation: 'sigmoid',
      init: 'gaussian',
      initSigma: 0.1,
      variants: ['none', 'before', 'l1-before', 'linf-before'],
      lr: 0.5,
      momentum: 0,
      batchSize: 60,
      trackLayer: 3,
      trackUnit: 0,
      probeEvery: 50,
    },
  },
  {
    name: 'scales',
    title: 'Features on scales a thousand apart',
    watch: 'Raw inputs in [0, 1] and [0, 1000]: plain ends near chance ({scales.plainRaw}) and BN at {scales.bnRaw}; turn on standardize and compare.',
    why:
      'Two features lie in [0, 1] and two in [0, 1000]; the label compares one of each, so both scales matter. BN ' +
      'normalizes each layer’s outputs, not the inputs’ relative scales. Measured: {scales}',
    config: {
      dataset: 'scales',
      standardize: false,
      depth: 2,
      width: 32,
      activation: 'sigmoid',
      init: 'lecun',
      variants: ['none', 'before'],
      lr: 0.1,
      momentum: 0.9,
      batchSize: 32,
      trackLayer: 1,
      evalEvery: 50,
    },
  },
];

/** The preset with this name, or undefined. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
