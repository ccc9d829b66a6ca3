import type { StoreApi } from 'zustand/vanilla';
import type { RunStatus } from '../../../src/worker/index.ts';
import type { History } from '../../history/History.ts';
import type { DemoPhase, DemoState } from '../../story/demo/DemoClient.ts';
import type { ApiDemo, ApiVariant } from './protocol.ts';

/** The story section's demo (app/story/demo/DemoClient) as the API reads and drives it on the story view. */
export interface DemoControl {
  readonly store: Pick<StoreApi<DemoState>, 'getState' | 'subscribe'>;
  readonly history: Pick<History, 'shape' | 'variantAt'>;
  resume(): void;
  pause(): void;
  replay(): void;
}

/** A demo's phase as a run status: its run loading, playing, held (paused or at its end), or none. */
export function demoStatus(phase: DemoPhase): RunStatus {
  if (phase === 'loading') return 'loading';
  if (phase === 'running') return 'playing';
  return phase === 'paused' || phase === 'done' ? 'paused' : 'idle';
}

/** A measurement, or null when there is none yet (NaN before the first test, ±Infinity after a divergence). */
export const measured = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The demo's variants, with their latest numbers (none before its run has a shape). */
export function demoVariants(demo: DemoControl): ApiVariant[] {
  const { phase } = demo.store.getState();
  const shape = demo.history.shape;
  if (shape === null || phase === 'idle' || phase === 'loading') return [];
  return shape.variantNames.map((name, v) => ({
    name,
    placement: shape.placements[v],
    trainLoss: measured(demo.history.variantAt(-1, v, 'trainLoss')),
    testAcc: measured(demo.history.variantAt(-1, v, 'testAcc')),
    status: demo.history.variantAt(-1, v, 'divergedAt') >= 0 ? 'diverged' : phase === 'running' ? 'training' : 'paused',
  }));
}

/** The demo's own part of the state: where its run is, and where it stops. */
export function demoPart(demo: DemoControl): ApiDemo {
  const { phase, step, target, run } = demo.store.getState();
  return { phase, step, target, run };
}
