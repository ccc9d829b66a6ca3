import type { Placement } from '../../src/engine/index.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';

/** A table's head row: the row header's title, then one column per variant, named in its ink. */
export function VariantHeadRow({ first, placements }: { first: string; placements: readonly Placement[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {placements.map((p) => (
          <th key={p} scope="col" style={{ color: VARIANT_STYLES[p].ink }}>
            {VARIANT_STYLES[p].short}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A cell with a bar in the variant's color (share 0–1 of the track), a number in bold and a note beside it. */
export function MeterCell({ placement, share, value, note }: { placement: Placement; share: number; value: string; note: string }) {
  return (
    <td data-variant={placement}>
      <span className="meter-track" aria-hidden="true">
        <span className="meter-fill" style={{ width: `${100 * share}%`, background: VARIANT_STYLES[placement].color }} />
      </span>
      <span className="num">{value}</span> <span className="ics-cos">{note}</span>
    </td>
  );
}
