import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activation } from './activations.ts';

const points = [-30, -5, -2.5, -1, -0.3, 0.2, 0.7, 1.5, 3, 8, 30];

describe.each(ACTIVATIONS)('%s', (name) => {
  const act = activation(name);

  it('has a derivative that matches central differences', () => {
    for (const x of points) {
      const h = 1e-6;
      const numeric = (act.f(x + h) - act.f(x - h)) / (2 * h);
      expect(Math.abs(act.df(x) - numeric)).toBeLessThan(1e-8);
    }
  });

  it('has array kernels that agree with f and df', () => {
    const x = Float64Array.from(points);
    const y = new Float64Array(x.length);
    const gradY = Float64Array.from(points, (_, i) => 0.1 * (i + 1));
    const gradX = new Float64Array(x.length);
    act.forward(x, y, x.length);
    act.backward(x, y, gradY, gradX, x.length);
    points.forEach((p, i) => {
      expect(y[i]).toBeCloseTo(act.f(p), 12);
      expect(gradX[i]).toBeCloseTo(gradY[i] * act.df(p), 12);
    });
  });

  it('stays finite at extreme inputs', () => {
    for (const x of [-1e6, -800, 800, 1e6]) {
      expect(Number.isFinite(act.f(x))).toBe(true);
      expect(Number.isFinite(act.df(x))).toBe(true);
    }
  });
});
