import { useState } from 'react';
import { TRACE_MAX_STEPS } from '../../src/experiment/index.ts';
import { notify, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { downloadText } from './download.ts';
import { historyCsv, historyJson, historyTable } from './historyExport.ts';
import { lossesCsv } from './lossCsv.ts';
import { useDrawHold } from './drawHold.ts';
import { pngName, savePng } from './png.ts';

/** Steps a trace holds when asked for before any training. */
const DEFAULT_TRACE_STEPS = 100;

/**
 * The run's data and pictures: per-step losses, the history the panels draw (CSV or JSON), a replayable run
 * trace (the CLI's shift-lab-trace/1), and the whole page as a PNG.
 */
export function ExportRun() {
  const trainer = useTrainer();
  const drawHold = useDrawHold();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (what: string, job: () => Promise<void> | void) => {
    setBusy(what);
    try {
      await job();
    } catch (e) {
      notify(`Could not export the ${what}: ${(e as Error).message}`, 'error', 'export');
    } finally {
      setBusy(null);
    }
  };
  const stamp = () => {
    const { runId, step } = useStore.getState();
    return `run${runId}-step${step}`;
  };
  const losses = async () => {
    const msg = await trainer.requestLosses();
    if (msg.steps === 0) notify('No steps trained yet: press Play or Step first.', 'info', 'export');
    else downloadText(`shift-lab-losses-run${msg.runId}-step${msg.steps}.csv`, lossesCsv(msg.names, msg.steps, msg.losses));
  };
  const history = (format: 'csv' | 'json') => {
    const table = historyTable(trainer.history);
    if (table.rows.length === 0) {
      notify('No history yet: press Play or Step first.', 'info', 'export');
      return;
    }
    const { config, shape } = useStore.getState();
    if (format === 'csv') downloadText(`shift-lab-history-${stamp()}.csv`, historyCsv(table));
    else downloadText(`shift-lab-history-${stamp()}.json`, historyJson(table, config, shape?.placements ?? []), 'application/json');
  };
  const trace = async () => {
    const step = useStore.getState().step;
    const msg = await trainer.requestTrace(step > 0 ? Math.min(step, TRACE_MAX_STEPS) : DEFAULT_TRACE_STEPS);
    downloadText(`shift-lab-trace-${msg.steps}steps.json`, msg.json ?? '', 'application/json');
    if (step > 0 && msg.steps < step)
      notify(`The trace holds the first ${msg.steps} steps: more would make the file too large to open comfortably.`, 'info', 'export');
  };
  const picture = async () => {
    const page = document.querySelector<HTMLElement>('.app');
    if (page !== null) await savePng(page, pngName('lab', useStore.getState().step), drawHold);
  };
  const button = (what: string, label: string, job: () => Promise<void> | void) => (
    <button type="button" className="plain-button" disabled={busy !== null} aria-busy={busy === what} onClick={() => void run(what, job)}>
      {busy === what ? 'Saving…' : label}
    </button>
  );
  return (
    <fieldset className="export">
      <legend>Export</legend>
      {button('losses', 'Per-step losses (CSV)', losses)}
      {button('history', 'Run history (CSV)', () => history('csv'))}
      {button('history', 'Run history (JSON)', () => history('json'))}
      {button('trace', 'Run trace (JSON)', trace)}
      {button('picture', 'The whole lab (PNG)', picture)}
    </fieldset>
  );
}
