import { variantName } from '../../../src/experiment/index.ts';
import type { AppState, VariantLive } from '../../store/store.ts';
import type { ApiState, ApiVariant, VariantStatus } from './protocol.ts';

/** A measurement, or null when there is none yet (NaN before the first test, ±Infinity after a divergence). */
const measured = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** A variant's status from the run's and its own divergence. */
function variantStatus(s: AppState, live: VariantLive | undefined): VariantStatus {
  if (s.status === 'loading' || live === undefined) return 'loading';
  if (live.divergedAt >= 0) return 'diverged';
  return s.status === 'playing' ? 'training' : 'paused';
}

/**
 * The variants as the host sees them: the live numbers when they describe the config's variants (in order);
 * otherwise, while a new run loads, the config's variants with nothing measured.
 */
function variantsOf(s: AppState): ApiVariant[] {
  const current = s.status !== 'loading' && s.live.length === s.config.variants.length && s.live.every((v, i) => v.placement === s.config.variants[i]);
  return s.config.variants.map((placement, i) => {
    const live = current ? s.live[i] : undefined;
    return {
      name: live?.name ?? variantName(placement),
      placement,
      trainLoss: live === undefined ? null : measured(live.trainLoss),
      testAcc: live === undefined ? null : measured(live.testAcc),
      status: variantStatus(s, live),
    };
  });
}

/** The state the API reports, from the store's. */
export function apiState(s: AppState): ApiState {
  return {
    step: s.step,
    playing: s.status === 'playing',
    status: s.status,
    view: s.view,
    section: s.view === 'story' ? s.section : null,
    config: { ...s.config, variants: [...s.config.variants] },
    variants: variantsOf(s),
  };
}

/** What a change of state a host hears about (statechanged) looks at: not the step, which has its own event. */
export function changeKey(s: AppState): string {
  return JSON.stringify([s.status, s.runId, s.view, s.view === 'story' ? s.section : null, variantsOf(s).map((v) => v.status)]);
}
