import { interpolateViridis } from 'd3-scale-chromatic';

/** 256 RGB triples of the viridis ramp, so painting a pixel is a table look-up. */
export const VIRIDIS: Uint8ClampedArray = (() => {
  const out = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++) {
    // d3's ramps return "#rrggbb" or "rgb(r, g, b)".
    const c = interpolateViridis(i / 255);
    const rgb = c.startsWith('#') ? [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16)) : (c.match(/\d+/g) ?? []).map(Number);
    out.set(rgb.slice(0, 3), 3 * i);
  }
  return out;
})();

/**
 * Paints a histogram-over-time strip into RGBA pixels: column c shows history row rowAt(c) (−1: nothing
 * yet, transparent); pixel row r is bin ⌊(height−1−r)·bins/height⌋ (low values at the bottom). Shares are
 * shown on a square-root scale against `max`, so thin tails stay visible.
 */
export function paintHeatStrip(
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  rowAt: (column: number) => number,
  bins: number,
  shareAt: (row: number, bin: number) => number,
  max: number,
): void {
  const scale = max > 0 ? 1 / Math.sqrt(max) : 0;
  for (let c = 0; c < width; c++) {
    const row = rowAt(c);
    for (let r = 0; r < height; r++) {
      const at = 4 * (r * width + c);
      if (row < 0) {
        pixels[at + 3] = 0;
        continue;
      }
      const bin = Math.floor(((height - 1 - r) * bins) / height);
      const t = Math.min(1, Math.sqrt(Math.max(0, shareAt(row, bin))) * scale);
      const k = 3 * Math.round(t * 255);
      pixels[at] = VIRIDIS[k];
      pixels[at + 1] = VIRIDIS[k + 1];
      pixels[at + 2] = VIRIDIS[k + 2];
      pixels[at + 3] = 255;
    }
  }
}
