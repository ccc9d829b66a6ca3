import { describe, expect, it } from 'vitest';
import { chartLayout, textWidth, Y_TICK_ROOM } from './axisLayout.ts';

/** The horizontal extent of the rotated y title and of the widest right-aligned y tick label. */
function leftExtents(font: number, ticks: string[]) {
  const l = chartLayout(font, ticks, ['0', '5k']);
  const title = [l.yTitleX - 0.93 * font, l.yTitleX + 0.24 * font];
  const widest = Math.max(...ticks.map((t) => textWidth(t, font)));
  const tick = [l.left - l.yTickGap - widest, l.left - l.yTickGap];
  return { l, title, tick };
}

describe('chart layout', () => {
  it('keeps the y title clear of the y tick labels and inside the chart, at any font size', () => {
    for (const font of [13.6, 16.5, 18, 24]) {
      const { title, tick } = leftExtents(font, ['10', '1', '0.1', '0.01', '0.001', '0.0001']);
      expect(title[0]).toBeGreaterThanOrEqual(0);
      expect(tick[0]).toBeGreaterThan(title[1]);
    }
  });

  it('makes room for a wider tick label than the usual ones', () => {
    const usual = chartLayout(18, ['0.01', '0.1', '1'], []);
    expect(usual.left).toBe(chartLayout(18, [Y_TICK_ROOM], []).left);
    expect(chartLayout(18, ['0.00001'], []).left).toBeGreaterThan(usual.left);
  });

  it('stacks x tick labels and the x title below the plot without overlap, inside the margin', () => {
    for (const font of [13.6, 18, 24]) {
      const l = chartLayout(font, [], ['0', '50k']);
      const tickBottom = l.xTickDy + 0.24 * font;
      const titleTop = l.xTitleDy - 0.93 * font;
      expect(titleTop).toBeGreaterThan(tickBottom);
      expect(l.xTitleDy + 0.24 * font).toBeLessThanOrEqual(l.bottom);
      // Half of the last x tick label fits in the right margin.
      expect(l.right).toBeGreaterThanOrEqual(textWidth('50k', font) / 2);
    }
  });

  it('estimates widths generously for digits and narrowly for the dot', () => {
    expect(textWidth('0.0001', 10)).toBeCloseTo(5 * 6.36 + 3.18, 6);
    expect(textWidth('100%', 10)).toBeGreaterThan(textWidth('1000', 10));
  });
});
