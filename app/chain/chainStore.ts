import { create } from 'zustand';
import { presetWeights, type ChainPreset } from '../../src/chain/index.ts';

export interface ChainState {
  /** w1 … wl; the depth is their count (2 to 10). */
  weights: number[];
  /** The input x. */
  x: number;
  /** The learning rate ε. */
  eps: number;
  /** Normalize the last hidden value, as batch norm would. */
  normalize: boolean;
}

export const MIN_DEPTH = 2;
export const MAX_DEPTH = 10;
export const WEIGHT_RANGE = [-2, 2] as const;
export const EPS_RANGE = [1e-4, 1] as const;

export function defaultChainState(): ChainState {
  return { weights: presetWeights('all 1.5', 6), x: 1, eps: 0.05, normalize: false };
}

export const useChainStore = create<ChainState>(() => defaultChainState());

/** Sets the depth, keeping the weights already chosen and filling new layers with 1. */
export function setDepth(l: number): void {
  const depth = Math.min(MAX_DEPTH, Math.max(MIN_DEPTH, Math.round(l)));
  useChainStore.setState((s) => ({ weights: Array.from({ length: depth }, (_, i) => s.weights[i] ?? 1) }));
}

/** Applies a weight preset at the current depth. */
export function applyPreset(p: ChainPreset): void {
  useChainStore.setState((s) => ({ weights: presetWeights(p, s.weights.length) }));
}

/** Sets one weight. */
export function setWeight(i: number, v: number): void {
  useChainStore.setState((s) => ({ weights: s.weights.map((w, j) => (j === i ? v : w)) }));
}

/** Sets the input x. */
export function setInput(x: number): void {
  useChainStore.setState({ x });
}

/** Sets the learning rate ε. */
export function setEps(eps: number): void {
  useChainStore.setState({ eps });
}

/** Normalizes the last hidden value, or not. */
export function setNormalize(normalize: boolean): void {
  useChainStore.setState({ normalize });
}
