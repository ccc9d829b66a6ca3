import { describe, expect, it } from 'vitest';
import { contourPath, formatAmount, formatLimit, formatRate, polylinePath } from './contourGeometry.ts';

const double = (v: number) => 2 * v;

describe('contour geometry', () => {
  it('draws each ring as a closed path in pixels', () => {
    const d = contourPath(
      {
        level: 1,
        rings: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
          [[5, 5]],
        ],
      },
      double,
      double,
    );
    expect(d).toBe('M0.0,0.0L2.0,0.0L2.0,2.0ZM10.0,10.0Z');
  });

  it('draws only the first points of a path', () => {
    const pts = Float64Array.from([0, 0, 1, 2, 3, 4]);
    expect(polylinePath(pts, 2, double, double)).toBe('M0.0,0.0L2.0,4.0');
    expect(polylinePath(pts, 10, double, double)).toBe('M0.0,0.0L2.0,4.0L6.0,8.0');
    expect(polylinePath(pts, 0, double, double)).toBe('');
  });

  it('thins a long path after its first points, keeping the last', () => {
    const long = Float64Array.from({ length: 2 * 10_000 }, (_, i) => i);
    const d = polylinePath(
      long,
      10_000,
      (v) => v,
      (v) => v,
      100,
    );
    const points = d.split(/[ML]/).filter(Boolean);
    expect(points.length).toBeLessThanOrEqual(202);
    expect(points.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => `${2 * i}.0,${2 * i + 1}.0`));
    expect(points.at(-1)).toBe('19998.0,19999.0');
  });

  it('formats rates and amounts without NaN', () => {
    expect(formatRate(1.4e-5)).toBe('1.4e−5');
    expect(formatRate(1.54666e-5)).toBe('1.55e−5');
    expect(formatRate(0.5)).toBe('0.5');
    expect(formatRate(NaN)).toBe('—');
    expect(formatAmount(16711)).toBe('16,711');
    expect(formatAmount(1.0984)).toBe('1.1');
    expect(formatAmount(Infinity)).toBe('—');
    expect(formatAmount(1e300)).toBe('1.00e300');
  });

  it('shows a limit rounded down, never over the limit', () => {
    expect(formatLimit(0.0015064)).toBe('0.0015');
    expect(formatLimit(1.54699e-5)).toBe('1.54e−5');
    expect(formatLimit(0.955)).toBe('0.955');
    expect(formatLimit(2)).toBe('2');
    for (const v of [0.0015064, 1.54699e-5, 0.9552, 3.7e-9, 123.456]) expect(Number(formatLimit(v).replace('−', '-'))).toBeLessThanOrEqual(v);
  });
});
