import type { Config } from '../../src/config/config.ts';
import { SWEEP_FACTORS } from '../../src/experiment/lrSweep.ts';
import { SWEEP_PROTOCOL_VERSION, type FromSweep, type ToSweep } from '../../src/worker/sweepProtocol.ts';
import { notify } from '../store/store.ts';
import { initialSweepState, useSweepStore, withRow } from '../sweep/sweepStore.ts';

type Command = ToSweep extends infer M ? (M extends { v: 1 } ? Omit<M, 'v'> : never) : never;

/** The factors worker w of n runs: interleaved, so slow and fast rates spread evenly. */
export function factorsFor(w: number, n: number, factors: readonly number[] = SWEEP_FACTORS): number[] {
  return factors.filter((_, i) => i % n === w);
}

/**
 * The page's side of the learning-rate sweep: spawns its workers on first use (one per spare core, at
 * most two), splits the learning rates between them and gathers their rows, progress and ends into the
 * sweep store. Only the latest start's messages count.
 */
export class SweepClient {
  private workers: Worker[] = [];
  private request = 0;
  private running = 0;
  private cancelled = false;
  private progress: { done: number; total: number }[] = [];
  private clock = 0;

  constructor(private readonly workerCount = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1))) {}

  /** Starts a sweep of this config's learning rate (replacing any sweep in progress). */
  start(config: Config): void {
    const request = ++this.request;
    const n = Math.min(this.workerCount, SWEEP_FACTORS.length);
    this.running = n;
    this.cancelled = false;
    this.progress = Array.from({ length: n }, () => ({ done: 0, total: 0 }));
    useSweepStore.setState({ ...initialSweepState, status: 'loading', config, startedAt: performance.now() });
    window.clearInterval(this.clock);
    this.clock = window.setInterval(() => this.tick(), 500);
    for (let w = 0; w < n; w++) this.send(w, { type: 'start', request, config, factors: factorsFor(w, n) });
  }

  /** Stops the sweep in progress; the rows so far stay. */
  cancel(): void {
    if (this.running === 0) return;
    this.cancelled = true;
    this.workers.forEach((_, w) => this.send(w, { type: 'cancel' }));
  }

  private tick(): void {
    const s = useSweepStore.getState();
    if (s.status === 'loading' || s.status === 'running') useSweepStore.setState({ elapsedMs: performance.now() - s.startedAt });
  }

  private send(w: number, msg: Command): void {
    this.workers[w] ??= this.spawn(w);
    this.workers[w].postMessage({ v: SWEEP_PROTOCOL_VERSION, ...msg });
  }

  private spawn(w: number): Worker {
    const worker = new Worker(new URL('../../src/worker/sweep.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FromSweep>) => this.receive(w, e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      this.workers = [];
      this.fail(`the sweep worker crashed (${e.message || 'no message'})`);
    };
    return worker;
  }

  private fail(message: string): void {
    this.workers.forEach((wk) => wk.terminate());
    this.workers = [];
    this.running = 0;
    window.clearInterval(this.clock);
    useSweepStore.setState((s) => ({ status: 'failed', message, elapsedMs: performance.now() - s.startedAt }));
    notify(`Learning-rate sweep: ${message}. The rows so far are kept; press Run to try again.`, 'error');
  }

  private receive(w: number, msg: FromSweep): void {
    if (msg.type === 'error' && msg.request === null) {
      notify(`Learning-rate sweep: ${msg.message}`, 'error');
      return;
    }
    if (msg.request !== this.request) return;
    switch (msg.type) {
      case 'loading':
        return;
      case 'dataError':
        useSweepStore.setState({ message: msg.message });
        notify(`Learning-rate sweep: ${msg.message}`, 'warning');
        return;
      case 'progress': {
        this.progress[w] = { done: msg.done, total: msg.total };
        const done = this.progress.reduce((a, p) => a + p.done, 0);
        const total = this.progress.reduce((a, p) => a + p.total, 0);
        useSweepStore.setState({ status: 'running', done, total });
        return;
      }
      case 'row':
        useSweepStore.setState((s) => ({ rows: withRow(s.rows, msg.row) }));
        return;
      case 'done':
        if (msg.cancelled) this.cancelled = true;
        this.running = Math.max(0, this.running - 1);
        if (this.running === 0) {
          window.clearInterval(this.clock);
          useSweepStore.setState((s) => ({ status: this.cancelled ? 'cancelled' : 'done', elapsedMs: performance.now() - s.startedAt }));
        } else if (msg.cancelled) {
          // One worker failed or was cancelled: stop the others too, so the sweep ends as one.
          for (let k = 0; k < this.workers.length; k++) if (k !== w) this.send(k, { type: 'cancel' });
        }
        return;
      case 'error':
        notify(`Learning-rate sweep: ${msg.message}`, 'error');
        return;
    }
  }
}
