import { LAYER_STATS, LS } from '../../src/experiment/snapshot.ts';
import { superscript } from '../../src/chain/chain.ts';
import { normOf, type Placement } from '../../src/engine/spec.ts';
import type { SnapshotData } from '../history/History.ts';

/** The tracked unit's BN numbers in one variant at a snapshot. */
export interface UnitBn {
  readonly batchMean: number;
  readonly batchVar: number;
  readonly runningMean: number;
  readonly runningVar: number;
  readonly gamma: number;
  readonly beta: number;
}

/** Reads the tracked unit's BN numbers of variant v, hidden layer `layer` (0-based), or null without BN there. */
export function unitBn(s: SnapshotData, nLayers: number, v: number, layer: number): UnitBn | null {
  const at = (key: keyof typeof LS) => s.layer[(v * nLayers + layer) * LAYER_STATS.length + LS[key]];
  const mean = at('unitBatchMean');
  if (!Number.isFinite(mean)) return null;
  return {
    batchMean: mean,
    batchVar: at('unitBatchVar'),
    runningMean: at('unitRunningMean'),
    runningVar: at('unitRunningVar'),
    gamma: at('unitGamma'),
    beta: at('unitBeta'),
  };
}

/**
 * BN's transform worked through for one input of the unit, x = μ_B + σ_B (one batch standard deviation
 * above the batch mean): its normalized value x̂ and BN's output y = γ·x̂ + β. With ε ≪ σ²_B, x̂ ≈ 1.
 */
export function workedExample(bn: UnitBn, eps: number): { x: number; xhat: number; y: number } {
  const x = bn.batchMean + Math.sqrt(bn.batchVar);
  const xhat = (x - bn.batchMean) / Math.sqrt(bn.batchVar + eps);
  return { x, xhat, y: bn.gamma * xhat + bn.beta };
}

/** ‖∂L/∂b‖ of hidden layer `layer`'s dense bias in variant v at a snapshot. */
export function biasGradient(s: SnapshotData, nLayers: number, v: number, layer: number): number {
  return s.layer[(v * nLayers + layer) * LAYER_STATS.length + LS.biasGradNorm];
}

/** The first variant with standard batch norm (before, after, or noisy; not layer norm or ℓp BN), or −1. */
export function firstBnVariant(placements: readonly Placement[]): number {
  return placements.findIndex((p) => normOf(p) === 'bn');
}

/** A number for the story's live readouts: 4 significant digits, scientific when tiny, "—" when unknown. */
export function formatLive(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v !== 0 && Math.abs(v) < 1e-3) {
    const [mantissa, exponent] = v.toExponential(1).split('e');
    return `${mantissa.replace('-', '−')}×10⁻${superscript(-Number(exponent))}`;
  }
  return v.toPrecision(4).replace(/^-/, '−');
}
