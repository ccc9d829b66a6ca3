import { ACTIVATIONS, type ActivationName } from './activationNames.ts';
import type { DType } from './floatArray.ts';
import { INIT_KINDS, type InitSpec } from './init.ts';
import type { LossName } from './loss.ts';

/** The normalizations a hidden layer can have: batch norm, layer norm, or batch norm by an ℓp scale. */
export type NormKind = 'bn' | 'ln' | 'l1' | 'l2' | 'linf';

/**
 * What each hidden layer normalizes with, and where: nothing (`none`); batch norm before or after the
 * activation, or before it with "noisy BN"'s time-varying noise added after it (Santurkar et al., 2018);
 * or layer norm (Ba et al., 2016) or ℓ1/ℓ2/ℓ∞ batch norm (Santurkar et al., 2018, §3.3) before or after it.
 * The batch-norm names predate the others and stay short, so old links and configs still read.
 */
export type Placement = 'none' | 'before' | 'after' | 'noisy' | `${Exclude<NormKind, 'bn'>}-${'before' | 'after'}`;

/**
 * Every placement, in menu order: batch norm's, then layer norm's, then ℓ1, ℓ2 and ℓ∞ batch norm's. A plain
 * literal (no call), so the bundler sees importing it runs nothing and keeps it in the page's main chunk.
 */
export const PLACEMENTS: readonly Placement[] = [
  'none',
  'before',
  'after',
  'noisy',
  'ln-before',
  'ln-after',
  'l1-before',
  'l1-after',
  'l2-before',
  'l2-after',
  'linf-before',
  'linf-after',
];

const NORM_OF: Readonly<Record<Placement, NormKind | null>> = {
  none: null,
  before: 'bn',
  after: 'bn',
  noisy: 'bn',
  'ln-before': 'ln',
  'ln-after': 'ln',
  'l1-before': 'l1',
  'l1-after': 'l1',
  'l2-before': 'l2',
  'l2-after': 'l2',
  'linf-before': 'linf',
  'linf-after': 'linf',
};

/** The normalization a placement puts in each hidden layer, or null for none. */
export function normOf(placement: Placement): NormKind | null {
  return NORM_OF[placement];
}

/** Whether the placement normalizes with batch statistics (every batch norm; not layer norm, not none). */
export function usesBatchStats(placement: Placement): boolean {
  const norm = normOf(placement);
  return norm !== null && norm !== 'ln';
}

/** Whether the normalization sits between the dense layer and the activation (else after the activation). */
export function normBeforeActivation(placement: Placement): boolean {
  return placement === 'before' || placement === 'noisy' || placement.endsWith('-before');
}

/**
 * The structure of an MLP. sizes = [nIn, hidden₁, …, hiddenₖ, nOut]. Each hidden layer is
 * Dense → (BN (+ noise)) → activation → (BN) by placement; the output layer is Dense alone, then the loss.
 */
export interface ModelSpec {
  readonly sizes: readonly number[];
  readonly activation: ActivationName;
  readonly placement: Placement;
  readonly init: InitSpec;
  readonly loss: LossName;
  /** ε in the BN denominator (PyTorch default 1e-5). */
  readonly bnEps: number;
  /** Running-average momentum, PyTorch convention (default 0.1). */
  readonly bnMomentum: number;
  readonly dtype: DType;
}

/** The defaults a partial spec is completed with. */
export const DEFAULT_MODEL_SPEC: ModelSpec = {
  sizes: [784, 100, 100, 100, 10],
  activation: 'sigmoid',
  placement: 'none',
  init: { kind: 'gaussian', sigma: 1 },
  loss: 'softmax-ce',
  bnEps: 1e-5,
  bnMomentum: 0.1,
  dtype: 'float32',
};

/** A full spec from a partial one. */
export function modelSpec(partial: Partial<ModelSpec>): ModelSpec {
  const spec = { ...DEFAULT_MODEL_SPEC, ...partial };
  validateModelSpec(spec);
  return spec;
}

/** Throws an Error naming the first field of `spec` that cannot build a model. */
export function validateModelSpec(spec: ModelSpec): void {
  const { sizes } = spec;
  if (!Array.isArray(sizes) || sizes.length < 2) throw new Error('sizes: need at least [nIn, nOut]');
  sizes.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1) throw new Error(`sizes[${i}]: ${s} is not a positive integer`);
  });
  if (!ACTIVATIONS.includes(spec.activation)) throw new Error(`activation: unknown "${spec.activation}"`);
  if (!PLACEMENTS.includes(spec.placement)) throw new Error(`placement: unknown "${spec.placement}"`);
  if (!INIT_KINDS.includes(spec.init?.kind)) throw new Error(`init: unknown kind "${spec.init?.kind}"`);
  if (spec.init.kind === 'gaussian' && !(spec.init.sigma > 0 && Number.isFinite(spec.init.sigma))) {
    throw new Error(`init.sigma: ${spec.init.sigma} is not a positive number`);
  }
  if (spec.loss !== 'softmax-ce' && spec.loss !== 'mse') throw new Error(`loss: unknown "${spec.loss}"`);
  if (spec.loss === 'softmax-ce' && sizes[sizes.length - 1] < 2) throw new Error('sizes: softmax needs ≥ 2 classes');
  if (!(spec.bnEps > 0 && Number.isFinite(spec.bnEps))) throw new Error(`bnEps: ${spec.bnEps} is not positive`);
  if (!(spec.bnMomentum >= 0 && spec.bnMomentum <= 1)) throw new Error(`bnMomentum: ${spec.bnMomentum} not in [0, 1]`);
  if (spec.dtype !== 'float32' && spec.dtype !== 'float64') throw new Error(`dtype: unknown "${spec.dtype}"`);
}
