import type { Config } from '../../src/config/config.ts';
import { VARIANT_STATS, VS } from '../../src/experiment/snapshot.ts';
import { Coordinator } from '../../src/worker/coordinator.ts';
import { PROTOCOL_VERSION, type FromWorker, type Speed, type ToWorker } from '../../src/worker/protocol.ts';
import { History } from '../history/History.ts';
import { adoptWorkerConfig, changedFields, needsReset } from '../../src/config/diff.ts';
import { notify, useStore, type VariantLive } from '../store/store.ts';
import { formatStep as formatCount } from '../viz/format.ts';
import { PING_MS, Watchdog } from './Watchdog.ts';

type LossesMsg = Extract<FromWorker, { type: 'losses' }>;
type TraceMsg = Extract<FromWorker, { type: 'trace' }>;
type Command = ToWorker extends infer M ? (M extends { v: typeof PROTOCOL_VERSION } ? Omit<M, 'v'> : never) : never;

/** More restarts than this within a minute and the trainer stays stopped (something is broken for good). */
const MAX_RESTARTS = 3;

/**
 * The page's side of the trainer: owns the worker(s), turns store changes into commands, and routes the
 * messages back into the History (fast data) and the store (slow state). Messages from an older run, or
 * older than what was shown, are dropped. With `parallel`, each variant trains in its own worker and a
 * Coordinator keeps them in lockstep, speaking the same protocol as a single worker.
 */
export class TrainerClient {
  readonly history = new History();
  private workers: Worker[] = [];
  private coordinator: Coordinator | null = null;
  private unsubscribe: () => void = () => {};
  /** Id of the latest configure or reset sent: only its answer may change the page's config. */
  private request = 0;
  /** The request that restarts a crashed or hung trainer, until its first snapshot arrives. */
  private recovering: number | null = null;
  private restarts: number[] = [];
  /** Whether a message of another protocol version has been reported already. */
  private refusedVersion = false;
  private readonly watchdog = new Watchdog(
    (i, id) => this.workers[i]?.postMessage({ v: PROTOCOL_VERSION, type: 'ping', id }),
    () => this.recover('The trainer stopped answering'),
    () => performance.now(),
  );
  private watchdogTimer = 0;
  /** Whether the workers exist: they start when the lab is first needed, not while a visitor reads the story. */
  private started = false;
  private lossRequest = 0;
  private readonly lossWaiters = new Map<number, (msg: LossesMsg) => void>();
  private readonly traceWaiters = new Map<number, (msg: TraceMsg) => void>();

  constructor(readonly parallel = false) {}

  /**
   * Starts the worker(s) and the first run from the current config. Called when a view that shows the lab
   * opens (and by any command), so a visitor who only reads the story never loads the lab's workers.
   */
  start(): void {
    if (this.started) return;
    this.started = true;
    if (this.parallel) {
      this.coordinator = new Coordinator({
        send: (i, msg) => {
          this.workers[i] ??= this.spawn(i, (m) => this.coordinator?.receive(i, m));
          this.workers[i].postMessage(msg);
        },
        post: (msg) => this.receive(msg),
        now: () => performance.now(),
        schedule: (fn, ms) => window.setTimeout(fn, ms),
      });
    } else {
      this.workers.push(this.spawn(0, (m) => this.receive(m)));
    }
    this.watchdogTimer = window.setInterval(() => this.watchdog.tick(this.workers.length), PING_MS);
    this.unsubscribe = useStore.subscribe((s, prev) => {
      if (s.config !== prev.config && s.configSource === 'page') this.onConfigChange(prev.config, s.config);
      if (s.speed !== prev.speed) this.send({ type: 'setSpeed', speed: s.speed });
    });
    this.send({ type: 'setSpeed', speed: useStore.getState().speed });
    this.send({ type: 'configure', config: useStore.getState().config, request: ++this.request });
  }

