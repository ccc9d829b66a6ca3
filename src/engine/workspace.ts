import { allocFloat, type DType, type FloatArray } from './floatArray.ts';
import type { Normalization, NormalizationPass } from './normLayer.ts';
import { createSampleNoise, type SampleNoise } from './noisyBn.ts';
import { normBeforeActivation, type Placement } from './spec.ts';
import { createSparseRows, type SparseRows } from './sparse.ts';

/** Inputs narrower than this are not worth compressing. */
const SPARSE_MIN_INPUTS = 64;

/**
 * What one hidden layer's forward and backward pass leave behind for a batch: the buffers the probes read.
 * Every array is [batchSize, units] unless noted.
 */
export interface LayerCache {
  /** Dense output x·W + b. */
  readonly z: FloatArray;
  /** The normalization's output (BN, ℓp BN or layer norm), or null without one. */
  readonly bnOut: FloatArray | null;
  /** Activation output. */
  readonly act: FloatArray;
  /** The input to the nonlinearity: bnOut when BN sits before it, z otherwise. */
  readonly actIn: FloatArray;
  /** The layer's output, fed to the next layer: bnOut when BN sits after the activation, act otherwise. */
  readonly out: FloatArray;
  /** The layer's normalization over this workspace's cache (x̂ and the statistics it used), or null without one. */
  readonly norm: NormalizationPass | null;
  /** Noisy BN's per-sample noise of the last training batch, or null (no noise, or a forward-only workspace). */
  readonly noise: SampleNoise | null;
  /** ∂L/∂out, written by the next layer's backward. */
  readonly gradOut: FloatArray;
  /** ∂L/∂actIn. */
  readonly gradActIn: FloatArray;
  /** ∂L/∂z (the same array as gradActIn when nothing sits between z and the activation). */
  readonly gradZ: FloatArray;
  /** ∂L/∂act when BN sits after the activation, else the same array as gradOut. */
  readonly gradAct: FloatArray;
}

/** All buffers for forward and backward passes of up to batchSize rows. Allocated once per batch size. */
export interface Workspace {
  readonly batchSize: number;
  /** The normalizations the layers' passes were made for (one model's: the model checks it is its own). */
  readonly norms: readonly (Normalization | null)[];
  readonly layers: readonly LayerCache[];
  /** [batchSize, nOut] */
  readonly logits: FloatArray;
  /** [batchSize, nOut] ∂L/∂logits. */
  readonly gradLogits: FloatArray;
  /** Whether the gradient buffers exist (an inference-only workspace cannot run backward). */
  readonly forTraining: boolean;
  /** Compressed-input buffers for the first dense layer, or null for narrow inputs. */
  readonly sparse: SparseRows | null;
  /** Rows in the last forward pass. */
  rows: number;
  /** Whether the last forward pass normalized with batch statistics (the backward pass depends on it). */
  usedBatchStats: boolean;
  /** Whether the last forward pass added noisy BN's training noise (the backward pass scales by it). */
  usedNoise: boolean;
}

/**
 * Allocates a workspace for a model with the given widths, placement and hidden layers' normalizations
 * (norms[l] for hidden layer l). Without `forTraining` the gradient buffers are empty: evaluation and probe
 * workspaces need only the forward caches (half the memory).
 */
export function createWorkspace(
  dtype: DType,
  sizes: readonly number[],
  placement: Placement,
  norms: readonly (Normalization | null)[],
  batchSize: number,
  forTraining = true,
): Workspace {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size ${batchSize} is not a positive integer`);
  const layers: LayerCache[] = [];
  const empty = allocFloat(dtype, 0);
  if (norms.length !== sizes.length - 2) throw new Error(`${norms.length} normalizations for ${sizes.length - 2} hidden layers`);
  for (let l = 1; l < sizes.length - 1; l++) {
    const n = sizes[l];
    const buf = (): FloatArray => allocFloat(dtype, batchSize * n);
    const grad = (): FloatArray => (forTraining ? buf() : empty);
    const z = buf();
    const act = buf();
    const gradOut = grad();
    const normalization = norms[l - 1];
    if (normalization === null) {
      const gradZ = grad();
      layers.push({ z, bnOut: null, act, actIn: z, out: act, norm: null, noise: null, gradOut, gradActIn: gradZ, gradZ, gradAct: gradOut });
      continue;
    }
    const norm = normalization.createPass(dtype, batchSize);
    const bnOut = buf();
    if (normBeforeActivation(placement)) {
      // Noisy BN adds its noise to bnOut in place, so the nonlinearity's input is the noisy value.
      const noise = placement === 'noisy' && forTraining ? createSampleNoise(dtype, n, batchSize) : null;
      layers.push({ z, bnOut, act, actIn: bnOut, out: act, norm, noise, gradOut, gradActIn: grad(), gradZ: grad(), gradAct: gradOut });
    } else {
      const gradZ = grad();
      layers.push({ z, bnOut, act, actIn: z, out: bnOut, norm, noise: null, gradOut, gradActIn: gradZ, gradZ, gradAct: grad() });
    }
  }
  const nOut = sizes[sizes.length - 1];
  return {
    batchSize,
    norms,
    layers,
    logits: allocFloat(dtype, batchSize * nOut),
    gradLogits: forTraining ? allocFloat(dtype, batchSize * nOut) : empty,
    forTraining,
    sparse: sizes[0] >= SPARSE_MIN_INPUTS ? createSparseRows(dtype, batchSize, sizes[0]) : null,
    rows: 0,
    usedBatchStats: false,
    usedNoise: false,
  };
}
