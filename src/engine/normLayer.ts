import {
  batchNormAccumulatePopulation,
  batchNormBackward,
  batchNormBeginPopulation,
  batchNormEndPopulation,
  batchNormForwardBatch,
  batchNormForwardFixed,
  batchNormUpdateRunning,
  createBatchNorm,
  createBatchNormCache,
  type AffineParams,
  type BatchNormCache,
  type BatchNormParams,
} from './batchnorm.ts';
import { assertNever, type DType, type FloatArray } from './floatArray.ts';
import { createLayerNorm, createLayerNormCache, layerNormBackward, layerNormForward, type LayerNormCache, type LayerNormParams } from './layerNorm.ts';
import {
  createLpBatchNorm,
  createLpBatchNormCache,
  lpBatchNormAccumulatePopulation,
  lpBatchNormBackward,
  lpBatchNormBeginPopulation,
  lpBatchNormEndPopulation,
  lpBatchNormForwardBatch,
  lpBatchNormForwardFixed,
  lpBatchNormUpdateRunning,
  type LpBatchNormCache,
  type LpBatchNormParams,
  type LpOrder,
} from './lpBatchNorm.ts';
import type { ForwardMode } from './modes.ts';
import type { NormKind } from './spec.ts';

/** The ℓp batch norms' kinds. */
export type LpKind = Exclude<NormKind, 'bn' | 'ln'>;

/**
 * What one kind of normalization does with its parameters P and a workspace's cache C, as activations.ts's
 * records do for activations. A layer picks its record once, when it is built.
 */
export interface NormOps<P, C> {
  /** The cache for batches of up to batchSize rows over n units. */
  createCache(dtype: DType, n: number, batchSize: number): C;
  /**
   * x: [rows, n] → y: [rows, n]. Batch norms use batch statistics in train/collect/batch/probe (train also
   * updates the running averages, collect the population pass) and fixed statistics otherwise; layer norm
   * is the same in every mode.
   */
  forward(p: P, x: FloatArray, y: FloatArray, cache: C, rows: number, mode: ForwardMode): void;
  /** Backward of forward: gradY: [rows, n] → gradX: [rows, n], filling γ's and β's gradients. */
  backward(p: P, gradY: FloatArray, cache: C, gradX: FloatArray, rows: number, usedBatchStats: boolean): void;
  /** The statistics kept for inference, in a fixed order (layer norm keeps none). */
  statistics(p: P): readonly FloatArray[];
  /** Whether forward can run in 'population' mode (layer norm needs no pass: always). */
  hasPopulation(p: P): boolean;
  /** Marks the population statistics as computed or not (after copying them in). */
  setHasPopulation(p: P, has: boolean): void;
  /** Starts a population pass (BN paper, Alg. 2). */
  beginPopulation(p: P): void;
  /** Ends the population pass: population statistics become available. */
  endPopulation(p: P): void;
}

const BATCH_NORM: NormOps<BatchNormParams, BatchNormCache> = {
  createCache: createBatchNormCache,
  forward(p, x, y, cache, rows, mode) {
    switch (mode) {
      case 'train':
      case 'collect':
      case 'batch':
      case 'probe':
        batchNormForwardBatch(p, x, y, cache, rows);
        if (mode === 'train') batchNormUpdateRunning(p, cache, rows);
        else if (mode === 'collect') batchNormAccumulatePopulation(p, cache, rows);
        return;
      case 'running':
        batchNormForwardFixed(p, x, y, cache, rows, p.runningMean, p.runningVar);
        return;
      case 'population':
        batchNormForwardFixed(p, x, y, cache, rows, p.populationMean, p.populationVar);
        return;
      default:
        assertNever(mode, 'forward mode');
    }
  },
  backward: batchNormBackward,
  statistics: (p) => [p.runningMean, p.runningVar, p.populationMean, p.populationVar],
  hasPopulation: (p) => p.hasPopulation,
  setHasPopulation(p, has) {
    p.hasPopulation = has;
  },
  beginPopulation: batchNormBeginPopulation,
  endPopulation: batchNormEndPopulation,
};

function lpBatchNormOps(order: LpOrder): NormOps<LpBatchNormParams, LpBatchNormCache> {
  return {
    createCache: createLpBatchNormCache,
    forward(p, x, y, cache, rows, mode) {
      switch (mode) {
        case 'train':
        case 'collect':
        case 'batch':
        case 'probe':
          lpBatchNormForwardBatch(order, p, x, y, cache, rows);
          if (mode === 'train') lpBatchNormUpdateRunning(p, cache);
          else if (mode === 'collect') lpBatchNormAccumulatePopulation(p, cache);
          return;
        case 'running':
          lpBatchNormForwardFixed(order, p, x, y, cache, rows, p.runningMean, p.runningScale);
          return;
        case 'population':
          lpBatchNormForwardFixed(order, p, x, y, cache, rows, p.populationMean, p.populationScale);
          return;
        default:
          assertNever(mode, 'forward mode');
      }
    },
    backward(p, gradY, cache, gradX, rows, usedBatchStats) {
      lpBatchNormBackward(order, p, gradY, cache, gradX, rows, usedBatchStats);
    },
    statistics: (p) => [p.runningMean, p.runningScale, p.populationMean, p.populationScale],
    hasPopulation: (p) => p.hasPopulation,
    setHasPopulation(p, has) {
      p.hasPopulation = has;
    },
    beginPopulation: lpBatchNormBeginPopulation,
    endPopulation: lpBatchNormEndPopulation,
  };
}

