import { describe, expect, it } from 'vitest';
import { VARIANT_STYLES } from './palette.ts';

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
  it('give every variant its own color, dash and marker, and text colors that read on white', () => {
    const styles = Object.values(VARIANT_STYLES);
    for (const key of ['color', 'dash', 'marker'] as const) expect(new Set(styles.map((s) => s[key])).size).toBe(styles.length);
    for (const s of styles) expect(contrast(s.ink, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    // Lines and marks need 3:1 against the white chart background (WCAG non-text contrast).
    for (const s of styles) expect(contrast(s.color, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});
