import {
  batchNormAccumulatePopulation,
  batchNormBackward,
  batchNormForwardBatch,
  batchNormForwardFixed,
  batchNormUpdateRunning,
  type BatchNormParams,
} from './batchnorm.ts';
import { assertNever, type FloatArray } from './floatArray.ts';
import { layerNormBackward, layerNormForward, type LayerNormParams } from './layerNorm.ts';
import {
  lpBatchNormAccumulatePopulation,
  lpBatchNormBackward,
  lpBatchNormForwardBatch,
  lpBatchNormForwardFixed,
  lpBatchNormUpdateRunning,
  type LpOrder,
} from './lpBatchNorm.ts';
import type { ForwardMode } from './model.ts';
import type { NormKind } from './spec.ts';
import type { LayerCache } from './workspace.ts';

/** A hidden layer's normalization parameters: BN's (also ℓp BN's) or layer norm's, by kind. */
export interface NormParams {
  readonly kind: NormKind;
  readonly bn: BatchNormParams | null;
  readonly ln: LayerNormParams | null;
}

const LP_ORDER: Partial<Record<NormKind, LpOrder>> = { l1: 1, l2: 2, linf: 'inf' };

/**
 * The layer's normalization of x: [rows, n] into y in the given mode. Batch norms use batch statistics in
 * train/collect/batch/probe (train also updates the running averages, collect the population pass) and
 * fixed statistics otherwise; layer norm is the same in every mode.
 */
export function normForward(p: NormParams, x: FloatArray, y: FloatArray, c: LayerCache, rows: number, mode: ForwardMode): void {
  if (p.kind === 'ln') {
    if (p.ln === null || c.ln === null) throw new Error('layer norm without its parameters or cache');
    layerNormForward(p.ln, x, y, c.ln, rows);
    return;
  }
  const bn = p.bn;
  const cache = c.bn;
  if (bn === null || cache === null) throw new Error(`${p.kind} without its parameters or cache`);
  const order = LP_ORDER[p.kind];
  switch (mode) {
    case 'train':
    case 'collect':
    case 'batch':
    case 'probe':
      if (order === undefined) batchNormForwardBatch(bn, x, y, cache, rows);
      else lpBatchNormForwardBatch(order, bn, x, y, cache, rows);
      if (mode === 'train') {
        if (order === undefined) batchNormUpdateRunning(bn, cache, rows);
        else lpBatchNormUpdateRunning(bn, cache);
      } else if (mode === 'collect') {
        if (order === undefined) batchNormAccumulatePopulation(bn, cache, rows);
        else lpBatchNormAccumulatePopulation(bn, cache);
      }
      return;
    case 'running':
    case 'population': {
      const mean = mode === 'running' ? bn.runningMean : bn.populationMean;
      const spread = mode === 'running' ? bn.runningVar : bn.populationVar;
      if (order === undefined) batchNormForwardFixed(bn, x, y, cache, rows, mean, spread);
      else lpBatchNormForwardFixed(order, bn, x, y, cache, rows, mean, spread);
      return;
    }
    default:
      assertNever(mode, 'forward mode');
  }
}

/** Backward of normForward: gradY → gradX, filling the normalization's γ and β gradients. */
export function normBackward(p: NormParams, gradY: FloatArray, c: LayerCache, gradX: FloatArray, rows: number, usedBatchStats: boolean): void {
  if (p.kind === 'ln') {
    if (p.ln === null || c.ln === null) throw new Error('layer norm without its parameters or cache');
    layerNormBackward(p.ln, gradY, c.ln, gradX, rows);
    return;
  }
  if (p.bn === null || c.bn === null) throw new Error(`${p.kind} without its parameters or cache`);
  const order = LP_ORDER[p.kind];
  if (order === undefined) batchNormBackward(p.bn, gradY, c.bn, gradX, rows, usedBatchStats);
  else lpBatchNormBackward(order, p.bn, gradY, c.bn, gradX, rows, usedBatchStats);
}
