import { createBatchNormCache, type BatchNormCache } from './batchnorm.ts';
import { allocFloat, type DType, type FloatArray } from './floatArray.ts';
import { createLayerNormCache, type LayerNormCache } from './layerNorm.ts';
import { createSampleNoise, type SampleNoise } from './noisyBn.ts';
import { normBeforeActivation, normOf, type Placement } from './spec.ts';
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
  /** BN's (or ℓp BN's) x̂ and the statistics it used, or null without it. */
  readonly bn: BatchNormCache | null;
  /** Layer norm's x̂ and per-sample statistics, or null without it. */
  readonly ln: LayerNormCache | null;
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
 * Allocates a workspace for a model with the given widths and placement. Without `forTraining` the
 * gradient buffers are empty: evaluation and probe workspaces need only the forward caches (half the memory).
 */
export function createWorkspace(dtype: DType, sizes: readonly number[], placement: Placement, batchSize: number, forTraining = true): Workspace {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batch size ${batchSize} is not a positive integer`);
  const layers: LayerCache[] = [];
  const empty = allocFloat(dtype, 0);
  const norm = normOf(placement);
  for (let l = 1; l < sizes.length - 1; l++) {
    const n = sizes[l];
    const buf = (): FloatArray => allocFloat(dtype, batchSize * n);
    const grad = (): FloatArray => (forTraining ? buf() : empty);
    const z = buf();
    const act = buf();
    const gradOut = grad();
    if (norm === null) {
      const gradZ = grad();
      layers.push({ z, bnOut: null, act, actIn: z, out: act, bn: null, ln: null, noise: null, gradOut, gradActIn: gradZ, gradZ, gradAct: gradOut });
      continue;
    }
    const bn = norm === 'ln' ? null : createBatchNormCache(dtype, n, batchSize);
    const ln = norm === 'ln' ? createLayerNormCache(dtype, n, batchSize) : null;
    const bnOut = buf();
    if (normBeforeActivation(placement)) {
      // Noisy BN adds its noise to bnOut in place, so the nonlinearity's input is the noisy value.
      const noise = placement === 'noisy' && forTraining ? createSampleNoise(dtype, n, batchSize) : null;
      layers.push({ z, bnOut, act, actIn: bnOut, out: act, bn, ln, noise, gradOut, gradActIn: grad(), gradZ: grad(), gradAct: gradOut });
    } else {
      const gradZ = grad();
      layers.push({ z, bnOut, act, actIn: z, out: bnOut, bn, ln, noise: null, gradOut, gradActIn: gradZ, gradZ, gradAct: grad() });
    }
  }
  const nOut = sizes[sizes.length - 1];
  return {
    batchSize,
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
