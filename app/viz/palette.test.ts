import { describe, expect, it } from 'vitest';
import { markerPath, VARIANT_STYLES } from './palette.ts';

/** WCAG relative luminance of a #rrggbb color. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('variant styles', () => {
  it('tell every two variants apart by color and dash, and by color and marker; text colors read on white', () => {
    const styles = Object.values(VARIANT_STYLES);
    expect(new Set(styles.map((s) => `${s.color} ${s.dash}`)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => `${s.color} ${s.marker}`)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.label)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.short)).size).toBe(styles.length);
    // Batch norm's four placements, the lab's first comparison, differ in every cue at once.
    const bn = [VARIANT_STYLES.none, VARIANT_STYLES.before, VARIANT_STYLES.after, VARIANT_STYLES.noisy];
    for (const key of ['color', 'dash', 'marker'] as const) expect(new Set(bn.map((s) => s[key])).size).toBe(bn.length);
    for (const s of styles) expect(contrast(s.ink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Lines and marks need 3:1 against the white chart background (WCAG non-text contrast).
    for (const s of styles) expect(contrast(s.color, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('draws every marker as a closed path with finite coordinates', () => {
    for (const s of Object.values(VARIANT_STYLES)) {
      const d = markerPath(s.marker, 50, 40, 8);
      expect(d.endsWith('Z')).toBe(true);
      expect(d).not.toMatch(/NaN|undefined/);
    }
  });
});
