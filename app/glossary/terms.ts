/** The glossary: every term and symbol the app uses, in plain words first, then precisely. */

/** One entry: the term as written, one plain-words sentence, and optionally a precise one. */
export interface GlossaryEntry {
  readonly term: string;
  readonly plain: string;
  readonly more?: string;
}

/** Every entry, by id. */
export const TERMS = {
  ics: {
    term: 'internal covariate shift',
    plain: 'The inputs a layer sees keep changing their distribution during training, because the layers before it keep changing.',
    more: 'Ioffe & Szegedy (2015) named it and built batch norm to reduce it; Santurkar et al. (2018) measured it as the change in a layer’s gradient when the earlier layers update, and found batch norm does not reduce it.',
  },
  bn: {
    term: 'batch norm',
    plain:
      'A layer that rescales each unit’s inputs to mean 0 and variance 1 over the current mini-batch, then lets the network scale and shift them again with two learned numbers.',
    more: 'Per unit: x̂ = (x − μ_B)/√(σ²_B + ε), then y = γ·x̂ + β (Ioffe & Szegedy, 2015). Training uses the batch’s own statistics; test time usually fixed ones.',
  },
  muB: {
    term: 'μ_B',
    plain: 'The average of one unit’s input over the examples in the current mini-batch.',
    more: 'μ_B = (1/m)·Σ xᵢ over the m examples of batch B.',
  },
  sigma2B: {
    term: 'σ²_B',
    plain: 'How spread out one unit’s input is over the current mini-batch: the average squared distance from μ_B.',
    more: 'σ²_B = (1/m)·Σ (xᵢ − μ_B)², divided by m, not m − 1 (the biased variance), as in the BN paper.',
  },
  eps: {
    term: 'ε',
    plain: 'A tiny number added to the variance before the square root, so batch norm never divides by zero.',
    more: 'It caps the gain at 1/√ε. PyTorch’s default is 1e-5, Keras’s 1e-3; it matters only where a unit’s variance is about as small as ε.',
  },
  gamma: {
    term: 'γ',
    plain: 'A learned scale per unit, applied after normalizing: it sets how spread out the output is.',
    more: 'It starts at 1. With γ = √(σ² + ε) and β = μ, batch norm can undo itself and pass its input through unchanged.',
  },
  beta: {
    term: 'β',
    plain: 'A learned shift per unit, added after normalizing: it sets the output’s mean.',
    more: 'It starts at 0 and takes over the job of the bias before it, which the mean subtraction cancels (that bias’s gradient is exactly 0).',
  },
  xhat: {
    term: 'x̂',
    plain: 'A unit’s input after normalizing: how many batch standard deviations it lies above or below the batch average.',
    more: 'x̂ = (x − μ_B)/√(σ²_B + ε); over the batch it has mean 0 and variance just under 1.',
  },
  running: {
    term: 'running averages',
    plain: 'Averages of μ_B and σ²_B kept during training, nudged a little at every step, and used at test time instead of a batch’s own statistics.',
    more: 'An exponential moving average r ← (1 − m)·r + m·(batch statistic), m the momentum; the variance goes in unbiased, times B/(B − 1).',
  },
  population: {
    term: 'population statistics',
    plain: 'Each unit’s mean and variance measured over the whole training set, in one pass with the weights held fixed, and used at test time.',
    more: 'The BN paper’s Algorithm 2: the mean of the batch means, and m/(m − 1) times the mean batch variance, over the training batches.',
  },
  batchStats: {
    term: 'batch statistics',
    plain: 'μ_B and σ²_B of whatever batch is being processed; used at test time, each prediction depends on which other examples share its batch.',
    more: 'This is what batch norm always uses in training. With a test batch of one example the variance is 0 and every input comes out as β.',
  },
  bnMomentum: {
    term: 'momentum (of the running averages)',
    plain: 'How much each new batch moves the running averages: a small weight on the new batch gives a slow, smooth average.',
    more: 'PyTorch’s momentum = 0.1 means new = 0.9·old + 0.1·batch; Keras’s momentum = 0.99 means new = 0.99·old + 0.01·batch. The same formula with the number read the other way round: Keras’s default lags far behind early in training.',
  },
  sgdMomentum: {
    term: 'momentum (of the optimizer)',
    plain: 'How much of its previous step the optimizer carries into the next, so steps build up speed where the gradient keeps pointing the same way.',
    more: 'v ← μ·v + g, then w ← w − lr·v (PyTorch’s convention). Unrelated to the running averages’ momentum.',
  },
  gradDiff: {
    term: '‖G − G′‖',
    plain: 'How much a layer’s gradient changes when only the layers before it take their step: 0 would mean no internal covariate shift.',
    more: 'Santurkar et al. (2018), Def. 2.1: G is layer i’s gradient with every layer at its current weights; G′ is the same gradient on the same batch after layers 1 … i − 1 have updated.',
  },
  gradCos: {
    term: 'cos(G, G′)',
    plain: 'Whether a layer’s gradient still points the same way after the earlier layers update: 1 means unchanged direction, 0 means at right angles.',
    more: 'The cosine of the angle between G and G′ (see ‖G − G′‖); it ignores length, so it separates turning from growing or shrinking.',
  },
  gradChange: {
    term: '‖∇L − ∇L′‖',
    plain: 'How different the gradient is after a step along it: small means the gradient here still predicts the gradient there.',
    more: 'Santurkar et al.’s “gradient predictiveness”: ∇L′ is the gradient at W − η∇L; the band spans η from ½× to 4× the learning rate.',
  },
  betaSmooth: {
    term: 'effective β-smoothness',
    plain: 'How quickly the gradient changes as you move along it: a low number means the slope ahead is like the slope here, so larger steps are safe.',
    more: 'The largest gradient change divided by the distance moved, over steps η·∇L along the current gradient (Santurkar et al., 2018). Nothing to do with batch norm’s β.',
  },
  lossRange: {
    term: 'loss range along the gradient',
    plain: 'Step along the gradient by several step sizes and note the loss at each: a narrow range means the loss ahead is predictable.',
    more: 'Here η runs from ½× to 4× the learning rate, on the step’s own batch and a copy of the model; the band spans the lowest to the highest loss (Santurkar et al., 2018, §3).',
  },
  band: {
    term: '15th–85th percentile band',
    plain: 'The range holding the middle 70 % of a unit’s inputs: 15 % of them fall below it and 15 % above.',
    more: 'The BN paper’s Figure 1 plots these percentiles and the median of one sigmoid input over training to show it drifting without BN.',
  },
  median: {
    term: 'median',
    plain: 'The middle value: half of the inputs fall below it and half above.',
    more: 'The 50th percentile; unlike the mean, a few extreme values barely move it.',
  },
  saturated: {
    term: 'saturated (sigmoid)',
    plain: 'A sigmoid whose input is far from 0 outputs almost exactly 0 or 1 and hardly responds to its input, so almost no gradient flows back through it.',
    more: 'Here an input counts as saturated beyond |x| > 4 for sigmoid (the slope there is under 0.018, against 0.25 at 0) and |x| > 2 for tanh.',
  },
  heatStrip: {
    term: 'heat strip',
    plain: 'A histogram over time: each column is one moment of training, and each cell’s colour says how many inputs had that value then.',
    more: 'Read it left to right to see a distribution drift, widen or narrow, beside the percentile band drawn over the same steps.',
  },
  lecun: {
    term: 'LeCun initialization',
    plain: 'Random starting weights scaled so that each layer’s outputs start about as spread out as its inputs.',
    more: 'Weights drawn from N(0, 1/n_in), n_in the layer’s inputs (LeCun et al., 1998); it suits sigmoid and tanh.',
  },
  glorot: {
    term: 'Glorot initialization',
    plain: 'Random starting weights scaled by a layer’s inputs and outputs together, so signals keep their size going forward and gradients going back.',
    more: 'Weights uniform in ±√(6/(n_in + n_out)), i.e. variance 2/(n_in + n_out) (Glorot & Bengio, 2010); also called Xavier.',
  },
  he: {
    term: 'He initialization',
    plain: 'Random starting weights with twice LeCun’s variance, to make up for ReLU zeroing about half its inputs.',
    more: 'Weights drawn from N(0, 2/n_in) (He et al., 2015).',
  },
  initSigma: {
    term: 'init σ',
    plain: 'The spread of the random starting weights when they are drawn from a plain Gaussian, the same for every layer.',
    more: 'Weights from N(0, σ²). The BN paper’s MNIST network used small Gaussian weights; too small a σ leaves the plain network on a long flat start.',
  },
  lr: {
    term: 'learning rate',
    plain: 'How far each training step moves the weights against the gradient.',
    more: 'w ← w − lr·∇L (with momentum, along the velocity). Too small learns slowly; too large makes the loss jump or blow up. Batch norm lets much larger rates train.',
  },
  steps90: {
    term: 'steps to 90 %',
    plain: 'The first training step at which the network got at least 90 % of the test digits right: how fast it learned, not how well it ends.',
    more: 'The test set is scored every 100 steps by default, so this is a multiple of that interval. The BN paper’s Figure 1a makes this comparison.',
  },
  stdError: {
    term: 'standard error',
    plain: 'How much a test accuracy could differ just from which examples happen to be in the test set: a gap smaller than this is called a tie.',
    more: 'For accuracy p on n test examples, √(p(1 − p)/n): about ±0.6 points at 93 % on 2,000 digits.',
  },
  layerNorm: {
    term: 'layer norm',
    plain:
      'Like batch norm, but each example is normalized over the units of its own layer rather than each unit over the batch, so it behaves the same at any batch size.',
    more: 'Ba, Kiros & Hinton (2016). Training and test time compute the same thing; there are no running averages.',
  },
  lpBn: {
    term: 'ℓ1 / ℓ∞ batch norm',
    plain:
      'Batch norm that measures a unit’s spread differently: by the average distance from the batch mean (ℓ1) or the largest one (ℓ∞) instead of the root mean square.',
    more: 'Santurkar et al. (2018), §3.3: they help training about as much as standard batch norm while letting the inputs’ distributions shift more.',
  },
  noisyBn: {
    term: 'noisy BN',
    plain: 'Batch norm followed by random shifts and scales that change at every step: the layer inputs are made unstable on purpose.',
    more: 'Santurkar et al. (2018), §2.1: it trains almost as well as batch norm, so steady inputs are not what makes BN work. The noise here is scaled up for this small network.',
  },
  inputShift: {
    term: 'input shift',
    plain: 'How much a unit’s input distribution moves per 100 steps: how much its spread changes, and how far its mean moves measured in its spread.',
    more: 'Per unit, |Δ ln σ| (shown as %) and |Δμ|/σ over each 100-step window, averaged over the layer’s units.',
  },
  trainLoss: {
    term: 'training loss',
    plain: 'How wrong the network is on the mini-batch it just trained on: lower is better.',
    more: 'The mean cross-entropy −log p(correct class) over the batch, before that step’s update.',
  },
  testAcc: {
    term: 'test accuracy',
    plain: 'The share of held-out test digits, never trained on, that the network classifies correctly.',
    more: 'Scored on the whole test set every 100 steps by default, with batch norm using the test-time statistics chosen in the settings.',
  },
} as const satisfies Record<string, GlossaryEntry>;

/** The id of a glossary entry. */
export type TermId = keyof typeof TERMS;
