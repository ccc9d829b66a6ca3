import type { ActivationName } from '../engine/activations.ts';
import type { InitSpec } from '../engine/init.ts';
import type { InferenceMode } from '../engine/model.ts';
import type { Placement } from '../engine/spec.ts';

/** The data sets an experiment can train on. */
export type DatasetName = 'mnist' | 'blobs' | 'scales';

/** Every data set, in menu order. */
export const DATASETS: readonly DatasetName[] = ['mnist', 'blobs', 'scales'];

/**
 * The one serializable configuration of a paired experiment: the app's state, the URL's query string and
 * the CLI's --config file all hold this object. Ranges are enforced by `configSchema`.
 */
export interface Config {
  /** Training data. */
  readonly dataset: DatasetName;
  /** Standardize every input feature with statistics fitted on the training set. */
  readonly standardize: boolean;
  /** Hidden layers, 1–6. */
  readonly depth: number;
  /** Units per hidden layer, 8–256. */
  readonly width: number;
  readonly activation: ActivationName;
  readonly init: InitSpec['kind'];
  /** σ of the Gaussian initializer (used when init is 'gaussian'). */
  readonly initSigma: number;
  /** BN placement of each variant, 2–4 distinct values; all variants share weights and batches. */
  readonly variants: readonly Placement[];
  /** SGD learning rate. */
  readonly lr: number;
  /** SGD momentum μ (PyTorch convention), 0 for plain SGD. */
  readonly momentum: number;
  /** Mini-batch size, 1–512. */
  readonly batchSize: number;
  /** ε in BN's denominator. */
  readonly bnEps: number;
  /** BN running-average momentum (PyTorch convention: new = (1−m)·old + m·batch). */
  readonly bnMomentum: number;
  /** Statistics BN uses when the test set is evaluated. */
  readonly evalMode: InferenceMode;
  /** Steps between test evaluations. */
  readonly evalEvery: number;
  /** Rows per evaluation batch; in 'batch' mode each is normalized with its own statistics. */
  readonly evalBatchSize: number;
  /**
   * Steps between landscape probes (internal covariate shift and smoothness along the gradient, Santurkar
   * et al., 2018), 0 for none. Each probe costs about ten forward and backward passes per variant.
   */
  readonly probeEvery: number;
  /**
   * Steps between inference probes, 0 for none: test accuracy of each BN variant under batch statistics
   * at test batches of 1, 2, 8 and 60, running averages with momentum 0.1 and 0.01 (Keras's 0.99) and
   * population statistics, each with ε 1e-5 and 1e-3. Costs about 15 passes over 480 test rows and two population passes per BN variant.
   */
  readonly inferEvery: number;
  /** Seed of weights, batch order and everything else random. */
  readonly seed: number;
  /** Hidden layer whose unit the drift plots track, 1-based (the BN paper tracks the last). */
  readonly trackLayer: number;
  /** Unit tracked within that layer, 0-based. */
  readonly trackUnit: number;
}

/** The defaults: the BN paper's MNIST setup (see the `bn-paper` preset for why each number). */
export const DEFAULT_CONFIG: Config = {
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
  bnEps: 1e-5,
  bnMomentum: 0.1,
  evalMode: 'running',
  evalEvery: 100,
  evalBatchSize: 500,
  probeEvery: 0,
  inferEvery: 0,
  seed: 1,
  trackLayer: 3,
  trackUnit: 0,
};

/** The config tracking hidden layer `layer` (1-based) and unit `unit` (0-based), each clamped into the network. */
export function withTracked(config: Config, layer: number, unit: number): Config {
  const trackLayer = Math.min(Math.max(layer, 1), config.depth);
  const trackUnit = Math.min(Math.max(unit, 0), config.width - 1);
  return { ...config, trackLayer, trackUnit };
}
