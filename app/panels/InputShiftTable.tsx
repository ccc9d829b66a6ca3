import type { Placement } from '../../src/engine/index.ts';
import { SHIFT_WINDOW } from '../../src/experiment/index.ts';
import { Term } from '../glossary/Term.tsx';
import { useLatest } from '../hooks/useLatest.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { MeterCell, VariantHeadRow } from './VariantTableParts.tsx';
import { formatShift, shiftBar } from './inputShiftFormat.ts';

/**
 * How far every hidden layer's inputs move per SHIFT_WINDOW steps (inputShift.ts), averaged since the
 * second window: the mean in units of the spread, and the spread itself. A bar per variant on a log
 * scale, so that 1% and 5% differ as visibly as 20% and 100%.
 */
export function InputShiftTable() {
  const history = useTrainer().history;
  const shape = useStore((s) => s.shape);
  const { step, location, spread, placements } = useLatest(
    () => {
      const s = history.latest;
      const shape = history.shape;
      if (s === null || shape === null) return { step: NaN, location: [] as number[][], spread: [] as number[][], placements: [] as Placement[] };
      const layers = Array.from({ length: shape.nLayers }, (_, l) => l);
      return {
        // Measured every SHIFT_WINDOW steps: the numbers change only then.
        step: Math.floor(s.step / SHIFT_WINDOW) * SHIFT_WINDOW,
        location: layers.map((l) => shape.placements.map((_, v) => s.layer(v, l, 'shiftLocationAvg'))),
        spread: layers.map((l) => shape.placements.map((_, v) => s.layer(v, l, 'shiftSpreadAvg'))),
        placements: shape.placements,
      };
    },
    (t) => `${t.step}:${t.placements.join()}:${t.location.length}`,
    [shape],
  );
  if (placements.length === 0) return null;
  const measured = step >= 2 * SHIFT_WINDOW;
  return (
    <div className="ics-layers shift-layers" data-testid="input-shift">
      <table>
        <caption className="live-caption">
          <Term id="inputShift">Input shift</Term> per {SHIFT_WINDOW} steps, averaged{' '}
          {measured ? `from step ${SHIFT_WINDOW} to ${step.toLocaleString('en-US')}` : `once step ${2 * SHIFT_WINDOW} is reached`}: how much each unit’s spread
          changes (%, the bar, on a log scale from 0.1% to 100%) and how far its mean moves (in σ, its spread)
        </caption>
        <VariantHeadRow first="Layer" placements={placements} />
        <tbody>
          {spread.map((row, l) => (
            <tr key={l}>
              <th scope="row">{l + 1}</th>
              {row.map((sp, v) => {
                const text = formatShift(location[l][v], sp);
                return <MeterCell key={placements[v]} placement={placements[v]} share={shiftBar(sp)} value={text.spread} note={text.location} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
