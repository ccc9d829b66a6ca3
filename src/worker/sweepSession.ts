import { parseConfig } from '../config/schema.ts';
import type { MnistFile } from '../data/mnistFormat.ts';
import { assertNever } from '../engine/floatArray.ts';
import { buildSplit } from '../experiment/datasets.ts';
import { LrSweep } from '../experiment/lrSweep.ts';
import { MnistOnce } from './mnistOnce.ts';
import { SLICE_MS, type SessionHost } from './sessionHost.ts';
import { parseToSweep, type FromSweep, type ToSweep } from './sweepProtocol.ts';

/** At most one progress message per this many milliseconds, besides the one that goes with every row. */
export const PROGRESS_INTERVAL_MS = 100;

/** What a sweep session needs from its host: a trainer session's loader, clock and scheduler; sweep messages out. */
export interface SweepHost extends Omit<SessionHost, 'post'> {
  /** Sends a message (sweep messages hold no buffers worth transferring). */
  post(msg: FromSweep): void;
}

/** Options for tests: a small budget keeps a sweep short. */
export interface SweepSessionOptions {
  budget?: number;
}

/**
 * The sweep worker's logic: answers ToSweep messages with FromSweep ones and runs an LrSweep in time
 * slices, so a cancel or a new start is handled within one slice. Pure: the worker entry and the tests
 * give it a host.
 */
export class SweepSession {
  private sweep: LrSweep | null = null;
  /** The request being loaded or swept, null when idle. */
  private request: number | null = null;
  /** Bumped by every start, cancel and failure: a load or slice of an older one finds it changed and stops. */
  private token = 0;
  private lastProgressAt = -Infinity;
  private readonly mnist: MnistOnce;

  constructor(
    private readonly host: SweepHost,
    private readonly options: SweepSessionOptions = {},
  ) {
    // MnistOnce is typed for the trainer's host but only loads and reads the clock: it never posts.
    const loader: SessionHost = {
      loadMnist: (onProgress) => host.loadMnist(onProgress),
      now: () => host.now(),
      schedule: (fn, ms) => host.schedule(fn, ms),
      post: () => {},
    };
    this.mnist = new MnistOnce(loader, (loaded, total) => {
      if (this.request !== null) this.host.post({ v: 1, type: 'loading', request: this.request, loaded, total });
    });
  }

  /** Handles one incoming message; anything malformed gets an `error` reply, never a throw. */
  handle(data: unknown): void {
    const parsed = parseToSweep(data);
    if (!parsed.ok) {
      this.host.post({ v: 1, type: 'error', request: null, message: parsed.reason });
      return;
    }
    try {
      this.dispatch(parsed.msg);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(msg: ToSweep): void {
    switch (msg.type) {
      case 'start':
        void this.start(msg);
        return;
      case 'cancel': {
        const request = this.request;
        if (request === null) return;
        this.stop();
        this.host.post({ v: 1, type: 'done', request, cancelled: true });
        return;
      }
      default:
        assertNever(msg, 'sweep message');
    }
  }

  /** Loads the data if needed, then starts slicing; the older sweep, if any, is dropped without a word. */
  private async start(msg: Extract<ToSweep, { type: 'start' }>): Promise<void> {
    const token = ++this.token;
    const request = msg.request;
    this.sweep = null;
    this.request = request;
    try {
      const parsed = parseConfig(msg.config);
      const { notices } = parsed;
      let { config } = parsed;
      if (notices.length > 0) this.host.post({ v: 1, type: 'error', request, message: `config: ${notices.map((n) => n.message).join('; ')}` });
      let mnist: MnistFile | null = null;
      this.mnist.waiting = config.dataset === 'mnist';
      if (config.dataset === 'mnist') {
        try {
          mnist = await this.mnist.load();
        } catch (e) {
          this.mnist.forget();
          if (token !== this.token) return;
          config = { ...config, dataset: 'blobs' };
          const message = `MNIST could not be loaded (${(e as Error).message}); sweeping on the synthetic blobs set instead`;
          this.host.post({ v: 1, type: 'dataError', request, message, fallback: 'blobs' });
        } finally {
          if (token === this.token) this.mnist.waiting = false;
        }
      }
      if (token !== this.token) return; // a newer start or a cancel came while MNIST loaded
      this.sweep = new LrSweep(config, buildSplit(config, mnist), { factors: msg.factors, budget: this.options.budget, now: () => this.host.now() });
      this.postProgress();
      this.kick();
    } catch (e) {
      if (token === this.token) this.fail(e);
    }
  }

  private kick(): void {
    const token = this.token;
    this.host.schedule(() => {
      if (token === this.token) this.slice();
    }, 0);
  }

  /** One slice: paired steps until SLICE_MS have passed (at least one), posting rows as they finish. */
  private slice(): void {
    const sweep = this.sweep;
    const request = this.request;
    if (sweep === null || request === null) return;
    try {
      const start = this.host.now();
      do {
        const row = sweep.advance(1);
        if (row !== null) {
          this.host.post({ v: 1, type: 'row', request, row });
          this.postProgress();
        }
        if (sweep.finished) {
          this.stop();
          this.host.post({ v: 1, type: 'done', request, cancelled: false });
          return;
        }
      } while (this.host.now() - start < SLICE_MS);
      if (this.host.now() - this.lastProgressAt >= PROGRESS_INTERVAL_MS) this.postProgress();
      this.kick();
    } catch (e) {
      this.fail(e);
    }
  }

  private postProgress(): void {
    if (this.sweep === null || this.request === null) return;
    this.lastProgressAt = this.host.now();
    this.host.post({ v: 1, type: 'progress', request: this.request, ...this.sweep.progress() });
  }

  /** Forgets the current sweep; its scheduled slice and pending load find the token changed. */
  private stop(): void {
    this.token++;
    this.sweep = null;
    this.request = null;
    this.mnist.waiting = false;
  }

  /** Reports a failure and, if a sweep was running, ends it, so the page never waits on it forever. */
  private fail(e: unknown): void {
    const request = this.request;
    this.stop();
    this.host.post({ v: 1, type: 'error', request, message: (e as Error)?.message ?? String(e) });
    if (request !== null) this.host.post({ v: 1, type: 'done', request, cancelled: true });
  }
}
