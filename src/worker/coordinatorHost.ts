import type { FromWorker, ToWorker } from './protocol.ts';

/** What the coordinator needs from its host: sub-workers to talk to, a way to answer, a clock and a timer. */
export interface CoordinatorHost {
  /** Sends a message to sub-worker i (started on first use). */
  send(i: number, msg: ToWorker): void;
  /** Answers the page, as a single worker would. */
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  schedule(fn: () => void, ms: number): void;
  /** The barrier made no progress for HANG_MS although no sub-worker crashed: the page replaces the trainer. */
  stalled(reason: string): void;
}

/** A barrier with no message at all from the sub-workers it waits on for this long is wedged. */
export const BARRIER_HANG_MS = 5000;
