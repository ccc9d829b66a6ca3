import type { Placement } from '../../src/engine/spec.ts';

/** How one variant looks everywhere: a color-blind-safe color (Okabe–Ito) plus a second cue. */
export interface VariantStyle {
  readonly label: string;
  readonly short: string;
  readonly color: string;
  /** A darker shade of the color for text, with at least 4.5:1 contrast on white. */
  readonly ink: string;
  /** SVG stroke-dasharray ('' for solid). */
  readonly dash: string;
  /** Marker shape drawn at the "90% reached" step and in legends. */
  readonly marker: 'circle' | 'square' | 'triangle' | 'diamond';
}

export const VARIANT_STYLES: Record<Placement, VariantStyle> = {
  none: { label: 'Plain (no BN)', short: 'Plain', color: '#D55E00', ink: '#A34400', dash: '10 6', marker: 'circle' },
  before: { label: 'BN before activation', short: 'BN before', color: '#0072B2', ink: '#00639B', dash: '', marker: 'square' },
  after: { label: 'BN after activation', short: 'BN after', color: '#009E73', ink: '#00704F', dash: '3 5', marker: 'triangle' },
  noisy: { label: 'Noisy BN (shifted)', short: 'Noisy BN', color: '#CC79A7', ink: '#8F4A74', dash: '14 4 3 4', marker: 'diamond' },
};

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
  }
}
