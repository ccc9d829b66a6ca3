import type { Placement } from '../../src/engine/index.ts';

/**
 * How one variant looks everywhere: a color-blind-safe color (Okabe–Ito, darkened where needed for 3:1 on
 * white; Paul Tol's wine and indigo where it runs out) plus a second cue. Batch norm's four placements each
 * have their own color, dash and marker. The other normalizations have a color per kind (layer norm gray, ℓ1
 * wine, ℓ2 indigo, near BN's blue since it is BN's transform, ℓ∞ olive), solid before the activation and
 * dotted after it, each with its own marker.
 */
export interface VariantStyle {
  readonly label: string;
  readonly short: string;
  /** The line color: a CSS variable the theme sets. */
  readonly color: string;
  /** The text color (a CSS variable): a shade of the line color with at least 4.5:1 contrast on the page. */
  readonly ink: string;
  /** SVG stroke-dasharray ('' for solid). */
  readonly dash: string;
  /** Marker shape drawn at the "90% reached" step and in legends. */
  readonly marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'invtriangle';
}

/** The page's two themes; each has its own inks for the same variants. */
export type Theme = 'light' | 'dark';

/** A variant's line color and text color in one theme. */
export interface Inks {
  readonly color: string;
  readonly ink: string;
}

type Cues = Omit<VariantStyle, 'color' | 'ink'>;

const CUES: Record<Placement, Cues> = {
  none: { label: 'Plain (no BN)', short: 'Plain', dash: '10 6', marker: 'circle' },
  before: { label: 'BN before activation', short: 'BN before', dash: '', marker: 'square' },
  after: { label: 'BN after activation', short: 'BN after', dash: '3 5', marker: 'triangle' },
  noisy: { label: 'Noisy BN (shifted)', short: 'Noisy BN', dash: '14 4 3 4', marker: 'diamond' },
  'ln-before': { label: 'Layer norm before activation', short: 'LN before', dash: '', marker: 'cross' },
  'ln-after': { label: 'Layer norm after activation', short: 'LN after', dash: '3 5', marker: 'invtriangle' },
  'l1-before': { label: 'ℓ1 BN before activation', short: 'ℓ1 BN before', dash: '', marker: 'invtriangle' },
  'l1-after': { label: 'ℓ1 BN after activation', short: 'ℓ1 BN after', dash: '3 5', marker: 'cross' },
  'l2-before': { label: 'ℓ2 BN before activation', short: 'ℓ2 BN before', dash: '', marker: 'circle' },
  'l2-after': { label: 'ℓ2 BN after activation', short: 'ℓ2 BN after', dash: '3 5', marker: 'square' },
  'linf-before': { label: 'ℓ∞ BN before activation', short: 'ℓ∞ BN before', dash: '', marker: 'triangle' },
  'linf-after': { label: 'ℓ∞ BN after activation', short: 'ℓ∞ BN after', dash: '3 5', marker: 'diamond' },
};

/** One color per kind of normalization (and per BN placement), before and after sharing it. */
function byKind(kinds: Record<'none' | 'before' | 'after' | 'noisy' | 'ln' | 'l1' | 'l2' | 'linf', Inks>): Record<Placement, Inks> {
  return {
    none: kinds.none,
    before: kinds.before,
    after: kinds.after,
    noisy: kinds.noisy,
    'ln-before': kinds.ln,
    'ln-after': kinds.ln,
    'l1-before': kinds.l1,
    'l1-after': kinds.l1,
    'l2-before': kinds.l2,
    'l2-after': kinds.l2,
    'linf-before': kinds.linf,
    'linf-after': kinds.linf,
  };
}

/** Each theme's inks: lines ≥ 3:1 and text ≥ 4.5:1 against its chart background (white, or the dark card). */
export const THEME_INKS: Record<Theme, Record<Placement, Inks>> = {
  light: byKind({
    none: { color: '#D55E00', ink: '#A34400' },
    before: { color: '#0072B2', ink: '#00639B' },
    after: { color: '#009E73', ink: '#00704F' },
    noisy: { color: '#CC79A7', ink: '#8F4A74' },
    ln: { color: '#555555', ink: '#444444' },
    l1: { color: '#882255', ink: '#882255' },
    l2: { color: '#332288', ink: '#332288' },
    linf: { color: '#9E8F00', ink: '#6B6100' },
  }),
  // Okabe–Ito's lighter members where the light theme's darkened ones sink into the dark page.
  dark: byKind({
    none: { color: '#E8762A', ink: '#F5934F' },
    before: { color: '#3D9BE0', ink: '#6FB8EE' },
    after: { color: '#00B386', ink: '#2FD3A5' },
    noisy: { color: '#CC79A7', ink: '#E3A3C7' },
    ln: { color: '#A8A8A8', ink: '#C4C4C4' },
    l1: { color: '#E0607E', ink: '#F08AA2' },
    l2: { color: '#8C7CE6', ink: '#AEA3F0' },
    linf: { color: '#C9B62A', ink: '#DDCC4A' },
  }),
};

/** The CSS custom property holding a variant's line color (suffix '-ink' for its text color). */
const cssVar = (p: Placement) => `--variant-${p}`;

/** Every variant's style. Colors are CSS variables, so the theme switches them without a re-render. */
export const VARIANT_STYLES: Record<Placement, VariantStyle> = Object.fromEntries(
  (Object.keys(CUES) as Placement[]).map((p) => [p, { ...CUES[p], color: `var(${cssVar(p)})`, ink: `var(${cssVar(p)}-ink)` }]),
) as Record<Placement, VariantStyle>;

/**
 * The style sheet defining each theme's variant colors (light on :root, dark on [data-theme='dark']). In
 * presenter mode's light theme the lines take the darker text inks, which hold 4.5:1 on white and so
 * survive a washed-out projector.
 */
export function paletteCss(): string {
  const placements = Object.keys(CUES) as Placement[];
  const block = (theme: Theme) => placements.map((p) => `${cssVar(p)}:${THEME_INKS[theme][p].color};${cssVar(p)}-ink:${THEME_INKS[theme][p].ink};`).join('');
  const projector = placements.map((p) => `${cssVar(p)}:${THEME_INKS.light[p].ink};`).join('');
  return `:root{${block('light')}}:root[data-theme='dark']{${block('dark')}}:root[data-present][data-theme='light']{${projector}}`;
}

/** An SVG path for a marker of the given shape centred at (x, y), radius r. */
export function markerPath(shape: VariantStyle['marker'], x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
      return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case 'triangle':
      return `M${x},${y - r * 1.15}L${x + r * 1.1},${y + r * 0.85}L${x - r * 1.1},${y + r * 0.85}Z`;
    case 'diamond':
      return `M${x},${y - r * 1.25}L${x + r},${y}L${x},${y + r * 1.25}L${x - r},${y}Z`;
    case 'invtriangle':
      return `M${x},${y + r * 1.15}L${x + r * 1.1},${y - r * 0.85}L${x - r * 1.1},${y - r * 0.85}Z`;
    case 'cross': {
      const a = r * 0.4;
      return `M${x - a},${y - r}h${2 * a}v${r - a}h${r - a}v${2 * a}h${a - r}v${r - a}h${-2 * a}v${a - r}h${a - r}v${-2 * a}h${r - a}Z`;
    }
  }
}
