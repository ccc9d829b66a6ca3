import { SWEEP_BUDGET, SWEEP_FACTORS } from '../../src/experiment/index.ts';
import type { Placement } from '../../src/engine/index.ts';
import { useStore } from '../store/store.ts';
import { sweepBusy, useSweepStore } from '../sweep/sweepStore.ts';
import { useSweep } from '../trainer/SweepContext.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { formatPercent, formatTick } from '../viz/format.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { VariantHeadRow } from './VariantTableParts.tsx';
import { Panel } from './Panel.tsx';
import { SweepChart } from './SweepChart.tsx';
import { gapText, outcomeText, rangeText, usableRange } from './sweepChart.ts';

const STATUS_TEXT = {
  idle: '',
  loading: 'Loading the data…',
  running: 'Running',
  done: 'Done',
  cancelled: 'Cancelled',
  failed: 'Failed',
} as const;

/**
 * Larger learning rates, fewer steps: a learning-rate sweep of the lab's setup, run in its own workers
 * with a progress bar and a cancel button. Steps to 90% per rate and variant, the usable range, and the
 * train/test gap at the end of each rate's run.
 */
export function SweepPanel() {
  const sweep = useSweep();
  const trainer = useTrainer();
  const labConfig = useStore((s) => s.config);
  const status = useSweepStore((s) => s.status);
  const rows = useSweepStore((s) => s.rows);
  const config = useSweepStore((s) => s.config);
  const busy = sweepBusy(status);
  const placements: readonly Placement[] = config?.variants ?? labConfig.variants;
  const baseLr = config?.lr ?? labConfig.lr;
  const start = () => {
    // The sweep and the lab would share the processor: the lab waits.
    trainer.pause();
    sweep.start(labConfig);
  };
  return (
    <Panel
      id="lr-sweep"
      title="Learning-rate sweep"
      watch="Each learning rate from 0.03× to 30× the lab's, from the same start on the same batches: how many steps each variant needs to reach 90% test accuracy, or whether it never does or diverges."
      actions={
        busy ? (
          <button type="button" onClick={() => sweep.cancel()}>
            Cancel sweep
          </button>
        ) : (
          <button type="button" className="primary" onClick={start}>
            {rows.length > 0 ? 'Run the sweep again' : 'Run the sweep'}
          </button>
        )
      }
    >
      <p className="probe-cost">
        {SWEEP_FACTORS.length} rates around lr = {formatTick(baseLr)}, up to {SWEEP_BUDGET.toLocaleString('en-US')} steps each, test accuracy every 50 steps; a
        rate stops once every variant has reached 90% or diverged. It runs in its own workers; starting it pauses the lab, so the two do not share the
        processor.
      </p>
      {status !== 'idle' && <SweepProgress />}
      {rows.length === 0 ? (
        status === 'idle' && (
          <p className="empty-note">Press “Run the sweep”: it takes a while (minutes at the bn-paper size), and each row appears as its rate finishes.</p>
        )
      ) : (
        <>
          <SweepChart rows={rows} placements={placements} baseLr={baseLr} />
          <p className="legend-note" data-testid="sweep-ranges">
            Bars: the rates at which each reached 90%.{' '}
            {placements.map((p, v) => (
              <span key={p} style={{ color: VARIANT_STYLES[p].ink }}>
                {VARIANT_STYLES[p].short}: {rangeText(usableRange(rows, v), rows.length)}.{' '}
              </span>
            ))}
          </p>
          <SweepTable placements={placements} />
        </>
      )}
    </Panel>
  );
}

/** The progress bar and what the sweep is doing, announced to screen readers as it changes. */
function SweepProgress() {
  const status = useSweepStore((s) => s.status);
  const done = useSweepStore((s) => s.done);
  const total = useSweepStore((s) => s.total);
  const elapsedMs = useSweepStore((s) => s.elapsedMs);
  const message = useSweepStore((s) => s.message);
  const fraction = total > 0 ? done / total : 0;
  return (
    <div className="sweep-progress" data-testid="sweep-progress" data-status={status}>
      <progress max={1} value={status === 'loading' ? undefined : fraction} aria-label="Sweep progress" />
      <span role="status">
        {STATUS_TEXT[status]}
        {status !== 'loading' && ` · ${Math.round(100 * fraction)}%`} · {(elapsedMs / 1000).toFixed(0)} s{message !== null && ` · ${message}`}
      </span>
    </div>
  );
}

/** Every finished rate: steps to 90% per variant, and the test accuracy and train − test gap at the end. */
function SweepTable({ placements }: { placements: readonly Placement[] }) {
  const rows = useSweepStore((s) => s.rows);
  return (
    <div className="table-scroll">
      <table className="sweep-table" data-testid="sweep-table">
        <caption>Steps to 90% test accuracy, and at the end of each rate’s run the test accuracy and the train − test gap (points)</caption>
        <VariantHeadRow first="lr" placements={placements} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.factor} data-lr={r.lr}>
              <th scope="row">
                {formatTick(r.lr)}{' '}
                <span className="case-note">
                  {formatTick(r.factor)}×, {r.steps.toLocaleString('en-US')} steps
                </span>
              </th>
              {r.variants.map((v) => (
                <td key={v.name} data-variant={v.placement} data-outcome={v.outcome.kind}>
                  <span className="num">{outcomeText(v.outcome, r.steps)}</span>
                  <span className="case-note">
                    test {formatPercent(v.testAcc)} · gap {gapText(v.trainAcc, v.testAcc)}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
