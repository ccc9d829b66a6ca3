import { presetWatch } from '../../src/claims/index.ts';
import { useEffect, useRef } from 'react';
import { DATASETS, DEFAULT_CONFIG, configSchema, type Config } from '../../src/config/index.ts';
import { ExportRun } from '../export/ExportRun.tsx';
import { ACTIVATIONS, INIT_KINDS, INFERENCE_MODES } from '../../src/engine/index.ts';
import { PRESETS } from '../../src/experiment/index.ts';
import type { HideKey } from '../linkUi.ts';
import { notify, updateConfig, useStore } from '../store/store.ts';
import { startFresh } from '../trainer/startFresh.ts';
import { useTrainer } from '../trainer/TrainerContext.tsx';
import { Term } from '../glossary/Term.tsx';
import { LockGroup } from './LockGroup.tsx';
import { LearningRate } from './LearningRate.tsx';
import { NumberField } from './NumberField.tsx';
import { VariantPicker } from './VariantPicker.tsx';
import { MODE_LABEL, Select } from './Select.tsx';

const DATASET_LABEL = { mnist: 'MNIST digits', blobs: 'Synthetic blobs', scales: 'Mixed scales (synthetic)' } as const;
/** Every knob of the experiment. Changing the model restarts all variants together (and says so). */
export function ControlsPanel({ open = false, onClose }: { open?: boolean; onClose?: () => void }) {
  const trainer = useTrainer();
  const config = useStore((s) => s.config);
  const hidden = useStore((s) => s.hidden);
  const close = useRef<HTMLButtonElement>(null);
  // Opening the drawer takes the focus into it, so a keyboard or screen-reader user lands on its first control.
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  // A classroom link can hide any group (hide=presets,variants,testtime,network,training,data,export).
  const shows = (group: HideKey) => !hidden.includes(group);
  const set = (partial: Partial<Config>) => updateConfig(partial);
  const range = (field: 'depth' | 'width' | 'batchSize') => {
    const schema = configSchema[field];
    return { min: schema.minValue ?? 1, max: schema.maxValue ?? 1 };
  };
  return (
    <aside
      id="settings"
      className={open ? 'controls open' : 'controls'}
      aria-label="Experiment settings"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          // This Esc closes the drawer and nothing else (not full screen or presenter mode too).
          e.preventDefault();
          onClose?.();
        }
      }}
    >
      <button ref={close} type="button" className="drawer-close" onClick={onClose}>
        Done
      </button>
      {shows('presets') && (
        <LockGroup group="presets">
          <label className="field preset">
            Preset
            <select
              value=""
              onChange={(e) => {
                const preset = PRESETS.find((p) => p.name === e.target.value);
                if (!preset) return;
                startFresh(trainer, { ...DEFAULT_CONFIG, seed: config.seed, ...preset.config }, false);
                notify(`${preset.title}: ${presetWatch(preset)}`, 'info', 'preset');
              }}
            >
              <option value="">Choose a preset…</option>
              {PRESETS.map((p) => (
                <option key={p.name} value={p.name}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        </LockGroup>
      )}
      {(shows('variants') || shows('testtime')) && (
        <fieldset>
          <legend>Variants</legend>
          {shows('variants') && (
            <LockGroup group="variants">
              <VariantPicker variants={config.variants} onChange={(variants) => set({ variants })} />
              <p className="field-hint">
                <Term id="bn">Batch norm</Term> · <Term id="layerNorm">layer norm</Term> · <Term id="lpBn">ℓ1/ℓ∞ BN</Term> · <Term id="noisyBn">noisy BN</Term>
              </p>
            </LockGroup>
          )}
          {shows('testtime') && (
            <LockGroup group="testtime">
              <Select
                label={
                  <span>
                    At test time, <Term id="bn">batch norms</Term> use
                  </span>
                }
                value={config.evalMode}
                options={INFERENCE_MODES}
                names={MODE_LABEL}
                hint={
                  <>
                    <Term id="batchStats">batch</Term> · <Term id="running">running</Term> · <Term id="population">population</Term> statistics
                  </>
                }
                onChange={(evalMode) => set({ evalMode })}
              />
            </LockGroup>
          )}
        </fieldset>
      )}
      {shows('network') && (
        <fieldset>
          <legend>Network</legend>
          <LockGroup group="network">
            <Select label="Activation" value={config.activation} options={ACTIVATIONS} onChange={(activation) => set({ activation })} />
            <NumberField label="Hidden layers" value={config.depth} {...range('depth')} integer onCommit={(depth) => set({ depth })} />
            <NumberField label="Units per layer" value={config.width} {...range('width')} integer onCommit={(width) => set({ width })} />
            <Select
              label="Initialization"
              value={config.init}
              options={INIT_KINDS}
              hint={
                <>
                  <Term id="lecun">LeCun</Term> · <Term id="glorot">Glorot</Term> · <Term id="he">He</Term>
                </>
              }
              onChange={(init) => set({ init })}
            />
            {config.init === 'gaussian' && (
              <NumberField label="Init σ" term="initSigma" value={config.initSigma} min={1e-4} max={10} onCommit={(initSigma) => set({ initSigma })} />
            )}
          </LockGroup>
        </fieldset>
      )}
      {shows('training') && (
        <fieldset>
          <legend>Training</legend>
          <LockGroup group="training">
            <LearningRate value={config.lr} onChange={(lr) => set({ lr })} />
            <NumberField label="Momentum" term="sgdMomentum" value={config.momentum} min={0} max={0.99} onCommit={(momentum) => set({ momentum })} />
            <NumberField label="Batch size" value={config.batchSize} {...range('batchSize')} integer onCommit={(batchSize) => set({ batchSize })} />
          </LockGroup>
        </fieldset>
      )}
      {shows('data') && (
        <fieldset>
          <legend>Data</legend>
          <LockGroup group="data">
            <Select label="Data set" value={config.dataset} options={DATASETS} names={DATASET_LABEL} onChange={(dataset) => set({ dataset })} />
            <label className="check">
              <input type="checkbox" checked={config.standardize} onChange={(e) => set({ standardize: e.target.checked })} />
              Standardize inputs
            </label>
            <NumberField label="Seed" value={config.seed} min={0} max={2 ** 32 - 1} integer onCommit={(seed) => set({ seed })} />
          </LockGroup>
        </fieldset>
      )}
      {shows('export') && <ExportRun />}
    </aside>
  );
}
