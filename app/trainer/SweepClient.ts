import type { Config } from '../../src/config/index.ts';
import { SWEEP_BUDGET, SWEEP_FACTORS } from '../../src/experiment/index.ts';
import { assertNever, SWEEP_PROTOCOL_VERSION, type FromSweep, type ToSweep } from '../../src/worker/index.ts';
import { notify } from '../store/store.ts';
import { initialSweepState, useSweepStore, withRow } from '../sweep/sweepStore.ts';

type Command = ToSweep extends infer M ? (M extends { v: 1 } ? Omit<M, 'v'> : never) : never;

/** What the client needs of a worker (a fake one in tests). */
export interface SweepWorker {
  postMessage(msg: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromSweep>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** The factors worker w of n runs: interleaved, so slow and fast rates spread evenly. */
export function factorsFor(w: number, n: number, factors: readonly number[] = SWEEP_FACTORS): number[] {
  return factors.filter((_, i) => i % n === w);
}

function spawnSweepWorker(): SweepWorker {
  return new Worker(new URL('../../src/worker/sweep.worker.ts', import.meta.url), { type: 'module' }) as SweepWorker;
}

/**
 * The page's side of the learning-rate sweep: spawns its workers on first use (one per core, at most two),
 * splits the learning rates between them and gathers their rows, progress and ends into the sweep store.
 * Only the latest start's messages count; a crashed worker ends the whole sweep and takes the others down.
 */
export class SweepClient {
  private workers: SweepWorker[] = [];
  private request = 0;
  private running = 0;
  private cancelled = false;
  private failed = false;
  private progress: number[] = [];
  private clock = 0;

  constructor(
    private readonly workerCount = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1)),
    private readonly spawnWorker: () => SweepWorker = spawnSweepWorker,
  ) {}

  /** Starts a sweep of this config's learning rate (replacing any sweep in progress). */
  start(config: Config): void {
    const request = ++this.request;
    const n = Math.min(this.workerCount, SWEEP_FACTORS.length);
    this.running = n;
    this.cancelled = false;
    this.failed = false;
    this.progress = Array.from({ length: n }, () => 0);
    useSweepStore.setState({ ...initialSweepState, status: 'loading', config, total: SWEEP_FACTORS.length * SWEEP_BUDGET, startedAt: performance.now() });
    clearInterval(this.clock);
    this.clock = setInterval(() => this.tick(), 500) as unknown as number;
    for (let w = 0; w < n; w++) this.send(w, { type: 'start', request, config, factors: factorsFor(w, n) });
  }

  /** Stops the sweep in progress; the rows so far stay. */
  cancel(): void {
    if (this.running === 0) return;
    this.cancelled = true;
    for (let w = 0; w < this.workers.length; w++) this.send(w, { type: 'cancel' });
  }

  private tick(): void {
    const s = useSweepStore.getState();
    if (s.status === 'loading' || s.status === 'running') useSweepStore.setState({ elapsedMs: performance.now() - s.startedAt });
  }

  private send(w: number, msg: Command): void {
    this.workers[w] ??= this.spawn(w);
    this.workers[w].postMessage({ v: SWEEP_PROTOCOL_VERSION, ...msg });
  }

  private spawn(w: number): SweepWorker {
    const worker = this.spawnWorker();
    worker.onmessage = (e) => {
      if (this.workers[w] === worker) this.receive(w, e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      if (this.workers[w] === worker) this.fail(`the sweep worker crashed (${e.message || 'no message'})`);
    };
    return worker;
  }

  /** Ends the sweep at once: every worker goes, and anything they had queued is dropped. */
  private fail(message: string): void {
    for (const worker of this.workers) worker.terminate();
    this.workers = [];
    this.request++;
    this.running = 0;
    clearInterval(this.clock);
    useSweepStore.setState((s) => ({ status: 'failed', message, elapsedMs: performance.now() - s.startedAt }));
    notify(`Learning-rate sweep: ${message}. The rows so far are kept; press Run to try again.`, 'error', 'sweep');
  }

  private receive(w: number, msg: FromSweep): void {
    if (msg.type === 'error' && msg.request === null) {
      notify(`Learning-rate sweep: ${msg.message}`, 'error', 'sweep');
      return;
    }
    if (msg.request !== this.request) return;
    switch (msg.type) {
      case 'loading':
        return;
      case 'dataError':
        useSweepStore.setState({ message: msg.message });
        notify(`Learning-rate sweep: ${msg.message}`, 'warning', 'sweep');
        return;
      case 'progress':
        this.progress[w] = msg.done;
        useSweepStore.setState({ status: 'running', done: this.progress.reduce((a, d) => a + d, 0) });
        return;
      case 'row':
        useSweepStore.setState((s) => ({ rows: withRow(s.rows, msg.row) }));
        return;
      case 'done':
        this.running = Math.max(0, this.running - 1);
        if (msg.cancelled && !this.cancelled) {
          // Not asked for: the worker failed (its error came first). Stop the others, so the sweep ends as one.
          this.failed = true;
          this.cancelled = true;
          for (let k = 0; k < this.workers.length; k++) if (k !== w) this.send(k, { type: 'cancel' });
        }
        if (this.running === 0) {
          clearInterval(this.clock);
          const status = this.failed ? 'failed' : this.cancelled ? 'cancelled' : 'done';
          useSweepStore.setState((s) => ({ status, elapsedMs: performance.now() - s.startedAt }));
        }
        return;
      case 'error':
        notify(`Learning-rate sweep: ${msg.message}`, 'error', 'sweep');
        useSweepStore.setState({ message: msg.message });
        return;
      default:
        assertNever(msg, 'sweep message');
    }
  }
}