const LP_BATCH_NORMS: Record<LpKind, NormOps<LpBatchNormParams, LpBatchNormCache>> = {
  l1: lpBatchNormOps(1),
  l2: lpBatchNormOps(2),
  linf: lpBatchNormOps('inf'),
};

const LAYER_NORM: NormOps<LayerNormParams, LayerNormCache> = {
  createCache: createLayerNormCache,
  forward(p, x, y, cache, rows) {
    layerNormForward(p, x, y, cache, rows);
  },
  backward(p, gradY, cache, gradX, rows) {
    layerNormBackward(p, gradY, cache, gradX, rows);
  },
  statistics: () => [],
  hasPopulation: () => true,
  setHasPopulation() {},
  beginPopulation() {},
  endPopulation() {},
};

/** A layer's normalization over one workspace's cache: the pass the model runs, with its kind's ops. */
export class NormPass<K extends NormKind, P extends AffineParams, C> {
  constructor(
    readonly kind: K,
    readonly params: P,
    /** x̂ and the statistics the last forward pass used. */
    readonly cache: C,
    private readonly ops: NormOps<P, C>,
  ) {}

  /** x: [rows, n] → y: [rows, n] in the given mode, leaving x̂ and the statistics in the cache. */
  forward(x: FloatArray, y: FloatArray, rows: number, mode: ForwardMode): void {
    this.ops.forward(this.params, x, y, this.cache, rows, mode);
  }

  /** gradY: [rows, n] → gradX: [rows, n], filling γ's and β's gradients. */
  backward(gradY: FloatArray, gradX: FloatArray, rows: number, usedBatchStats: boolean): void {
    this.ops.backward(this.params, gradY, this.cache, gradX, rows, usedBatchStats);
  }
}

/** One hidden layer's normalization: its kind, its parameters (and statistics), and its kind's ops. */
export class Norm<K extends NormKind, P extends AffineParams, C> {
  constructor(
    readonly kind: K,
    readonly params: P,
    private readonly ops: NormOps<P, C>,
  ) {}

  /** This layer's pass over a new cache for batches of up to batchSize rows. */
  createPass(dtype: DType, batchSize: number): NormPass<K, P, C> {
    return new NormPass(this.kind, this.params, this.ops.createCache(dtype, this.params.n, batchSize), this.ops);
  }

  /** Whether forward can run in 'population' mode. */
  get hasPopulation(): boolean {
    return this.ops.hasPopulation(this.params);
  }

  /** The statistics kept for inference, in a fixed order. */
  statistics(): readonly FloatArray[] {
    return this.ops.statistics(this.params);
  }

  /** Starts a population pass. */
  beginPopulation(): void {
    this.ops.beginPopulation(this.params);
  }

  /** Ends the population pass. */
  endPopulation(): void {
    this.ops.endPopulation(this.params);
  }

  /** Copies the statistics kept for inference from a normalization of the same kind and width. */
  copyStatisticsFrom(other: Normalization): void {
    const mine = this.statistics();
    const theirs = other.statistics();
    if (other.kind !== this.kind || other.params.n !== this.params.n) {
      throw new Error(`cannot copy ${other.kind} statistics over ${other.params.n} units into ${this.kind} over ${this.params.n}`);
    }
    mine.forEach((s, i) => s.set(theirs[i]));
    this.ops.setHasPopulation(this.params, other.hasPopulation);
  }
}

/** A hidden layer's normalization, by kind: batch norm, ℓp batch norm or layer norm. */
export type Normalization =
  Norm<'bn', BatchNormParams, BatchNormCache> | Norm<LpKind, LpBatchNormParams, LpBatchNormCache> | Norm<'ln', LayerNormParams, LayerNormCache>;

/** A normalization's pass over one workspace, by kind (what the probes read the batch statistics from). */
export type NormalizationPass =
  NormPass<'bn', BatchNormParams, BatchNormCache> | NormPass<LpKind, LpBatchNormParams, LpBatchNormCache> | NormPass<'ln', LayerNormParams, LayerNormCache>;

/** A new normalization of the given kind over n units: γ = 1, β = 0, and a batch norm's starting statistics. */
export function createNormalization(kind: NormKind, dtype: DType, n: number, eps: number, momentum: number): Normalization {
  switch (kind) {
    case 'bn':
      return new Norm(kind, createBatchNorm(dtype, n, eps, momentum), BATCH_NORM);
    case 'l1':
    case 'l2':
    case 'linf':
      return new Norm(kind, createLpBatchNorm(dtype, n, eps, momentum), LP_BATCH_NORMS[kind]);
    case 'ln':
      return new Norm(kind, createLayerNorm(dtype, n, eps), LAYER_NORM);
    default:
      return assertNever(kind, 'normalization');
  }
}

/** A batch norm's running averages: its mean and the spread it divides by (BN: variance; ℓp BN: ℓp scale); null for layer norm or none. */
export function runningStatistics(norm: Normalization | null): { readonly mean: FloatArray; readonly spread: FloatArray } | null {
  if (norm === null) return null;
  switch (norm.kind) {
    case 'bn':
      return { mean: norm.params.runningMean, spread: norm.params.runningVar };
    case 'l1':
    case 'l2':
    case 'linf':
      return { mean: norm.params.runningMean, spread: norm.params.runningScale };
    case 'ln':
      return null;
    default:
      return assertNever(norm, 'normalization');
  }
}

/** The parameters and statistics of a plain batch norm (not ℓp BN, not layer norm), or null. */
export function batchNormOf(norm: Normalization | null): BatchNormParams | null {
  return norm?.kind === 'bn' ? norm.params : null;
}
