import { describe, expect, it } from 'vitest';
import { driftLayout, MIN_DRIFT_CELL, stripRows, symmetricSpan, thinRows } from './driftLayout.ts';

describe('driftLayout', () => {
  it('puts the charts of a layer side by side when they fit, and wraps them into even rows when they do not', () => {
    expect(driftLayout(700, 2, 3).columns).toBe(2);
    expect(driftLayout(350, 3, 3).columns).toBe(1);
    expect(driftLayout(900, 4, 3).columns).toBe(4);
    expect(driftLayout(500, 4, 3).columns).toBe(2);
    // Six charts where five fit: two rows of three, not five and one.
    expect(driftLayout(1040, 6, 3).columns).toBe(3);
  });

  it('never makes a chart narrower than the minimum, and shortens the bands of deep networks', () => {
    expect(driftLayout(100, 3, 2).cellWidth).toBe(MIN_DRIFT_CELL - 12);
    expect(driftLayout(700, 2, 1).bandHeight).toBeGreaterThan(driftLayout(700, 2, 3).bandHeight);
    expect(driftLayout(700, 2, 3).bandHeight).toBeGreaterThan(driftLayout(700, 2, 6).bandHeight);
  });
});

describe('symmetricSpan', () => {
  it('covers the largest magnitude on either side with a round number, skipping NaN', () => {
    const span = (values: number[]) => symmetricSpan(values.length, (i) => values[i]);
    expect(span([-3.2, 1, NaN])).toBe(5);
    expect(span([0.2, -0.4])).toBe(1);
    expect(span([NaN])).toBe(1);
    expect(span([7, -12])).toBe(20);
  });
});

describe('stripRows', () => {
  it('maps columns to the nearest row until the last step, and leaves the rest empty', () => {
    const steps = [0, 10, 20, 30];
    const near = (s: number) => steps.reduce((best, v, i) => (Math.abs(v - s) < Math.abs(steps[best] - s) ? i : best), 0);
    expect(Array.from(stripRows(4, 32, 30, 4, near))).toEqual([0, 1, 2, 3]);
    expect(Array.from(stripRows(4, 80, 30, 4, near))).toEqual([1, 3, -1, -1]);
    expect(Array.from(stripRows(3, 40, 0, 0, near))).toEqual([-1, -1, -1]);
  });
});

describe('thinRows', () => {
  it('keeps every row when they fit, else every stride-th row, always ending on the last', () => {
    const all = (t: { count: number; row: (i: number) => number }) => Array.from({ length: t.count }, (_, i) => t.row(i));
    expect(all(thinRows(5, 10))).toEqual([0, 1, 2, 3, 4]);
    expect(all(thinRows(10, 5))).toEqual([0, 2, 4, 6, 8, 9]);
    expect(all(thinRows(1025, 300))).toHaveLength(257);
    expect(all(thinRows(1025, 300)).at(-1)).toBe(1024);
    expect(all(thinRows(0, 300))).toEqual([]);
  });
});
