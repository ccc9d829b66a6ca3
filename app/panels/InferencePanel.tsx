import { INFER_EPS, INFER_ROWS, type VariantStat } from '../../src/experiment/index.ts';
import type { History } from '../history/History.ts';
import { Term } from '../glossary/Term.tsx';
import { useLatest } from '../hooks/useLatest.ts';
import { useSize } from '../hooks/useSize.ts';
import { updateConfig, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { formatPercent } from '../viz/format.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { inferenceTable, largestEpsEffect, type InferenceTable } from './inferenceTable.ts';
import { probeCost } from './landscapeCost.ts';
import { Panel } from './Panel.tsx';
import { TimeChart } from './TimeChart.tsx';

/** Steps between inference probes when the panel turns them on (each costs about 0.35 s per normalized variant at the bn-paper size). */
export const DEFAULT_INFER_EVERY = 100;

const EPS_NAME = ['1e-5', '1e-3'] as const;

/** A variant statistic at a history row, or at the latest snapshot for row −1. */
const variant = (key: VariantStat) => (h: History, row: number, v: number) => h.variantAt(row, v, key);
const runningTorch = variant('accRunning');
const runningKeras = variant('accRunningKeras');

function AccuracyCell({ acc, alt, color }: { acc: number; alt?: number; color: string }) {
  const share = Number.isFinite(acc) ? Math.max(0, Math.min(1, acc)) : 0;
  return (
    <td
      className="num acc-cell"
      style={{ backgroundImage: `linear-gradient(to right, color-mix(in srgb, ${color} 20%, transparent) ${100 * share}%, transparent ${100 * share}%)` }}
    >
      {formatPercent(acc)}
      {alt !== undefined && <span className="acc-alt">ε 1e-3: {formatPercent(alt)}</span>}
    </td>
  );
}

/** Room a column needs before the table folds each variant's ε 1e-3 number under its 1e-5 one. */
const COLUMN_PX = 100;
const ROW_HEAD_PX = 260;

function Table({ table }: { table: InferenceTable }) {
  const [boxRef, size] = useSize<HTMLDivElement>();
  const styles = table.bnVariants.map((v) => VARIANT_STYLES[table.placements[v]]);
  const nEps = INFER_EPS.length;
  // On a phone, one column per variant: ε 1e-5 large, ε 1e-3 small beneath, so nothing scrolls sideways.
  const compact = size.width > 0 && size.width < ROW_HEAD_PX + styles.length * nEps * COLUMN_PX;
  return (
    <div className="table-scroll" ref={boxRef}>
      <table className={`inference-table${compact ? ' compact' : ''}`} data-testid="inference-table">
        <caption>
          Test accuracy on {INFER_ROWS} fixed test examples (all of them if there are fewer) at step{' '}
          {Number.isFinite(table.step) ? table.step.toLocaleString('en-US') : '—'}, by the statistics each normalization uses
        </caption>
        <colgroup span={1} />
        {styles.map((s) => (
          <colgroup key={s.label} span={compact ? 1 : nEps} />
        ))}
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {compact ? 'Statistics' : 'Normalized with'}
            </th>
            {styles.map((s) => (
              <th key={s.label} scope="colgroup" colSpan={compact ? 1 : nEps} style={{ color: s.ink }}>
                {s.short}
              </th>
            ))}
          </tr>
          <tr>
            {styles.flatMap((s) =>
              (compact ? EPS_NAME.slice(0, 1) : EPS_NAME).map((e, k) => (
                <th key={`${s.label}-${e}`} scope="col" className="eps-head">
                  <Term id="eps">ε</Term> {e}
                  <span className="eps-who">{k === 0 ? ' PyTorch’s' : ' Keras’s, at test time'}</span>
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.id} data-case={row.id}>
              <th scope="row">
                {compact ? row.short : row.label}
                {!compact && <span className="case-note">{row.note}</span>}
              </th>
              {compact
                ? styles.map((s, i) => <AccuracyCell key={i} acc={row.acc[i * nEps]} alt={row.acc[i * nEps + 1]} color={s.color} />)
                : row.acc.map((a, k) => <AccuracyCell key={k} acc={a} color={styles[Math.floor(k / nEps)].color} />)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Inference side by side: every BN variant's test accuracy under batch statistics at several test batch
 * sizes, running averages under both momentum conventions and population statistics, each with both ε
 * conventions, live; and the running averages' accuracy over time, where Keras's 0.99 lags.
 */
export function InferencePanel() {
  const trainer = useTrainer();
  const history = trainer.history;
  const inferEvery = useStore((s) => s.config.inferEvery);
  const shape = useStore((s) => s.shape);
  const live = useStore((s) => s.live);
  const stepsPerSecond = useStore((s) => s.stepsPerSecond);
  const table = useLatest(
    // The history's own shape, which always matches its latest snapshot (the store's may already be newer).
    () => (history.latest === null || history.shape === null ? null : inferenceTable(history.latest, history.shape.placements)),
    (t) => (t === null ? '' : `${t.step}:${t.placements.join()}`),
    [shape],
  );
  const cost = probeCost(
    live.filter((v) => v.placement !== 'none').map((v) => v.inferMs),
    inferEvery,
    stepsPerSecond,
    trainer.parallel,
  );
  const epsEffect = table === null ? NaN : largestEpsEffect(table);
  const collapsed = table?.classesAtOne.some((c) => c === 1) ?? false;
  return (
    <Panel
      id="inference-probe"
      title="Inference, side by side"
      watch={
        <>
          <Term id="batchStats">Batch statistics</Term> fail on tiny test batches (one example: one class for everything); fixed statistics (
          <Term id="running">running averages</Term>, <Term id="population">population statistics</Term>) do not care. Keras’s{' '}
          <Term id="bnMomentum">momentum</Term> 0.99 lags behind early in training.
        </>
      }
      actions={
        <label className="toggle">
          <input type="checkbox" checked={inferEvery > 0} onChange={(e) => updateConfig({ inferEvery: e.target.checked ? DEFAULT_INFER_EVERY : 0 })} /> measure
        </label>
      }
    >
      {inferEvery === 0 ? (
        <p className="empty-note">
          Off: each measurement evaluates the test digits about fifteen ways per normalized variant. Tick “measure” to run it every {DEFAULT_INFER_EVERY} steps
          (the run restarts).
        </p>
      ) : shape === null || table === null || table.bnVariants.length === 0 ? (
        <p className="empty-note">This needs a variant with a normalization.</p>
      ) : (
        <>
          <p className="probe-cost" data-testid="infer-cost">
            Every {inferEvery} steps, on copies of the models: training never sees it. Running averages for both momenta are kept side by side from step 0.
            {cost !== null &&
              ` Cost: ${cost.ms.toFixed(0)} ms per measurement and normalized variant, about ${(100 * cost.share).toFixed(0)}% of the run's time.`}
          </p>
          <Table table={table} />
          <p className="legend-note" data-testid="infer-summary">
            {table.plain !== null && `Plain network, no BN: ${formatPercent(table.plain.acc)} in every row. `}
            {collapsed && 'At test batch 1, BN predicts a single class for every digit. '}
            {table.placements.includes('ln-before') || table.placements.includes('ln-after')
              ? 'Layer norm uses no batch statistics, so its number is the same in every row (up to ε). '
              : ''}
            {Number.isFinite(epsEffect) &&
              `Swapping ε at test time (the network trained with its own) changes accuracy by at most ${(100 * epsEffect).toFixed(1)} points: ε matters only where a variance is as small as ε.`}
          </p>
          <h3 className="sub-head">Accuracy with running averages over time</h3>
          <p className="chart-title">
            <Term id="running">Running averages</Term> with <Term id="bnMomentum">momentum</Term> 0.1 (PyTorch’s default)
          </p>
          <TimeChart id="infer-torch" label="test accuracy" kind="linear" fixed={[0, 1]} valueAt={runningTorch} format={formatPercent} height={190} />
          <p className="chart-title">
            <Term id="running">Running averages</Term> with <Term id="bnMomentum">momentum</Term> 0.99 (Keras’s default)
          </p>
          <TimeChart id="infer-keras" label="test accuracy" kind="linear" fixed={[0, 1]} valueAt={runningKeras} format={formatPercent} height={190} />
          <p className="legend-note">
            {live.map((v) => (
              <span key={v.name} style={{ color: VARIANT_STYLES[v.placement].ink }}>
                {VARIANT_STYLES[v.placement].short}{' '}
              </span>
            ))}
            · the plain line is its accuracy on the same test examples, for reference
          </p>
        </>
      )}
    </Panel>
  );
}
