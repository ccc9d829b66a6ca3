import type { MnistFile } from '../data/mnistFormat.ts';
import type { FromWorker } from './protocol.ts';

/** Training runs in slices of about this long, so commands are answered between slices. */
export const SLICE_MS = 10;
/** How long a Pause may spend finishing the step in flight, so it lands between two steps (a heavy step is held instead). */
export const PAUSE_FINISH_MS = 50;
/** A trainer busy in a long step (or a replay) reports its progress when nothing else went out for this long. */
export const PROGRESS_MS = 250;
/** At most this many snapshots a second go to the page. */
export const SNAPSHOT_INTERVAL_MS = 50;

/** What a session needs from its host: the worker in the browser, plain functions in tests. */
export interface SessionHost {
  /** Sends a message; `transfer` lists buffers to move rather than copy. */
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  /** Loads the MNIST file, reporting bytes as they arrive. */
  loadMnist(onProgress: (loaded: number, total: number | null) => void): Promise<MnistFile>;
  /** Milliseconds from any fixed origin. */
  now(): number;
  /** Calls fn after about `ms` milliseconds (0: as soon as the host is free). */
  schedule(fn: () => void, ms: number): void;
}
