import { useId } from 'react';
import { VARIANTS_MAX as MAX, VARIANTS_MIN as MIN } from '../../src/config/index.ts';
import { PLACEMENTS, type Placement } from '../../src/engine/index.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { Swatch } from '../viz/Swatch.tsx';
import { nextUnused, PLACEMENT_GROUPS, replaceSlot } from './variantSlots.ts';

/**
 * One drop-down per variant slot (2 to 4): no normalization, batch norm before or after the activation or
 * noisy, layer norm, or ℓ1/ℓ2/ℓ∞ batch norm. A placement already in another slot is offered but disabled,
 * so the variants always differ.
 */
export function VariantPicker({ variants, onChange }: { variants: readonly Placement[]; onChange: (next: Placement[]) => void }) {
  const id = useId();
  return (
    <div className="variant-picker">
      {variants.map((p, slot) => (
        <div key={slot} className="variant-slot">
          <div className="variant-slot-head">
            <label htmlFor={`${id}-${slot}`}>
              <Swatch placement={p} /> Variant {slot + 1}
            </label>
            <button
              type="button"
              className="variant-remove"
              aria-label={`Remove variant ${slot + 1} (${VARIANT_STYLES[p].label})`}
              disabled={variants.length <= MIN}
              title={variants.length <= MIN ? 'Two variants at least: the point is the comparison' : undefined}
              onClick={() => onChange(variants.filter((_, i) => i !== slot))}
            >
              ×
            </button>
          </div>
          <select
            id={`${id}-${slot}`}
            value={p}
            style={{ color: VARIANT_STYLES[p].ink }}
            onChange={(e) => onChange(replaceSlot(variants, slot, e.target.value as Placement))}
          >
            {PLACEMENT_GROUPS.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.placements.map((o) => (
                  <option key={o} value={o} disabled={o !== p && variants.includes(o)}>
                    {VARIANT_STYLES[o].label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      ))}
      {variants.length < MAX && (
        <button type="button" className="variant-add" onClick={() => onChange([...variants, nextUnused(variants, PLACEMENTS)])}>
          + Add a variant
        </button>
      )}
    </div>
  );
}
