import { changedFields, needsReset, type Config } from '../../src/config/index.ts';
import {
  Coordinator,
  PROTOCOL_VERSION,
  parseFromWorker,
  assertNever,
  wantsToPlay,
  type FromWorker,
  type Speed,
  type ToWorker,
  type RunEvent,
  type RunState,
} from '../../src/worker/index.ts';
import { History } from '../history/History.ts';
import { liveVariants } from '../history/liveVariants.ts';
import { applyConfigured, applySnapshot, setLoading, setStatus, setStopped, setWork } from '../store/runActions.ts';
import { setSpeed } from '../store/uiActions.ts';
import { notify, useStore, type VariantLive } from '../store/store.ts';
import { formatStep as formatCount } from '../viz/format.ts';
import { PING_MS, Watchdog } from './Watchdog.ts';
import { PageRun } from './pageRun.ts';
import { Replies } from './replies.ts';
import { browserEnv, type TrainerEnv, type TrainerWorker } from './trainerEnv.ts';

export type { TrainerEnv, TrainerWorker } from './trainerEnv.ts';

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
  private workers: TrainerWorker[] = [];
  private coordinator: Coordinator | null = null;
  private unsubscribe: () => void = () => {};
  /** Id of the latest configure or reset sent: only its answer may change the page's config. */
  private request = 0;
  /** The request that restarts a crashed or hung trainer, until its first snapshot arrives. */
  private recovering: number | null = null;
  private restarts: number[] = [];
  /** The page's view of the run control: intents sent, statuses heard, restarting, stopped. */
  private readonly run = new PageRun();
  /** Whether a message of another protocol version has been reported already. */
  private refusedVersion = false;
  /** Whether a malformed message has been reported already. */
  private refusedShape = false;
  private readonly watchdog = new Watchdog(
    (i, id) => this.workers[i]?.postMessage({ v: PROTOCOL_VERSION, type: 'ping', id }),
    () => this.recover('The trainer stopped answering'),
    () => this.env.now(),
  );
  private watchdogTimer = 0;
  /** Whether the workers exist: they start when the lab is first needed, not while a visitor reads the story. */
  private started = false;
  /** Answers awaited by id: the losses and the trace the exports ask for. */
  private readonly replies = new Replies<LossesMsg | TraceMsg>(
    (fn, ms) => this.env.setTimeout(fn, ms),
    (id) => this.env.clearTimeout(id),
  );

  constructor(
    readonly parallel = false,
    private readonly env: TrainerEnv = browserEnv,
  ) {}

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
        now: () => this.env.now(),
        schedule: (fn, ms) => this.env.setTimeout(fn, ms),
        stalled: (reason) => this.recover(`The trainer stopped answering (${reason})`),
      });
    } else {
      this.workers.push(this.spawn(0, (m) => this.receive(m)));
    }
    this.watchdogTimer = this.env.setInterval(() => this.watchdog.tick(this.workers.length), PING_MS);
    this.unsubscribe = useStore.subscribe((s, prev) => {
      if (s.config !== prev.config && s.configSource === 'page') this.onConfigChange(prev.config, s.config);
      if (s.speed !== prev.speed) this.send({ type: 'setSpeed', speed: s.speed });
    });
    this.send({ type: 'setSpeed', speed: useStore.getState().speed });
    this.send({ type: 'configure', config: useStore.getState().config, request: ++this.request });
  }

  play(): void {
    this.intend({ type: 'play' });
    this.send({ type: 'play' });
  }

  pause(): void {
    this.intend({ type: 'pause' });
    this.send({ type: 'pause' });
    // The page shows the pause at once; the trainer holds its step at the next slice (a fraction of a second
    // even at the heaviest settings), and what it says it did before it heard the pause is not shown as playing.
    if (useStore.getState().status === 'playing') setStatus('paused');
  }

  step(count: number): void {
    this.intend({ type: 'step', count });
    this.send({ type: 'step', count });
  }

  /** The run control's state as the page sees it (a stopped trainer takes no more commands). */
  get state(): RunState {
    return this.run.state;
  }

  private intend(event: RunEvent): void {
    this.run.apply(event, useStore.getState().step);
  }

  reset(seed: 'same' | 'new'): void {
    this.intend({ type: 'configure' });
    this.send({ type: 'reset', seed, request: ++this.request });
  }

  setSpeed(speed: Speed): void {
    setSpeed(speed);
  }

  /** The run's per-step training losses so far (its first 20,000 steps), from the trainer. */
  requestLosses(): Promise<LossesMsg> {
    return this.replies.wait<LossesMsg>('losses', 10_000, (id) => this.send({ type: 'losses', id }));
  }

  /**
   * A run trace (shift-lab-trace/1) of the current setup's first `steps` steps, made afresh in the trainer
   * beside the live run. The trainer may cut the steps to keep the file under about 16 MB.
   */
  async requestTrace(steps: number): Promise<TraceMsg> {
    const msg = await this.replies.wait<TraceMsg>('trace', 60_000, (id) => this.send({ type: 'trace', id, steps }));
    if (msg.json === null) throw new Error(msg.error ?? 'no trace');
    return msg;
  }

  dispose(): void {
    this.unsubscribe();
    this.env.clearInterval(this.watchdogTimer);
    for (const w of this.workers) w.terminate();
  }

  /** Starts trainer worker i; its messages go to `onMessage`, its pongs and crashes to the watchdog. */
  private spawn(i: number, onMessage: (msg: FromWorker) => void): TrainerWorker {
    const worker = this.env.spawn();
    this.watchdog.heardFrom(i);
    worker.onmessage = (e: MessageEvent<unknown>) => {
      this.watchdog.heardFrom(i);
      // A worker of another version (a stale cached copy) speaks another protocol: say so once, act on none of it.
      const v: unknown = (e.data as { v?: unknown } | null)?.v;
      if (v !== PROTOCOL_VERSION) {
        if (!this.refusedVersion)
          notify(`The trainer sent a message of protocol version ${String(v)}, not ${PROTOCOL_VERSION}; reload the page to get matching files.`, 'error');
        this.refusedVersion = true;
        return;
      }
      // Every message is checked against the protocol's schema: a malformed one is reported once and dropped.
      const parsed = parseFromWorker(e.data);
      if (!parsed.ok) {
        if (!this.refusedShape) notify(`The trainer sent a message the page does not understand (${parsed.reason}); it was ignored.`, 'error');
        this.refusedShape = true;
        return;
      }
      if (parsed.msg.type !== 'pong') onMessage(parsed.msg);
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
    if (this.run.state.kind === 'stopped') return;
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.coordinator = null;
    this.watchdog.clear();
    const now = this.env.now();
    this.restarts = this.restarts.filter((t) => now - t < 60_000);
    if (this.restarts.length >= MAX_RESTARTS) {
      this.env.clearInterval(this.watchdogTimer);
      this.run.apply({ type: 'giveUp', reason }, useStore.getState().step);
      notify(
        `${reason}, ${MAX_RESTARTS} times within a minute, so it stays stopped. Reload the page to try again; the charts keep what they show.`,
        'error',
        'trainer',
      );
      setStopped(reason);
      return;
    }
    this.restarts.push(now);
    const resumeAt = this.history.latest?.step ?? 0;
    // Killed during a replay, it still plays on afterwards if the page wanted it to: the wish is the state's.
    const wasPlaying = wantsToPlay(this.run.apply({ type: 'lost', reason }, resumeAt));
    notify(
      `${reason}. A new trainer took over with the same settings${resumeAt > 0 ? ` and is replaying the ${formatCount(resumeAt)} steps already drawn, so the charts carry on` : ''}.`,
      'error',
      'trainer',
    );
    this.workers.push(this.spawn(0, (m) => this.receive(m)));
    setStatus('loading');
    this.recovering = ++this.request;
    this.send({ type: 'setSpeed', speed: useStore.getState().speed });
    this.send({ type: 'configure', config: useStore.getState().config, request: this.recovering, resumeAt });
    if (wasPlaying) this.send({ type: 'play' });
  }

  private send(msg: Command): void {
    // A trainer that stayed stopped takes nothing (the controls say so); the charts keep what they show.
    if (this.run.state.kind === 'stopped') return;
    if (!this.started) this.start();
    const full = { v: PROTOCOL_VERSION, ...msg };
    if (this.coordinator !== null) this.coordinator.handle(full);
    else this.workers[0]?.postMessage(full);
  }

  private onConfigChange(prev: Config, next: Config): void {
    if (needsReset(prev, next)) {
      this.intend({ type: 'configure' });
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
        setLoading(msg.loaded, msg.total);
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
        applyConfigured({ runId: msg.runId, shape: msg.shape, config: msg.config, resumed, latest });
        return;
      }
      case 'snapshot': {
        if (!this.history.add(msg.runId, msg)) return;
        if (this.recovering !== null) {
          this.recovering = null;
          this.run.apply({ type: 'built' }, msg.step);
        }
        const shape = this.history.shape;
        const latest = this.history.latest;
        if (shape === null || latest === null) return;
        const live: VariantLive[] = liveVariants(latest, shape);
        applySnapshot(msg.step, msg.stepsPerSecond, this.run.shown(msg.status), live);
        return;
      }
      case 'progress': {
        // A long step (or a build, or a replay) under way: the run bar says what the trainer is doing.
        if (msg.runId < this.history.runId) return;
        setWork({ phase: msg.phase, variant: msg.variant });
        return;
      }
      case 'status':
        // While a replacement replays, the page stays "loading" until its first snapshot.
        if (this.recovering !== null) return;
        // The latest run's status, or a newer run's (a run that failed to build reports before any 'configured').
        if (msg.runId >= this.history.runId || msg.status === 'loading') {
          this.run.hear(msg.status, useStore.getState().step);
          setStatus(this.run.shown(msg.status));
        }
        return;
      case 'error':
        notify(`Trainer: ${msg.message}`, 'error');
        return;
      case 'pong':
        return;
      case 'losses':
        this.replies.settle(msg.id, msg);
        return;
      case 'trace':
        this.replies.settle(msg.id, msg);
        return;
      default:
        assertNever(msg, 'message');
    }
  }
}
