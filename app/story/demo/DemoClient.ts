import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Config } from '../../../src/config/index.ts';
import { PROTOCOL_VERSION, type FromWorker, type RunShape, type ToWorker } from '../../../src/worker/index.ts';
import { History } from '../../history/History.ts';

type Command = ToWorker extends infer M ? (M extends { v: number } ? Omit<M, 'v'> : never) : never;

/** Where a section's demo run is. */
export type DemoPhase = 'idle' | 'loading' | 'running' | 'paused' | 'done' | 'error';

/** The demo's slow state, for React (the fast data is in `history`). */
export interface DemoState {
  readonly phase: DemoPhase;
  /** Steps trained so far in the current run. */
  readonly step: number;
  /** The step the run stops at and holds. */
  readonly target: number;
  readonly shape: RunShape | null;
  /** The config the worker is running (after any fallback). */
  readonly config: Config | null;
  /** Why the run failed, or why it trains on other data than asked. */
  readonly message: string | null;
  /** Bumped by each new run, so a chart can tell a replay from the run before. */
  readonly run: number;
}

/** What a section asks for: a config run from step 0 to `steps`, at `stepsPerSecond`. */
export interface DemoRequest {
  readonly config: Config;
  readonly steps: number;
  /** The watching pace, or 'max' (a testing flag skips the pace). */
  readonly stepsPerSecond: number | 'max';
}

const IDLE: DemoState = { phase: 'idle', step: 0, target: 0, shape: null, config: null, message: null, run: 0 };

/**
 * The story's own trainer: one worker, separate from the lab's, that runs a section's short paired run from
 * step 0 at a watchable pace and then holds, so the story never shows the lab's long run. A new section (or
 * Replay) starts a new run in the same worker, which keeps MNIST loaded. A crashed worker is replaced on the
 * next start, and the demo says what happened.
 */
export class DemoClient {
  readonly history = new History(512);
  readonly store: StoreApi<DemoState> = createStore<DemoState>(() => IDLE);
  private worker: Worker | null = null;
  private request: DemoRequest | null = null;
  private requestId = 0;
  /** Paused while its run loads: the run starts held at step 0 instead of playing. */
  private held = false;

  /**
   * Starts this run unless it is the one already running or held (the page may have started the opening's
   * run before the story's code arrived, to show the first picture sooner).
   */
  ensure(request: DemoRequest): void {
    const s = this.store.getState();
    if (s.phase !== 'idle' && s.phase !== 'error' && this.request !== null && JSON.stringify(this.request) === JSON.stringify(request)) return;
    this.start(request);
  }

  /** Starts a run from step 0 (a new one, or the same again: Replay). */
  start(request: DemoRequest): void {
    this.request = request;
    this.held = false;
    const worker = this.ensureWorker();
    const id = ++this.requestId;
    this.store.setState((s) => ({ ...IDLE, phase: 'loading', target: request.steps, run: s.run + 1 }));
    this.post(worker, { type: 'pause' });
    this.post(worker, { type: 'setSpeed', speed: request.stepsPerSecond });
    this.post(worker, { type: 'configure', config: request.config, request: id });
  }

  /** Holds the worker still and shows nothing: a section waiting for its prediction, or one without a run. */
  stop(): void {
    if (this.worker !== null) this.post(this.worker, { type: 'pause' });
    this.requestId++;
    this.store.setState((s) => ({ ...IDLE, run: s.run + 1 }));
  }

  /** The last run again, from step 0. */
  replay(): void {
    if (this.request !== null) this.start(this.request);
  }

  /** Holds the run where it is (a run still loading starts held). */
  pause(): void {
    const { phase } = this.store.getState();
    if (phase === 'loading') this.held = true;
    if (this.worker !== null && phase === 'running') this.post(this.worker, { type: 'pause' });
  }

  /** Carries a paused run on to its target (a run still loading plays as it would have). */
  resume(): void {
    const s = this.store.getState();
    if (s.phase === 'loading') this.held = false;
    if (this.worker !== null && s.phase === 'paused') this.post(this.worker, { type: 'play', until: s.target });
  }

  /** Stops the run and the worker. */
  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.request = null;
    this.store.setState(IDLE);
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(new URL('../../../src/worker/trainer.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if ((e.data as { v?: unknown } | null)?.v === PROTOCOL_VERSION) this.receive(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.store.setState({ phase: 'error', message: `The demo’s trainer crashed (${e.message || 'unknown error'}). Replay starts a new one.` });
    };
    this.worker = worker;
    return worker;
  }

  private post(worker: Worker, msg: Command): void {
    worker.postMessage({ v: PROTOCOL_VERSION, ...msg });
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'loading':
        this.store.setState({ phase: 'loading' });
        return;
      case 'dataError':
        this.store.setState({ message: msg.message });
        return;
      case 'configured': {
        if (msg.request !== this.requestId || this.worker === null) return;
        this.history.reset(msg.runId, msg.shape);
        this.store.setState({ phase: this.held ? 'paused' : 'running', step: 0, shape: msg.shape, config: msg.config });
        if (!this.held) this.post(this.worker, { type: 'play', until: this.store.getState().target });
        return;
      }
      case 'snapshot':
        if (this.store.getState().phase === 'idle' || !this.history.add(msg.runId, msg)) return;
        this.store.setState({ step: msg.step });
        return;
      case 'status': {
        const s = this.store.getState();
        // While a new run is being built, the old run's last words do not count.
        if (msg.runId !== this.history.runId || s.phase === 'loading') return;
        if (msg.status === 'playing') this.store.setState({ phase: 'running' });
        else if (msg.status === 'paused') this.store.setState({ phase: msg.step >= s.target ? 'done' : 'paused', step: msg.step });
        return;
      }
      case 'error':
        this.store.setState({ phase: 'error', message: `The demo’s trainer: ${msg.message}` });
        return;
      default:
        return;
    }
  }
}
