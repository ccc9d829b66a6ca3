import type { Placement } from '../../src/engine/index.ts';
import { markerPath, VARIANT_STYLES } from './palette.ts';

/** A short sample of a variant's line, its color, dash and marker as every chart draws them. */
export function Swatch({ placement, width = 40 }: { placement: Placement; width?: number }) {
  const s = VARIANT_STYLES[placement];
  return (
    <svg className="swatch-line" width={width} height="14" aria-hidden="true">
      <line x1="1" y1="7" x2={width - 1} y2="7" stroke={s.color} strokeWidth="3" strokeDasharray={s.dash || undefined} />
      <path d={markerPath(s.marker, width / 2, 7, 5)} fill={s.color} />
    </svg>
  );
}
