/** A trainer worker as the client uses it: the browser's Worker, or an in-process stand-in in tests. */
export interface TrainerWorker {
  postMessage(msg: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** What the client needs from the page: workers, a clock and timers (injected in unit tests). */
export interface TrainerEnv {
  spawn(): TrainerWorker;
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
  setInterval(fn: () => void, ms: number): number;
  clearInterval(id: number): void;
}

export const browserEnv: TrainerEnv = {
  spawn: () => new Worker(new URL('../../src/worker/trainer.worker.ts', import.meta.url), { type: 'module' }),
  now: () => performance.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (id) => window.clearTimeout(id),
  setInterval: (fn, ms) => window.setInterval(fn, ms),
  clearInterval: (id) => window.clearInterval(id),
};
