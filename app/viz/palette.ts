import type { Placement } from '../../src/engine/spec.ts';

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
  readonly color: string;
  /** A darker shade of the color for text, with at least 4.5:1 contrast on white. */
  readonly ink: string;
  /** SVG stroke-dasharray ('' for solid). */
  readonly dash: string;
  /** Marker shape drawn at the "90% reached" step and in legends. */
  readonly marker: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'invtriangle';
}

export const VARIANT_STYLES: Record<Placement, VariantStyle> = {
  none: { label: 'Plain (no BN)', short: 'Plain', color: '#D55E00', ink: '#A34400', dash: '10 6', marker: 'circle' },
  before: { label: 'BN before activation', short: 'BN before', color: '#0072B2', ink: '#00639B', dash: '', marker: 'square' },
  after: { label: 'BN after activation', short: 'BN after', color: '#009E73', ink: '#00704F', dash: '3 5', marker: 'triangle' },
  noisy: { label: 'Noisy BN (shifted)', short: 'Noisy BN', color: '#CC79A7', ink: '#8F4A74', dash: '14 4 3 4', marker: 'diamond' },
  'ln-before': { label: 'Layer norm before activation', short: 'LN before', color: '#555555', ink: '#444444', dash: '', marker: 'cross' },
  'ln-after': { label: 'Layer norm after activation', short: 'LN after', color: '#555555', ink: '#444444', dash: '3 5', marker: 'invtriangle' },
  'l1-before': { label: 'ℓ1 BN before activation', short: 'ℓ1 BN before', color: '#882255', ink: '#882255', dash: '', marker: 'invtriangle' },
  'l1-after': { label: 'ℓ1 BN after activation', short: 'ℓ1 BN after', color: '#882255', ink: '#882255', dash: '3 5', marker: 'cross' },
  'l2-before': { label: 'ℓ2 BN before activation', short: 'ℓ2 BN before', color: '#332288', ink: '#332288', dash: '', marker: 'circle' },
  'l2-after': { label: 'ℓ2 BN after activation', short: 'ℓ2 BN after', color: '#332288', ink: '#332288', dash: '3 5', marker: 'square' },
  'linf-before': { label: 'ℓ∞ BN before activation', short: 'ℓ∞ BN before', color: '#9E8F00', ink: '#6B6100', dash: '', marker: 'triangle' },
  'linf-after': { label: 'ℓ∞ BN after activation', short: 'ℓ∞ BN after', color: '#9E8F00', ink: '#6B6100', dash: '3 5', marker: 'diamond' },
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
    case 'invtriangle':
      return `M${x},${y + r * 1.15}L${x + r * 1.1},${y - r * 0.85}L${x - r * 1.1},${y - r * 0.85}Z`;
    case 'cross': {
      const a = r * 0.4;
      return `M${x - a},${y - r}h${2 * a}v${r - a}h${r - a}v${2 * a}h${a - r}v${r - a}h${-2 * a}v${a - r}h${a - r}v${-2 * a}h${r - a}Z`;
    }
  }
}
