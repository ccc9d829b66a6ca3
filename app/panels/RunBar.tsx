import { useState } from 'react';
import { SPEEDS, type Speed } from '../../src/worker/index.ts';
import { useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { formatStep } from '../viz/format.ts';
import type { WorkSlice } from '../../src/experiment/index.ts';
import { CopyLink } from '../CopyLink.tsx';
import { LockIcon, LOCKED_TITLE } from '../controls/LockGroup.tsx';
import { VariantCards } from './VariantCards.tsx';

const STEP_SIZES = [1, 10, 100];

/**
 * Play/Pause, Step, Reset, speed, the step counter, and a card per variant with the paired difference. Compact
 * (an embedded frame): one row of play, step, reset, speed and the counter; the cards only where the frame is wide.
 */
export function RunBar({ compact = false }: { compact?: boolean }) {
  const trainer = useTrainer();
  const status = useStore((s) => s.status);
  const step = useStore((s) => s.step);
  const rate = useStore((s) => s.stepsPerSecond);
  const speed = useStore((s) => s.speed);
  const loading = useStore((s) => s.loading);
  const work = useStore((s) => s.work);
  const stopped = useStore((s) => s.stopped);
  const names = useStore((s) => s.shape?.variantNames);
  const [stepSize, setStepSize] = useState(10);
  const playing = status === 'playing';
  // A trainer that stayed stopped takes no commands until the page is reloaded (the notice says so).
  const busy = status === 'loading' || stopped !== null;
  // lock=run: the embedding page keeps the run in its own hands (its postMessage API is not bound by this).
  const locked = useStore((s) => s.locked.includes('run'));
  const off = busy || locked;
  const lockTitle = locked ? LOCKED_TITLE : undefined;
  return (
    <section className={compact ? 'run-bar run-bar-compact' : 'run-bar'} aria-label="Training controls">
      <button
        type="button"
        className="play"
        aria-label={playing ? 'Pause' : 'Play'}
        aria-keyshortcuts="Space"
        title={lockTitle ?? `${playing ? 'Pause' : 'Play'} (Space; "." steps once, R resets)`}
        disabled={off}
        onClick={() => (playing ? trainer.pause() : trainer.play())}
      >
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
      </button>
      <div className="step-controls">
        <button type="button" disabled={off} title={lockTitle} onClick={() => trainer.step(stepSize)}>
          Step {stepSize}
        </button>
        {!compact && (
          <select aria-label="Steps per Step press" value={stepSize} disabled={locked} onChange={(e) => setStepSize(Number(e.target.value))}>
            {STEP_SIZES.map((n) => (
              <option key={n} value={n}>
                ×{n}
              </option>
            ))}
          </select>
        )}
        <button type="button" onClick={() => trainer.reset('same')} disabled={off} title={lockTitle}>
          Reset
        </button>
        {!compact && (
          <button type="button" onClick={() => trainer.reset('new')} disabled={off} title={lockTitle}>
            New seed
          </button>
        )}
        {!compact && <CopyLink />}
      </div>
      <label className="speed" title={lockTitle}>
        Speed
        <select
          value={String(speed)}
          disabled={locked}
          onChange={(e) => trainer.setSpeed((e.target.value === 'max' ? 'max' : Number(e.target.value)) as Speed)}
        >
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
        <span className="rate" data-testid="run-rate">
          {stopped !== null
            ? 'trainer stopped: reload the page'
            : work !== null
              ? workText(work, names)
              : busy
                ? loadingText(loading)
                : `${Math.round(rate)} steps/s`}
        </span>
      </div>
      {locked && (
        <span className="lock-hint" title={LOCKED_TITLE}>
          <LockIcon /> <span className="lock-hint-long">Run locked by the embedding page</span>
          <span className="lock-hint-short">Locked</span>
        </span>
      )}
      <VariantCards />
    </section>
  );
}

const PHASES: Record<WorkSlice['phase'], string> = {
  build: 'building',
  probe: 'probing the landscape',
  train: 'training',
  evaluate: 'evaluating',
  inference: 'measuring inference',
  shift: 'measuring shift',
};

/** What a trainer in a long step is doing, e.g. "evaluating bn-before…". */
function workText(work: { phase: WorkSlice['phase']; variant: number }, names: readonly string[] | undefined): string {
  const name = work.variant >= 0 ? names?.[work.variant] : undefined;
  return `${PHASES[work.phase]}${name === undefined ? '' : ` ${name}`}…`;
}

function loadingText(loading: { loaded: number; total: number | null } | null): string {
  if (loading === null) return 'loading…';
  const mb = (loading.loaded / 1e6).toFixed(1);
  return loading.total ? `loading MNIST ${Math.round((100 * loading.loaded) / loading.total)}%` : `loading MNIST ${mb} MB`;
}
