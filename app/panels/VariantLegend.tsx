import { useStore } from '../store/store.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { Swatch } from '../viz/Swatch.tsx';

/** Which line is which: each variant's full name beside its color, dash and marker. */
export function VariantLegend() {
  const placements = useStore((s) => s.shape?.placements ?? null);
  if (placements === null) return null;
  return (
    <ul className="variant-legend" aria-label="Variants" data-testid="variant-legend">
      {placements.map((p) => (
        <li key={p} data-variant={p} style={{ color: VARIANT_STYLES[p].ink }}>
          <Swatch placement={p} /> {VARIANT_STYLES[p].label}
        </li>
      ))}
    </ul>
  );
}
