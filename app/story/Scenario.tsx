import { DEFAULT_CONFIG, type Config } from '../../src/config/config.ts';
import { findPreset } from '../../src/experiment/presets.ts';
import { notify, updateConfig, useStore } from '../store/store.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';

/**
 * A one-click setup: loads a preset (plus any extra settings) into the lab, keeping the seed, and starts
 * training. Its "what to watch" line becomes a notice.
 */
export function Scenario({ preset, extra = {}, label }: { preset: string; extra?: Partial<Config>; label: string }) {
  const trainer = useTrainer();
  const found = findPreset(preset);
  if (found === undefined) return null;
  const load = () => {
    const seed = useStore.getState().config.seed;
    updateConfig({ ...DEFAULT_CONFIG, seed, ...found.config, ...extra });
    notify(`${found.title}: ${found.watch}`);
    trainer.play();
  };
  return (
    <button type="button" className="scenario" onClick={load} data-scenario={preset}>
      ▶ {label}
    </button>
  );
}

/** The "try this" prompt of a section. */
export function TryThis({ children }: { children: React.ReactNode }) {
  return (
    <aside className="try-this">
      <strong>Try this.</strong> {children}
    </aside>
  );
}