  play(): void {
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  step(count: number): void {
    this.send({ type: 'step', count });
  }

  reset(seed: 'same' | 'new'): void {
    this.send({ type: 'reset', seed, request: ++this.request });
  }

  setSpeed(speed: Speed): void {
    useStore.setState({ speed });
  }

  /** The run's per-step training losses so far (its first 20,000 steps), from the trainer. */
  requestLosses(): Promise<LossesMsg> {
    const id = ++this.lossRequest;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.lossWaiters.delete(id);
        reject(new Error('the trainer did not send its losses within 10 s'));
      }, 10_000);
      this.lossWaiters.set(id, (msg) => {
        clearTimeout(timer);
        resolve(msg);
      });
      this.send({ type: 'losses', id });
    });
  }

  /**
   * A run trace (shift-lab-trace/1) of the current setup's first `steps` steps, made afresh in the trainer
   * beside the live run. The trainer may cut the steps to keep the file under about 16 MB.
   */
  requestTrace(steps: number): Promise<TraceMsg> {
    const id = ++this.lossRequest;
    return new Promise((resolve, reject) => {
      const timer = window.setTimeout(() => {
        this.traceWaiters.delete(id);
        reject(new Error('the trainer did not send the trace within 60 s'));
      }, 60_000);
      this.traceWaiters.set(id, (msg) => {
        clearTimeout(timer);
        if (msg.json === null) reject(new Error(msg.error ?? 'no trace'));
        else resolve(msg);
      });
      this.send({ type: 'trace', id, steps });
    });
  }

  dispose(): void {
    this.unsubscribe();
    clearInterval(this.watchdogTimer);
    for (const w of this.workers) w.terminate();
  }

  /** Starts trainer worker i; its messages go to `onMessage`, its pongs and crashes to the watchdog. */
  private spawn(i: number, onMessage: (msg: FromWorker) => void): Worker {
    const worker = new Worker(new URL('../../src/worker/trainer.worker.ts', import.meta.url), { type: 'module' });
    this.watchdog.heardFrom(i);
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      this.watchdog.heardFrom(i);
      // A worker of another version (a stale cached copy) speaks another protocol: say so once, act on none of it.
      const v: unknown = (e.data as { v?: unknown } | null)?.v;
      if (v !== PROTOCOL_VERSION) {
        if (!this.refusedVersion) notify(`The trainer sent a message of protocol version ${String(v)}, not ${PROTOCOL_VERSION}; reload the page to get matching files.`, 'error');
        this.refusedVersion = true;
        return;
      }
      if (e.data.type !== 'pong') onMessage(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      this.recover(`The trainer crashed (${e.message || 'unknown error'})`);
    };
    return worker;
  }

  /**
   * Replaces a crashed or hung trainer: a new worker (one for all variants) builds the same run from the
   * current settings and replays it, quietly and at full speed, up to the last step drawn, so the charts
   * carry on where they were. The history stays on screen meanwhile.
   */
  private recover(reason: string): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.coordinator = null;
    this.watchdog.clear();
    const now = performance.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    if (this.restarts.length >= MAX_RESTARTS) {
      clearInterval(this.watchdogTimer);
      notify(`${reason}, ${MAX_RESTARTS} times within a minute, so it stays stopped. Reload the page to try again; the charts keep what they show.`, 'error', 'trainer');
      useStore.setState({ status: 'paused' });
      return;
    }
    this.restarts.push(now);
    const resumeAt = this.history.latest?.step ?? 0;
    const wasPlaying = useStore.getState().status === 'playing';
    notify(
      `${reason}. A new trainer took over with the same settings${resumeAt > 0 ? ` and is replaying the ${formatCount(resumeAt)} steps already drawn, so the charts carry on` : ''}.`,
      'error',
      'trainer',
    );
    this.workers.push(this.spawn(0, (m) => this.receive(m)));
    useStore.setState({ status: 'loading' });
    this.recovering = ++this.request;
    this.send({ type: 'setSpeed', speed: useStore.getState().speed });
    this.send({ type: 'configure', config: useStore.getState().config, request: this.recovering, resumeAt });
    if (wasPlaying) this.send({ type: 'play' });
  }

  private send(msg: Command): void {
    if (!this.started) this.start();
    const full = { v: PROTOCOL_VERSION, ...msg };
    if (this.coordinator !== null) this.coordinator.handle(full);
    else this.workers[0].postMessage(full);
  }

  private onConfigChange(prev: Config, next: Config): void {
    if (needsReset(prev, next)) {
      this.send({ type: 'configure', config: next, request: ++this.request });
      return;
    }
    const changed = changedFields(prev, next);
    if (changed.includes('lr')) this.send({ type: 'setLr', lr: next.lr });
    if (changed.includes('trackLayer') || changed.includes('trackUnit')) this.send({ type: 'track', layer: next.trackLayer, unit: next.trackUnit });
  }

  private receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'loading':
        useStore.setState({ status: 'loading', loading: { loaded: msg.loaded, total: msg.total } });
        return;
      case 'dataError':
        notify(msg.message, 'warning');
        return;
      case 'configured': {
        // A replacement trainer replaying the same run keeps the history drawn so far.
        const resumed = msg.request === this.recovering && JSON.stringify(this.history.shape) === JSON.stringify(msg.shape);
        if (resumed) this.history.rekey(msg.runId);
        else this.history.reset(msg.runId, msg.shape);
        // Only the answer to the latest request may change the config (a fallback data set, a new seed);
        // an answer to an older one would undo what the user has changed since.
        const latest = msg.request === this.request;
        useStore.setState((s) => {
          const config = adoptWorkerConfig(s.config, msg.config);
          return {
            runId: msg.runId,
            shape: msg.shape,
            step: resumed ? s.step : 0,
            loading: null,
            ...(latest && JSON.stringify(s.config) !== JSON.stringify(config) ? { config, configSource: 'worker' as const } : {}),
          };
        });
        return;
      }
      case 'snapshot': {
        if (!this.history.add(msg.runId, msg)) return;
        this.recovering = null;
        const shape = this.history.shape;
        if (shape === null) return;
        const live: VariantLive[] = shape.variantNames.map((name, v) => {
          const at = (k: keyof typeof VS) => msg.variant[v * VARIANT_STATS.length + VS[k]];
          return { name, placement: shape.placements[v], trainLoss: at('trainLoss'), testLoss: at('testLoss'), testAcc: at('testAcc'), divergedAt: at('divergedAt'), probeMs: at('probeMs'), inferMs: at('inferMs') };
        });
        useStore.setState({ step: msg.step, stepsPerSecond: msg.stepsPerSecond, status: msg.status, live });
        return;
      }
      case 'status':
        // While a replacement replays, the page stays "loading" until its first snapshot.
        if (this.recovering !== null) return;
        if (msg.runId === this.history.runId || msg.status === 'loading') useStore.setState({ status: msg.status });
        return;
      case 'error':
        notify(`Trainer: ${msg.message}`, 'error');
        return;
      case 'pong':
        return;
      case 'losses':
        this.lossWaiters.get(msg.id)?.(msg);
        this.lossWaiters.delete(msg.id);
        return;
      case 'trace':
        this.traceWaiters.get(msg.id)?.(msg);
        this.traceWaiters.delete(msg.id);
        return;
    }
  }
}
