import { describe, expect, it } from 'vitest';
import { makeHouses } from './houses.ts';
import { descend, DEFAULT_DESCENT } from './descent.ts';
import { QuadraticLoss, scalingProblem, type Vec2 } from './quadratic.ts';

/** A tilted, elongated bowl: A = [[5, 2], [2, 1.2]], minimum at (1, −2). */
const f = new QuadraticLoss(5, 2, 1.2, 5 * 1 + 2 * -2, 2 * 1 + 1.2 * -2, 10);
const start: Vec2 = [-3, 4];

/** Coordinates of w − w* in the Hessian's eigenbasis. */
function eigenCoords(w: Vec2): [number, number] {
  const d = [w[0] - f.minimum[0], w[1] - f.minimum[1]];
  const { vMax, vMin } = f.hessian;
  return [d[0] * vMax[0] + d[1] * vMax[1], d[0] * vMin[0] + d[1] * vMin[1]];
}

describe('descend', () => {
  it('follows the closed form w_t − w* = (I − ηH)^t (w_0 − w*)', () => {
    for (const lr of [0.02, 0.08, 0.15]) {
      expect(lr).toBeLessThan(f.stableLimit());
      const r = descend(f, start, { ...DEFAULT_DESCENT, lr, maxSteps: 40, keep: 41, tolerance: 0 });
      const [c1, c2] = eigenCoords(start);
      for (let t = 0; t <= 40; t++) {
        const [e1, e2] = eigenCoords([r.path[2 * t], r.path[2 * t + 1]]);
        expect(e1).toBeCloseTo(c1 * (1 - lr * f.hessian.max) ** t, 9);
        expect(e2).toBeCloseTo(c2 * (1 - lr * f.hessian.min) ** t, 9);
      }
    }
  });

  it('follows the heavy-ball recurrence d_{t+1} = (1 + β − ηλ)d_t − β·d_{t−1} in each eigen-direction', () => {
    const lr = 0.1;
    const beta = 0.8;
    const r = descend(f, start, { ...DEFAULT_DESCENT, lr, momentum: beta, maxSteps: 30, keep: 31, tolerance: 0 });
    for (const [k, lambda] of [
      [0, f.hessian.max],
      [1, f.hessian.min],
    ] as const) {
      let prev = eigenCoords(start)[k];
      let cur = prev * (1 - lr * lambda); // v₀ = 0, so the first step is plain GD
      for (let t = 1; t <= 30; t++) {
        expect(eigenCoords([r.path[2 * t], r.path[2 * t + 1]])[k]).toBeCloseTo(cur, 9);
        [prev, cur] = [cur, (1 + beta - lr * lambda) * cur - beta * prev];
      }
    }
  });

  it.each([0, 0.5, 0.9])('is stable at 0.99× the limit and diverges at 1.01× (momentum %d)', (momentum) => {
    const limit = f.stableLimit(momentum);
    const below = descend(f, start, { ...DEFAULT_DESCENT, momentum, lr: 0.99 * limit });
    expect(below.divergedAt).toBeNull();
    expect(below.convergedAt).not.toBeNull();
    const above = descend(f, start, { ...DEFAULT_DESCENT, momentum, lr: 1.01 * limit });
    expect(above.convergedAt).toBeNull();
    expect(above.divergedAt).not.toBeNull();
    expect(above.path.every(Number.isFinite)).toBe(true);
  });

  it.each([1, 10])('holds the 0.99× / 1.01× bound on the houses too (area in %d m²)', (unit) => {
    const p = scalingProblem(makeHouses(), unit);
    for (const f of [p.raw, p.standardized]) {
      expect(descend(f, [-20, 10], { ...DEFAULT_DESCENT, lr: 0.99 * f.stableLimit() }).divergedAt).toBeNull();
      expect(descend(f, [-20, 10], { ...DEFAULT_DESCENT, lr: 1.01 * f.stableLimit() }).divergedAt).not.toBeNull();
    }
  });

  it('counts the steps to converge as the closed form predicts', () => {
    // A diagonal bowl started on one axis: the excess shrinks by (1 − ηλ)² per step.
    const g = new QuadraticLoss(2, 0, 0.5, 0, 0, 0);
    const lr = 0.1;
    const tol = 1e-6;
    const r = descend(g, [0, 3], { ...DEFAULT_DESCENT, lr, tolerance: tol });
    const lambda = 1; // 2·0.5
    expect(r.convergedAt).toBe(Math.ceil(Math.log(tol) / (2 * Math.log(1 - lr * lambda))));
    expect(r.steps).toBe(r.convergedAt);
  });

  it('keeps at most `keep` points but follows the run to its end', () => {
    const r = descend(f, start, { ...DEFAULT_DESCENT, lr: 0.01, keep: 50 });
    expect(r.path.length).toBe(100);
    expect(r.convergedAt).toBeGreaterThan(50);
  });

  it('stops at maxSteps without converging on a badly conditioned problem', () => {
    const p = scalingProblem(makeHouses());
    const r = descend(p.raw, [-20, 10], { ...DEFAULT_DESCENT, lr: 0.9 * p.raw.stableLimit(), maxSteps: 1000 });
    expect(r.convergedAt).toBeNull();
    expect(r.divergedAt).toBeNull();
    expect(r.steps).toBe(1000);
  });

  it('takes thousands of steps on raw features and a handful on standardized ones', () => {
    const p = scalingProblem(makeHouses());
    const raw = descend(p.raw, [-20, 10], { ...DEFAULT_DESCENT, lr: 0.9 * p.raw.stableLimit() });
    const std = descend(p.standardized, [-46, 1057], { ...DEFAULT_DESCENT, lr: p.standardized.fastestRate() });
    expect(raw.convergedAt).toBeGreaterThan(5000);
    expect(std.convergedAt).toBeLessThan(10);
  });
});
