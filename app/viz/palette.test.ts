import { describe, expect, it } from 'vitest';
import { markerPath, paletteCss, THEME_INKS, VARIANT_STYLES } from './palette.ts';

/** WCAG relative luminance of a #rrggbb color. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

const BACKGROUNDS = { light: '#ffffff', dark: '#1b1f24' } as const;

describe('variant styles', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`tell every two variants apart by color and dash, and by color and marker, in the ${theme} theme; inks read on its charts`, () => {
      const placements = Object.keys(VARIANT_STYLES) as (keyof typeof VARIANT_STYLES)[];
      const styles = placements.map((p) => ({ ...VARIANT_STYLES[p], ...THEME_INKS[theme][p] }));
      expect(new Set(styles.map((s) => `${s.color} ${s.dash}`)).size).toBe(styles.length);
      expect(new Set(styles.map((s) => `${s.color} ${s.marker}`)).size).toBe(styles.length);
      expect(new Set(styles.map((s) => s.label)).size).toBe(styles.length);
      expect(new Set(styles.map((s) => s.short)).size).toBe(styles.length);
      // Batch norm's four placements, the lab's first comparison, differ in every cue at once.
      const bn = styles.slice(0, 4);
      expect(placements.slice(0, 4)).toEqual(['none', 'before', 'after', 'noisy']);
      for (const key of ['color', 'dash', 'marker'] as const) expect(new Set(bn.map((s) => s[key])).size).toBe(bn.length);
      for (const s of styles) expect(contrast(s.ink, BACKGROUNDS[theme])).toBeGreaterThanOrEqual(4.5);
      // Lines and marks need 3:1 against the chart background (WCAG non-text contrast).
      for (const s of styles) expect(contrast(s.color, BACKGROUNDS[theme])).toBeGreaterThanOrEqual(3);
    });
  }

  it('defines every variable the styles use, once per theme', () => {
    const css = paletteCss();
    const [light, dark] = css.split(":root[data-theme='dark']");
    for (const s of Object.values(VARIANT_STYLES)) {
      for (const v of [s.color, s.ink]) {
        const name = /^var\((--[\w-]+)\)$/.exec(v)?.[1];
        expect(name).toBeDefined();
        expect(light).toContain(`${name}:#`);
        expect(dark).toContain(`${name}:#`);
      }
    }
    expect(dark).toContain(`--variant-none:${THEME_INKS.dark.none.color};`);
    expect(light).toContain(`--variant-none-ink:${THEME_INKS.light.none.ink};`);
  });

  it("gives presenter mode's light theme lines in the darker inks, still one color per kind", () => {
    const projector = paletteCss().split(":root[data-present][data-theme='light']")[1];
    expect(projector).toContain(`--variant-ln-before:${THEME_INKS.light['ln-before'].ink};`);
    const inks = Object.values(THEME_INKS.light).map((i) => i.ink);
    const colors = Object.values(THEME_INKS.light).map((i) => i.color);
    expect(new Set(inks).size).toBe(new Set(colors).size);
  });

  it('draws every marker as a closed path with finite coordinates', () => {
    for (const s of Object.values(VARIANT_STYLES)) {
      const d = markerPath(s.marker, 50, 40, 8);
      expect(d.endsWith('Z')).toBe(true);
      expect(d).not.toMatch(/NaN|undefined/);
    }
  });
});
