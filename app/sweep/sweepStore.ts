import { create } from 'zustand';
import type { Config } from '../../src/config/index.ts';
import type { SweepRow } from '../../src/experiment/index.ts';

/** Where the learning-rate sweep is. */
export type SweepStatus = 'idle' | 'loading' | 'running' | 'done' | 'cancelled' | 'failed';

/** The sweep's slow state: small; progress changes up to about ten times a second per worker. */
export interface SweepState {
  status: SweepStatus;
  /** Steps done and the most there can be (a rate that ends early counts its whole budget). */
  done: number;
  total: number;
  /** Finished learning rates, in factor order. */
  rows: SweepRow[];
  /** The config the sweep runs (its lr is the base the factors multiply), null before the first. */
  config: Config | null;
  startedAt: number;
  /** Wall time from start to the end (or to now while it runs). */
  elapsedMs: number;
  /** Why it failed, or what it fell back to. */
  message: string | null;
}

/** Before any sweep, and the base every start resets to. */
export const initialSweepState: SweepState = {
  status: 'idle',
  done: 0,
  total: 0,
  rows: [],
  config: null,
  startedAt: 0,
  elapsedMs: 0,
  message: null,
};

/** The learning-rate sweep's state, apart from the lab's store: a sweep outlives the section that shows it. */
export const useSweepStore = create<SweepState>(() => initialSweepState);

/** Whether the sweep is working (its button cancels). */
export function sweepBusy(status: SweepStatus): boolean {
  return status === 'loading' || status === 'running';
}

/** Adds a row, keeping factor order (rows from several workers arrive interleaved). */
export function withRow(rows: readonly SweepRow[], row: SweepRow): SweepRow[] {
  return [...rows.filter((r) => r.factor !== row.factor), row].sort((a, b) => a.factor - b.factor);
}
