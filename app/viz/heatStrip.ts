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

/**
 * A CSS linear-gradient for the strips' legend: the colours paintHeatStrip gives shares from 0 to the
 * strip's largest, left to right, in `stops` steps (the same square-root scale: the middle stop is a quarter of the largest).
 */
export function heatLegendGradient(stops = 9): string {
  const parts: string[] = [];
  for (let i = 0; i < stops; i++) {
    const t = i / (stops - 1);
    const k = 3 * Math.round(t * 255);
    parts.push(`rgb(${VIRIDIS[k]}, ${VIRIDIS[k + 1]}, ${VIRIDIS[k + 2]}) ${Math.round(t * 100)}%`);
  }
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
