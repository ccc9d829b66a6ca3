import { describe, expect, it } from 'vitest';
import { makeHouses } from './houses.ts';
import { eigen2, QuadraticLoss, scalingProblem, toRaw, toStandardized } from './quadratic.ts';

describe('eigen2', () => {
  it.each([
    [4, 1, 2],
    [3, 0, 5],
    [2, 0, 2],
    [1e5, 900, 20],
    [1, -2, 1.5],
  ])('returns eigenpairs of [[%d, %d], [%d]]', (a, b, d) => {
    const e = eigen2(a, b, d);
    expect(e.max).toBeGreaterThanOrEqual(e.min);
    expect(e.max + e.min).toBeCloseTo(a + d, 6);
    expect(e.max * e.min).toBeCloseTo(a * d - b * b, 3);
    for (const [lambda, v] of [
      [e.max, e.vMax],
      [e.min, e.vMin],
    ] as const) {
      expect(Math.hypot(...v)).toBeCloseTo(1, 12);
      expect(a * v[0] + b * v[1]).toBeCloseTo(lambda * v[0], 6);
      expect(b * v[0] + d * v[1]).toBeCloseTo(lambda * v[1], 6);
    }
  });
});

describe('QuadraticLoss', () => {
  const x1 = [1, 2, 3, 4, 5];
  const x2 = [2, -1, 0.5, 3, 1];
  const y = [3, 1, 2, 8, 5];
  const f = QuadraticLoss.fit(x1, x2, y);
  const mse = (w1: number, w2: number) => y.reduce((s, yi, i) => s + (yi - w1 * x1[i] - w2 * x2[i]) ** 2, 0) / y.length;

  it('is the mean squared error of the 2-parameter linear model', () => {
    for (const [w1, w2] of [
      [0, 0],
      [1, -1],
      [0.3, 2.5],
    ])
      expect(f.loss(w1, w2)).toBeCloseTo(mse(w1, w2), 10);
  });

  it('has the gradient of finite differences, zero at the minimum', () => {
    const g: [number, number] = [0, 0];
    const h = 1e-6;
    f.gradient(0.7, -0.4, g);
    expect(g[0]).toBeCloseTo((mse(0.7 + h, -0.4) - mse(0.7 - h, -0.4)) / (2 * h), 5);
    expect(g[1]).toBeCloseTo((mse(0.7, -0.4 + h) - mse(0.7, -0.4 - h)) / (2 * h), 5);
    f.gradient(...f.minimum, g);
    expect(Math.hypot(...g)).toBeLessThan(1e-10);
    expect(f.loss(...f.minimum)).toBeCloseTo(f.minLoss, 10);
    expect(f.excess(1, 1)).toBeCloseTo(f.loss(1, 1) - f.minLoss, 10);
  });

  it('has Hessian 2XᵀX/n, and the stable limit and fastest rate that follow from it', () => {
    const n = y.length;
    const a11 = x1.reduce((s, v) => s + v * v, 0) / n;
    const a22 = x2.reduce((s, v) => s + v * v, 0) / n;
    const a12 = x1.reduce((s, v, i) => s + v * x2[i], 0) / n;
    const e = eigen2(2 * a11, 2 * a12, 2 * a22);
    expect(f.hessian.max).toBeCloseTo(e.max, 10);
    expect(f.condition).toBeCloseTo(e.max / e.min, 8);
    expect(f.stableLimit()).toBeCloseTo(2 / e.max, 12);
    expect(f.stableLimit(0.9)).toBeCloseTo(3.8 / e.max, 12);
    expect(f.fastestRate()).toBeCloseTo(2 / (e.max + e.min), 12);
  });

  it('refuses collinear features', () => {
    expect(() => QuadraticLoss.fit([1, 2, 3], [2, 4, 6], [1, 2, 3])).toThrow(/collinear/);
  });
});

describe('the houses problem', () => {
  const p = scalingProblem(makeHouses());

  it('is badly conditioned on raw features and nearly round once standardized', () => {
    expect(p.raw.condition).toBeGreaterThan(1000);
    expect(p.standardized.condition).toBeLessThan(1.5);
    // The stable learning rates differ by orders of magnitude.
    expect(p.standardized.stableLimit() / p.raw.stableLimit()).toBeGreaterThan(1e4);
  });

  it('finds about the same slopes either way (the data has no intercept)', () => {
    const back = toRaw(p.standardized.minimum, p.scale);
    expect(back[0]).toBeCloseTo(p.raw.minimum[0], 0);
    expect(back[1]).toBeCloseTo(p.raw.minimum[1], 1);
    expect(toRaw(toStandardized([3, -2], p.scale), p.scale)).toEqual([3, -2]);
  });
});

describe('the unit of floor area', () => {
  const houses = makeHouses();
  const m2 = scalingProblem(houses, 1);
  const tens = scalingProblem(houses, 10);

  it('changes the raw problem and leaves the standardized one alone', () => {
    expect(tens.raw.condition).toBeLessThan(m2.raw.condition / 10);
    expect(tens.raw.minimum[1]).toBeCloseTo(10 * m2.raw.minimum[1], 8);
    expect(tens.standardized.minimum[0]).toBeCloseTo(m2.standardized.minimum[0], 8);
    expect(tens.standardized.minimum[1]).toBeCloseTo(m2.standardized.minimum[1], 8);
    expect(tens.standardized.condition).toBeCloseTo(m2.standardized.condition, 8);
    expect(tens.scale[1]).toBeCloseTo(m2.scale[1] / 10, 8);
  });
});
