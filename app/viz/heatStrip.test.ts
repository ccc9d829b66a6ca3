import { describe, expect, it } from 'vitest';
import { heatLegendGradient, paintHeatStrip, VIRIDIS } from './heatStrip.ts';

describe('heat strip', () => {
  it('maps time to columns and low bins to the bottom, brighter for larger shares', () => {
    const width = 4;
    const height = 2;
    const px = new Uint8ClampedArray(width * height * 4);
    // Two rows of history, two bins: row 0 all in bin 0 (bottom), row 1 all in bin 1 (top).
    paintHeatStrip(
      px,
      width,
      height,
      (c) => (c < 2 ? 0 : 1),
      2,
      (row, bin) => (row === bin ? 1 : 0),
      1,
    );
    const pixel = (c: number, r: number) => Array.from(px.subarray(4 * (r * width + c), 4 * (r * width + c) + 3));
    const bright = Array.from(VIRIDIS.subarray(255 * 3, 256 * 3));
    const dark = Array.from(VIRIDIS.subarray(0, 3));
    expect(pixel(0, 1)).toEqual(bright);
    expect(pixel(0, 0)).toEqual(dark);
    expect(pixel(3, 0)).toEqual(bright);
    expect(pixel(3, 1)).toEqual(dark);
    expect(px[3]).toBe(255);
  });

  it('has a viridis table from dark purple to yellow', () => {
    expect(Array.from(VIRIDIS.subarray(0, 3))).toEqual([68, 1, 84]);
    expect(VIRIDIS[255 * 3]).toBeGreaterThan(240);
  });

  it('gives its legend the strip colours from an empty bin to the fullest', () => {
    const css = heatLegendGradient(3);
    expect(css).toBe(
      `linear-gradient(to right, rgb(68, 1, 84) 0%, rgb(${VIRIDIS.slice(128 * 3, 128 * 3 + 3).join(', ')}) 50%, rgb(${VIRIDIS.slice(255 * 3).join(', ')}) 100%)`,
    );
  });
});
