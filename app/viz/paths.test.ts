import { describe, expect, it } from 'vitest';
import { bandPath, histogramOutline, histogramPath, linePath } from './paths.ts';

const id = (v: number) => v;

describe('path helpers', () => {
  it('draws a polyline with gaps where values are missing', () => {
    const ys = [1, 2, NaN, 4, 5];
    expect(
      linePath(
        5,
        (i) => i * 10,
        (i) => ys[i],
        id,
        id,
      ),
    ).toBe('M0,1L10,2M30,4L40,5');
    expect(linePath(0, id, id, id, id)).toBe('');
    // A log scale maps 0 to -Infinity: that point becomes a gap too.
    expect(
      linePath(
        2,
        (i) => i,
        (i) => i,
        id,
        Math.log,
      ),
    ).toBe('M1,0');
  });

  it('closes a band from the upper edge back along the lower one', () => {
    expect(
      bandPath(
        2,
        (i) => i,
        () => 0,
        () => 1,
        (v) => v * 10,
        (v) => 100 - v * 10,
      ),
    ).toBe('M0,90L10,90L10,100L0,100Z');
  });

  it('draws one bar per non-empty bin over the full range, and an outline for the ghost', () => {
    const d = histogramPath(
      [0.5, 0, 0.25, 0.25],
      4,
      -2,
      2,
      (v) => (v + 2) * 10,
      (v) => 100 - v * 100,
    );
    expect(d).toBe('M0,100V50H10V100ZM20,100V75H30V100ZM30,100V75H40V100Z');
    expect(
      histogramOutline(
        [0.5, 0],
        2,
        0,
        2,
        (v) => v,
        (v) => -v,
      ),
    ).toBe('M0,0V-0.5H1V0H2V0');
  });
});
