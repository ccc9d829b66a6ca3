import { useState } from 'react';
import { SPEEDS, type Speed } from '../../src/worker/protocol.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { formatStep } from '../viz/format.ts';
import { CopyLink } from '../CopyLink.tsx';
import { VariantCards } from './VariantCards.tsx';

const STEP_SIZES = [1, 10, 100];

/** Play/Pause, Step, Reset, speed, the step counter, and a card per variant with the paired difference. */
export function RunBar() {
  const trainer = useTrainer();
  const status = useStore((s) => s.status);
  const step = useStore((s) => s.step);
  const rate = useStore((s) => s.stepsPerSecond);
  const speed = useStore((s) => s.speed);
  const loading = useStore((s) => s.loading);
  const [stepSize, setStepSize] = useState(10);
  const playing = status === 'playing';
  const busy = status === 'loading';
  return (
    <section className="run-bar" aria-label="Training controls">
      <button
        type="button"
        className="play"
        aria-label={playing ? 'Pause' : 'Play'}
        aria-keyshortcuts="Space"
        title={`${playing ? 'Pause' : 'Play'} (Space; "." steps once, R resets)`}
        disabled={busy}
        onClick={() => (playing ? trainer.pause() : trainer.play())}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <div className="step-controls">
        <button type="button" disabled={busy} onClick={() => trainer.step(stepSize)}>
          Step {stepSize}
        </button>
        <select aria-label="Steps per Step press" value={stepSize} onChange={(e) => setStepSize(Number(e.target.value))}>
          {STEP_SIZES.map((n) => (
            <option key={n} value={n}>
              ×{n}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => trainer.reset('same')} disabled={busy}>
          Reset
        </button>
        <button type="button" onClick={() => trainer.reset('new')} disabled={busy}>
          New seed
        </button>
        <CopyLink />
      </div>
      <label className="speed">
        Speed
        <select value={String(speed)} onChange={(e) => trainer.setSpeed((e.target.value === 'max' ? 'max' : Number(e.target.value)) as Speed)}>
          {SPEEDS.map((s) => (
            <option key={String(s)} value={String(s)}>
              {s === 'max' ? 'max' : s === 0.5 ? 'slow motion' : `${s} steps/s`}
            </option>
          ))}
        </select>
      </label>
      <div className="counter" aria-live="off">
        <span className="counter-label">step</span>
        <span className="counter-value" data-testid="step-counter">
          {formatStep(step)}
        </span>
        <span className="rate">{busy ? loadingText(loading) : `${Math.round(rate)} steps/s`}</span>
      </div>
      <VariantCards />
    </section>
  );
}

function loadingText(loading: { loaded: number; total: number | null } | null): string {
  if (loading === null) return 'loading…';
  const mb = (loading.loaded / 1e6).toFixed(1);
  return loading.total ? `loading MNIST ${Math.round((100 * loading.loaded) / loading.total)}%` : `loading MNIST ${mb} MB`;
}
