import { useState } from 'react';
import { notify } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { downloadText } from './download.ts';
import { lossesCsv } from './lossCsv.ts';

/** Downloads every variant's training loss at every step of the run so far, as CSV. */
export function ExportLosses() {
  const trainer = useTrainer();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const msg = await trainer.requestLosses();
      if (msg.steps === 0) notify('No steps trained yet: press Play or Step first.', 'info');
      else downloadText(`shift-lab-losses-run${msg.runId}-step${msg.steps}.csv`, lossesCsv(msg.names, msg.steps, msg.losses));
    } catch (e) {
      notify(`Could not export the losses: ${(e as Error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset>
      <legend>Export</legend>
      <button type="button" className="plain-button" disabled={busy} onClick={() => void save()}>
        Per-step losses (CSV)
      </button>
    </fieldset>
  );
}
