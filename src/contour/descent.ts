import type { QuadraticLoss, Vec2 } from './quadratic.ts';

/** How to descend. */
export interface DescentOptions {
  readonly lr: number;
  /** Heavy-ball momentum β in [0, 1): v ← β·v + ∇L, w ← w − η·v (PyTorch's convention). 0 is plain GD. */
  readonly momentum: number;
  /** Converged once the excess loss L − L* is at most tolerance × its value at the start. */
  readonly tolerance: number;
  /** Steps to try before giving up ("not converged"). */
  readonly maxSteps: number;
  /** Points of the path to keep for drawing (the path is followed to the end regardless). */
  readonly keep: number;
}

export const DEFAULT_DESCENT: Omit<DescentOptions, 'lr'> = { momentum: 0, tolerance: 1e-6, maxSteps: 200_000, keep: 20_000 };

/** Diverged once the excess loss grows this many times beyond its start value (or stops being finite). */
export const DIVERGENCE_FACTOR = 1e8;

/** A gradient-descent run from one start point. */
export interface DescentResult {
  /** x, y pairs: the start point, then one per step, for at most `keep` points. All finite. */
  readonly path: Float64Array;
  /** Excess loss L − L* at each kept point. */
  readonly excess: Float64Array;
  /** The step at which the tolerance was met, or null. */
  readonly convergedAt: number | null;
  /** The step at which the run was declared diverged, or null. */
  readonly divergedAt: number | null;
  /** Steps taken. */
  readonly steps: number;
}

/**
 * Runs gradient descent (with optional momentum) on a quadratic loss from `start`. It stops at
 * convergence, divergence or maxSteps; the kept path never contains a non-finite point, because a
 * step that leaves the finite numbers ends the run as diverged before it is recorded.
 */
export function descend(f: QuadraticLoss, start: Vec2, options: DescentOptions): DescentResult {
  const { lr, momentum, tolerance, maxSteps } = options;
  const keep = Math.max(1, Math.min(options.keep, maxSteps + 1));
  const path = new Float64Array(2 * keep);
  const excess = new Float64Array(keep);
  let [w1, w2] = start;
  let v1 = 0;
  let v2 = 0;
  const g: [number, number] = [0, 0];
  const e0 = f.excess(w1, w2);
  path[0] = w1;
  path[1] = w2;
  excess[0] = e0;
  let kept = 1;
  let convergedAt: number | null = e0 === 0 ? 0 : null;
  let divergedAt: number | null = null;
  let step = 0;
  while (convergedAt === null && step < maxSteps) {
    f.gradient(w1, w2, g);
    v1 = momentum * v1 + g[0];
    v2 = momentum * v2 + g[1];
    const n1 = w1 - lr * v1;
    const n2 = w2 - lr * v2;
    step++;
    const e = f.excess(n1, n2);
    if (!Number.isFinite(n1) || !Number.isFinite(n2) || !Number.isFinite(e) || e > DIVERGENCE_FACTOR * Math.max(e0, 1e-12)) {
      divergedAt = step;
      break;
    }
    w1 = n1;
    w2 = n2;
    if (kept < keep) {
      path[2 * kept] = w1;
      path[2 * kept + 1] = w2;
      excess[kept] = e;
      kept++;
    }
    if (e <= tolerance * e0) convergedAt = step;
  }
  return { path: path.slice(0, 2 * kept), excess: excess.slice(0, kept), convergedAt, divergedAt, steps: step };
}
