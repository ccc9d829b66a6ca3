import { variantName } from '../../../src/experiment/index.ts';
import type { AppState, VariantLive } from '../../store/store.ts';
import { demoPart, demoStatus, demoVariants, measured, type DemoControl } from './demoApi.ts';
import type { ApiState, ApiVariant, VariantStatus } from './protocol.ts';

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

/**
 * The state the API reports, from the store's: the lab's run, or on the story view the section's demo run
 * (the run that view shows and the run methods drive there).
 */
export function apiState(s: AppState, demo: DemoControl): ApiState {
  const config = { ...s.config, variants: [...s.config.variants] };
  if (s.view === 'story') {
    const part = demoPart(demo);
    const status = demoStatus(part.phase);
    return { step: part.step, playing: status === 'playing', status, view: s.view, section: s.section, config, variants: demoVariants(demo), demo: part };
  }
  return { step: s.step, playing: s.status === 'playing', status: s.status, view: s.view, section: null, config, variants: variantsOf(s), demo: null };
}

/** What a change of state a host hears about (statechanged) looks at: not the step, which has its own event. */
export function changeKey(state: ApiState, runId: number): string {
  return JSON.stringify([state.status, runId, state.view, state.section, state.demo?.phase, state.demo?.run, state.variants.map((v) => v.status)]);
}
