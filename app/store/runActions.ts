import { adoptWorkerConfig, type Config } from '../../src/config/index.ts';
import type { WorkSlice } from '../../src/experiment/index.ts';
import type { RunShape, RunStatus } from '../../src/worker/index.ts';
import { useStore, type VariantLive } from './store.ts';

/** The run slice's actions: what the trainer client reports, written in one place each. */

/** The run's status (playing, paused, loading). */
export function setStatus(status: RunStatus): void {
  // A trainer that stopped playing is doing nothing more.
  useStore.setState(status === 'playing' ? { status } : { status, work: null });
}

/** The trainer is loading its data: how far it has got. */
export function setLoading(loaded: number, total: number | null): void {
  useStore.setState({ status: 'loading', loading: { loaded, total } });
}

/** The trainer's answer to a configure or reset. */
export interface Configured {
  readonly runId: number;
  readonly shape: RunShape;
  /** The trainer's config (a fallback data set, a drawn seed). */
  readonly config: Config;
  /** A replacement trainer replaying the same run: the step drawn so far stands. */
  readonly resumed: boolean;
  /** The answer to the latest request: only it may change the page's config. */
  readonly latest: boolean;
}

/**
 * A new (or resumed) run: its id and shape, the step from 0 (or kept when resumed), loading done, and the
 * trainer's config adopted (live fields aside) if this answers the latest request and differs.
 */
export function applyConfigured(c: Configured): void {
  useStore.setState((s) => {
    const config = adoptWorkerConfig(s.config, c.config);
    return {
      runId: c.runId,
      shape: c.shape,
      step: c.resumed ? s.step : 0,
      loading: null,
      ...(c.latest && JSON.stringify(s.config) !== JSON.stringify(config) ? { config, configSource: 'worker' as const } : {}),
    };
  });
}

/** A snapshot's scalars: the step, the pace, the status and each variant's live numbers. */
export function applySnapshot(step: number, stepsPerSecond: number, status: RunStatus, live: readonly VariantLive[]): void {
  useStore.setState({ step, stepsPerSecond, status, live, work: null });
}

/** What a trainer busy in a long step (or a build, or a replay) says it is doing. */
export function setWork(work: { readonly phase: WorkSlice['phase']; readonly variant: number }): void {
  useStore.setState({ work });
}

/** The trainer was replaced too often and stays stopped: the controls go off and say why. */
export function setStopped(reason: string): void {
  useStore.setState({ status: 'paused', stopped: reason, work: null });
}
