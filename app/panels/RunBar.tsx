import { useState } from 'react';
import { SPEEDS, type Speed } from '../../src/worker/protocol.ts';
import { useStore } from '../store/store.ts';
import { useShortcuts } from '../hooks/useShortcuts.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { formatLoss, formatPercent, formatStep } from '../viz/format.ts';
import { VARIANT_STYLES } from '../viz/palette.ts';
import { Swatch } from '../viz/Swatch.tsx';
import { CopyLink } from '../CopyLink.tsx';

const STEP_SIZES = [1, 10, 100];

/** Play/Pause, Step, Reset, speed, the step counter and each variant's live numbers and status. */
export function RunBar() {
  const trainer = useTrainer();
  useShortcuts(trainer);
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

/** One card per variant: its loss and accuracy in large type, and whether it is still training. */
function VariantCards() {
  const live = useStore((s) => s.live);
  return (
    <ul className="variant-cards">
      {live.map((v) => {
        const style = VARIANT_STYLES[v.placement];
        const diverged = v.divergedAt >= 0;
        return (
          <li key={v.name} className="variant-card" style={{ borderColor: style.color }} data-variant={v.placement}>
            <span className="variant-name" style={{ color: style.ink }}>
              <Swatch placement={v.placement} width={30} /> {style.short}
            </span>
            <span className={`variant-status${diverged ? ' diverged' : ''}`} role="status">
              {diverged ? `diverged at step ${formatStep(v.divergedAt)}` : 'training'}
            </span>
            <span className="big" title="training loss">
              {formatLoss(v.trainLoss)}
              <small>train loss</small>
            </span>
            <span className="big" title="test accuracy">
              {formatPercent(v.testAcc)}
              <small>test acc.</small>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
