import type { Placement } from '../../src/engine/index.ts';
import { Term } from '../glossary/Term.tsx';
import { useLatest } from '../hooks/useLatest.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { MeterCell, VariantHeadRow } from './VariantTableParts.tsx';

const small = (v: number) => (Number.isFinite(v) ? v.toPrecision(2) : '—');

/**
 * Internal covariate shift as Santurkar et al. define it, for every hidden layer at the latest probe:
 * ‖G − G′‖ as a bar per variant, with cos(G, G′) beside it.
 */
export function IcsByLayer() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const { step, diff, cos, placements } = useLatest(
    () => {
      // The history's own shape, which always matches its latest snapshot (the store's may already be newer).
      const s = history.latest;
      const shape = history.shape;
      if (s === null || shape === null) return { step: NaN, diff: [] as number[][], cos: [] as number[][], placements: [] as Placement[] };
      const layers = Array.from({ length: shape.nLayers }, (_, l) => l);
      return {
        step: Math.max(...shape.placements.map((_, v) => s.variant(v, 'probeStep'))),
        diff: layers.map((l) => shape.placements.map((_, v) => s.layer(v, l, 'icsDiff'))),
        cos: layers.map((l) => shape.placements.map((_, v) => s.layer(v, l, 'icsCos'))),
        // Rendered with the numbers, so a newer run's shape never meets this run's numbers.
        placements: shape.placements,
      };
    },
    (t) => `${t.step}:${t.placements.join()}:${t.diff.length}`,
    [shape],
  );
  if (placements.length === 0 || !(step >= 0)) return null;
  const top = Math.max(1e-12, ...diff.slice(1).flat().filter(Number.isFinite));
  return (
    <div className="ics-layers" data-testid="ics-by-layer">
      <table>
        <caption className="live-caption">
          <Term id="ics">Covariate shift</Term> of every layer at step {step.toLocaleString('en-US')}: <Term id="gradDiff">‖G − G′‖</Term>, and{' '}
          <Term id="gradCos">cos(G, G′)</Term> beside it
        </caption>
        <VariantHeadRow first="Layer" placements={placements} />
        <tbody>
          {diff.map((row, l) => (
            <tr key={l}>
              <th scope="row">{l + 1}</th>
              {l === 0 && (
                <td colSpan={row.length} className="ics-none">
                  No earlier layer to update: no shift, by definition.
                </td>
              )}
              {l > 0 &&
                row.map((d, v) => (
                  <MeterCell
                    key={placements[v]}
                    placement={placements[v]}
                    share={Number.isFinite(d) ? Math.max(0, Math.min(1, d / top)) : 0}
                    value={small(d)}
                    note={`cos ${small(cos[l][v])}`}
                  />
                ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
