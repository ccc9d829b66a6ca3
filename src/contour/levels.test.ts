import { describe, expect, it } from 'vitest';
import { fitView, logLevels, lossContours } from './levels.ts';
import { QuadraticLoss } from './quadratic.ts';

describe('fitView', () => {
  it('holds the points with equal units per pixel on both axes', () => {
    const v = fitView(
      [
        [0, 0],
        [10, 1],
      ],
      400,
      300,
    );
    expect(v.x0).toBeLessThan(0);
    expect(v.x1).toBeGreaterThan(10);
    expect(v.y0).toBeLessThan(0);
    expect(v.y1).toBeGreaterThan(1);
    expect((v.x1 - v.x0) / 400).toBeCloseTo((v.y1 - v.y0) / 300, 12);
  });
});

describe('logLevels', () => {
  it('falls by a constant ratio from the largest value', () => {
    const l = logLevels(900, 5, 3);
    expect(l).toHaveLength(5);
    for (let i = 1; i < l.length; i++) expect(l[i - 1] / l[i]).toBeCloseTo(3, 12);
    expect(l[0]).toBeLessThan(900);
    expect(logLevels(0)).toEqual([]);
    expect(logLevels(NaN)).toEqual([]);
  });
});

describe('lossContours', () => {
  it('draws rings on which the excess loss equals their level', () => {
    const f = new QuadraticLoss(3, 1, 1, 0, 0, 0);
    const view = fitView(
      [
        [-2, -2],
        [2, 2],
      ],
      400,
      300,
    );
    const shapes = lossContours(f, view, 160, 120, 6);
    expect(shapes).toHaveLength(6);
    let checked = 0;
    for (const { level, rings } of shapes) {
      for (const ring of rings)
        for (const [x, y] of ring) {
          // Points on the view's edge close the ring and need not lie on the level.
          if (x <= view.x0 + 1e-9 || x >= view.x1 - 1e-9 || y <= view.y0 + 1e-9 || y >= view.y1 - 1e-9) continue;
          expect(Math.abs(Math.log(f.excess(x, y) / level))).toBeLessThan(0.08);
          checked++;
        }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
