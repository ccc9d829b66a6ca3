import type { Config } from '../config/config.ts';

/** A named starting point: a partial config, what to watch, and why its numbers are what they are. */
export interface Preset {
  readonly name: string;
  readonly title: string;
  /** One sentence: what to look for when it runs. */
  readonly watch: string;
  /** Why these numbers: the reasoning and the measurement behind them. */
  readonly why: string;
  readonly config: Partial<Config>;
}

/** Every preset, in menu order. Each is documented here and nowhere else. */
export const PRESETS: readonly Preset[] = [
  {
    name: 'bn-paper',
    title: 'The BN paper on MNIST',
    watch: 'BN reaches 90% test accuracy in a fraction of the steps, and its sigmoid inputs hold still while plain ones drift.',
    why:
      'Ioffe & Szegedy (2015), Fig. 1: 784-100-100-100-10 with sigmoid units, batch 60, small Gaussian weights, ' +
      'plain SGD, without BN and with BN before each nonlinearity. σ = 0.1 keeps the first layer out of saturation ' +
      '(pixel inputs give pre-activations of std ≈ 1). lr = 0.5: measured over 3,000 steps (seed 1), BN passes 90% ' +
      'test accuracy at step 200 and plain at step 1,200, so both curves finish inside a short run; at lr = 0.2 ' +
      'plain needs 2,200 steps and BN 500. On the 24-digit probe batch, the median input moves more without BN ' +
      'on 69 of the last layer’s 100 units between steps 500 and 3,000 (mean |Δ| 0.42 against 0.26).',
    config: {
      dataset: 'mnist', standardize: false, depth: 3, width: 100, activation: 'sigmoid', init: 'gaussian', initSigma: 0.1,
      variants: ['none', 'before'], lr: 0.5, momentum: 0, batchSize: 60, trackLayer: 3, trackUnit: 0,
    },
  },
  {
    name: 'high-lr',
    title: 'A learning rate too large without BN',
    watch: 'At twenty times the bn-paper rate the plain network’s sigmoids saturate and it stops learning; BN keeps learning.',
    why:
      'BN makes each layer’s output invariant to the scale of its weights, so a large step cannot push the next ' +
      'layer’s inputs into saturation (BN paper §3.3: 5× and 30× rates trained Inception). Same network as ' +
      'bn-paper with lr = 10. Measured over 1,000 steps: the plain network’s tracked input sits near −15 and its ' +
      'accuracy near chance, while BN passes 90% at step 500. At lr = 5 plain saturates first and recovers by ' +
      'step 800, a weaker contrast.',
    config: {
      dataset: 'mnist', depth: 3, width: 100, activation: 'sigmoid', init: 'gaussian', initSigma: 0.1,
      variants: ['none', 'before'], lr: 10, momentum: 0, batchSize: 60,
    },
  },
  {
    name: 'tiny-batch',
    title: 'BN with batches of 4',
    watch: 'Four examples per batch: BN still trains, but normalizing test batches of 4 by their own statistics costs it about ten points; switch inference to running averages.',
    why:
      'The mean and variance of 4 samples are poor estimates, so a network evaluated with batch statistics on small ' +
      'test batches sees noisy inputs (the motivation for running averages, Batch Renorm, Group Norm and Layer Norm). ' +
      'Same network as bn-paper with batch 4 and lr 0.05, evaluated in batches of 4 with batch statistics. Measured ' +
      'at step 1,000: BN 71% this way against 85% with running averages; plain, which has no statistics to get ' +
      'wrong, has not started learning at this rate.',
    config: {
      dataset: 'mnist', depth: 3, width: 100, activation: 'sigmoid', init: 'gaussian', initSigma: 0.1,
      variants: ['none', 'before'], lr: 0.05, momentum: 0, batchSize: 4, evalMode: 'batch', evalBatchSize: 4,
    },
  },
  {
    name: 'relu-before-vs-after',
    title: 'ReLU: BN before or after the activation?',
    watch: 'Compare BN before the ReLU (as in the paper) with BN after it, and both with plain.',
    why:
      'The paper puts BN before the nonlinearity; practice is divided. ReLU with He init, momentum 0.9 and lr 0.05 ' +
      'is a common modern recipe under which all three variants train (measured: 90% by step 200 plain, 100 for ' +
      'both BN placements), so the point is the shape of the curves and of the ReLU inputs, not a failure.',
    config: {
      dataset: 'mnist', depth: 3, width: 100, activation: 'relu', init: 'he',
      variants: ['none', 'before', 'after'], lr: 0.05, momentum: 0.9, batchSize: 60,
    },
  },
  {
    name: 'noisy-bn',
    title: 'Noisy BN: shifted on purpose, and still fast',
    watch: 'Noisy BN’s layer inputs keep jumping around, yet it trains about as fast as BN and far faster than plain.',
    why:
      'Santurkar, Tsipras, Ilyas & Madry (2018, §2.1) added noise after every BN layer, a random shift and scale ' +
      'per unit that changes every step, to create covariate shift on purpose. If removing shift were why BN ' +
      'helps, the noisy network should train like the plain one. Same network as bn-paper. Measured over 3,000 ' +
      'steps (seed 1): 90% test accuracy at step 1,200 plain, 200 BN and 500 noisy BN (89.95% at 250), and 93.1% ' +
      'noisy against 93.6% BN at the end. The tracked unit’s median, checked every 250 steps from step 500, ' +
      'ranges over −1.03…0.27 with noise against −0.64…−0.16 for BN.',
    config: {
      dataset: 'mnist', standardize: false, depth: 3, width: 100, activation: 'sigmoid', init: 'gaussian', initSigma: 0.1,
      variants: ['none', 'before', 'noisy'], lr: 0.5, momentum: 0, batchSize: 60, trackLayer: 3, trackUnit: 0,
    },
  },
  {
    name: 'tiny-batch-ln',
    title: 'Batches of 1 to 4: BN fails, layer norm doesn’t',
    watch: 'Two examples per batch: BN’s statistics are too noisy to learn from and it stalls near 20–30%, while layer norm, which normalizes each example over its own units, passes 80%. Set the batch size to 1 (BN cannot learn at all) or 4 (BN nearly catches up).',
    why:
      'Layer norm (Ba, Kiros & Hinton, 2016) uses no batch statistics, so its training and test behaviour do not ' +
      'depend on the batch. ReLU with He init, momentum 0.9 and lr 0.01, the recipe under which the plain network ' +
      'also trains at tiny batches, so the comparison is fair. Measured at step 2,000 (seed 1), test accuracy ' +
      'plain / BN / layer norm: batch 1, 47 / 6 / 68% (BN’s x − μ_B is 0 for a single example, so it outputs β ' +
      'whatever the input); batch 2, 78 / 31 / 85% (seeds 2 and 3: BN 25% and 24%, layer norm 83% and 89%); batch ' +
      '4, 88 / 85 / 92%.',
    config: {
      dataset: 'mnist', depth: 3, width: 100, activation: 'relu', init: 'he',
      variants: ['none', 'before', 'ln-before'], lr: 0.01, momentum: 0.9, batchSize: 2,
    },
  },
  {
    name: 'lp-norms',
    title: 'ℓp batch norms: more shift, still fast',
    watch: 'ℓ1 and ℓ∞ BN divide by another scale than BN’s standard deviation. In the input-shift table under the drift charts, ℓ∞’s layer inputs shift several times more than BN’s and ℓ1’s somewhat more; yet both train far faster than plain, and their smoothness bands stay narrow like BN’s.',
    why:
      'Santurkar et al. (2018, §3.3) normalized by ℓ1, ℓ2 and ℓ∞ scales instead of the standard deviation and ' +
      'found BN’s benefit kept despite larger distributional shift (ℓ2 is BN’s own transform here, so it is left ' +
      'out). Same network as bn-paper, probes every 50 steps. Measured over 3,000 steps (seed 1): 90% test ' +
      'accuracy at step 1,200 plain, 200 BN, 200 ℓ1 and 700 ℓ∞. The spread of each unit’s input changes per 100 ' +
      'steps by 0.9–1.3% for BN, 1.8–2.8% for ℓ1 and 4.7–7.4% for ℓ∞ (layers 1–3, averaged from step 100), ' +
      'against 4–12% for plain. Over the first 1,000 steps, the effective β-smoothness averages 2.4 plain, 1.8 BN, ' +
      '2.1 ℓ1 and 1.6 ℓ∞, and at step 1,000 the loss along the gradient ranges over 0.39 plain against 0.04, 0.03 ' +
      'and 0.06.',
    config: {
      dataset: 'mnist', standardize: false, depth: 3, width: 100, activation: 'sigmoid', init: 'gaussian', initSigma: 0.1,
      variants: ['none', 'before', 'l1-before', 'linf-before'], lr: 0.5, momentum: 0, batchSize: 60, trackLayer: 3, trackUnit: 0,
      probeEvery: 50,
    },
  },
  {
    name: 'scales',
    title: 'Features on scales a thousand apart',
    watch: 'Raw inputs in [0, 1] and [0, 1000]: plain stays near chance and BN gets only part of the way; turn on standardize and both learn.',
    why:
      'Two features lie in [0, 1] and two in [0, 1000]; the label compares one of each, so both scales matter. BN ' +
      'normalizes each layer’s outputs, not the inputs’ relative scales: the first layer’s weights still see ' +
      'gradients a thousand times larger for the large features, the ill-conditioning of the feature-scaling story. ' +
      'Measured over 3,000 steps: raw, plain 25–33% (chance is 25%) and BN about 55%; standardized, plain 99% and ' +
      'BN 94%.',
    config: {
      dataset: 'scales', standardize: false, depth: 2, width: 32, activation: 'sigmoid', init: 'lecun',
      variants: ['none', 'before'], lr: 0.1, momentum: 0.9, batchSize: 32, trackLayer: 1, evalEvery: 50,
    },
  },
];

/** The preset with this name, or undefined. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
