/**
 * Resumable work: a long computation written as a generator that yields between slices (a forward and
 * backward pass, one variant's evaluation), so a host can answer messages, report progress and pause
 * in the middle of it. `drain` runs one through at once, for callers that do not need to stop.
 */
export type Work<T = void> = Generator<WorkSlice, T, void>;

/** What a slice of work can be part of. */
export const WORK_PHASES = ['build', 'probe', 'train', 'evaluate', 'inference', 'shift'] as const;

/** What the slice just finished was part of, for progress reports. */
export interface WorkSlice {
  readonly phase: (typeof WORK_PHASES)[number];
  /** The variant it was for, or −1 for all of them. */
  readonly variant: number;
}

/** Runs work to its end and returns its result. */
export function drain<T>(work: Work<T>): T {
  let r = work.next();
  while (!r.done) r = work.next();
  return r.value;
}

/** An engine computation that yields between passes, as work whose every slice is labelled `slice`. */
export function* labelled<T>(work: Generator<void, T, void>, slice: WorkSlice): Work<T> {
  for (let r = work.next(); ; r = work.next()) {
    if (r.done) return r.value;
    yield slice;
  }
}
