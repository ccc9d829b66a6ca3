import { withTracked, type Config } from '../config/config.ts';
import { LossLog } from '../experiment/lossLog.ts';
import { parseConfig } from '../config/schema.ts';
import type { MnistFile } from '../data/mnistFormat.ts';
import { buildSplit } from '../experiment/datasets.ts';
import { deriveSeed, Experiment } from '../experiment/experiment.ts';
import type { Snapshot } from '../experiment/snapshot.ts';
import { PROTOCOL_VERSION, parseToWorker, assertNever, type FromWorker, type RunStatus, type Speed, type ToWorker } from './protocol.ts';
import { INITIAL_RUN, isTraining, next, statusOf, stopStep, type RunEvent, type RunState } from './runMachine.ts';
import { PAUSE_FINISH_MS, PROGRESS_MS, SLICE_MS, SNAPSHOT_INTERVAL_MS, type SessionHost } from './sessionHost.ts';
import type { Work, WorkSlice } from '../experiment/work.ts';
import { MnistOnce } from './mnistOnce.ts';
import { runShape } from './runShape.ts';
import { snapshotMessage } from './snapshotMessage.ts';
import { traceReply } from './traceReply.ts';

/**
 * The trainer: owns the paired experiment and a time-sliced loop, answers ToWorker messages with
 * FromWorker ones. Pure: the worker entry and the tests give it a host.
 */
export class Session {
  private config: Config | null = null;
  /** The one variant this session trains, or null for all of them. */
  private only: number | null = null;
  private exp: Experiment | null = null;
  private snap: Snapshot | null = null;
  private runId = 0;
  /** The run control's state (runMachine.ts); the status last told to the page. */
  private run: RunState = INITIAL_RUN;
  private status: RunStatus = 'idle';
  private speed: Speed = 'max';
  /** Per-step losses of the current run (bounded). */
  private lossLog: LossLog | null = null;
  /** Recovering a crashed worker's run: train quietly at full speed up to this step (0: not resuming). */
  private resumeTarget = 0;
  private readonly mnist: MnistOnce;
  /** Only the most recently scheduled slice runs; an older timer (a slow pace) is ignored. */
  private loopToken = 0;
  /** The request id of the configure or reset being built. */
  private request: number | null = null;
  private lastSnapshotAt = -Infinity;
  /** The step of the last snapshot sent. */
  private snapshotStep = -1;
  /** When anything was last sent to the page: a long step reports progress if nothing else went out for PROGRESS_MS. */
  private lastPostAt = -Infinity;
  /** The step in flight, in slices (a long step at heavy settings spans many), or null between steps. */
  private work: Work | null = null;
  /** Commands that arrived while a run was being built (loading MNIST, measuring step 0), or null. */
  private queue: ToWorker[] | null = null;
  /** A snapshot asked for (a re-track) while a step was in flight: sent when it ends. */
  private snapshotDue = false;
  private rateWindow = { at: 0, step: 0, perSecond: 0 };
  private paceStart = { at: 0, step: 0 };

  constructor(private readonly host: SessionHost) {
    this.mnist = new MnistOnce(host, (loaded, total) => this.reply({ v: PROTOCOL_VERSION, type: 'loading', step: 0, loaded, total }));
  }

  /** Handles one incoming message; anything malformed gets an `error` reply. */
  handle(data: unknown): void {
    const parsed = parseToWorker(data);
    if (!parsed.ok) {
      this.reply({ v: PROTOCOL_VERSION, type: 'error', step: this.exp?.step ?? 0, message: parsed.reason });
      return;
    }
    const msg = parsed.msg;
    // While a run is being built, commands for it wait and then apply in order (a new run supersedes it).
    // Live settings (learning rate, tracking) land in the config being built at once.
    if (this.queue !== null && !['configure', 'reset', 'ping', 'setLr', 'track'].includes(msg.type)) {
      this.queue.push(msg);
      return;
    }
    try {
      this.dispatch(msg);
    } catch (e) {
      this.fail(e);
    }
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'configure': {
        const { config, notices } = parseConfig(msg.config);
        if (notices.length > 0) this.reply({ v: PROTOCOL_VERSION, type: 'error', step: 0, message: `config: ${notices.map((n) => n.message).join('; ')}` });
        this.only = msg.only !== undefined && msg.only < config.variants.length ? msg.only : null;
        void this.start(config, msg.request ?? null, msg.resumeAt ?? 0);
        return;
      }
      case 'reset': {
        if (this.config === null) return;
        const seed = msg.seed === 'same' ? this.config.seed : deriveSeed(this.config.seed, this.runId + 7);
        void this.start({ ...this.config, seed }, msg.request ?? null);
        return;
      }
      case 'play':
        // A run already at or past `until` stays where it is (the coordinator resends a held chunk).
        this.apply({ type: 'play', until: msg.until });
        return;
      case 'pause':
        // The pause lands between two steps when the step in flight can finish at once (a light one): a snapshot
        // says where, so a coordinator can line its sub-workers up on one step. A heavy step is held mid-way.
        if (this.resumeTarget === 0 && isTraining(this.run) && this.finishStep(PAUSE_FINISH_MS) && this.exp?.step !== this.snapshotStep) {
          this.snapshotDue = false;
          this.postSnapshot();
        }
        this.apply({ type: 'pause' });
        return;
      case 'step':
        this.apply({ type: 'step', count: msg.count });
        return;
      case 'setSpeed':
        this.speed = msg.speed;
        this.resetPace();
        // A slow pace may have the next slice scheduled far ahead: reschedule it now.
        if (isTraining(this.run)) this.kick();
        return;
      case 'setLr':
        if (this.config !== null) this.config = { ...this.config, lr: msg.lr };
        if (this.exp !== null) this.exp.lr = msg.lr;
        return;
      case 'ping':
        this.reply({ v: PROTOCOL_VERSION, type: 'pong', step: this.exp?.step ?? 0, id: msg.id });
        return;
      case 'losses': {
        const { steps, losses } = this.lossLog?.take() ?? { steps: 0, losses: new Float64Array(0) };
        const names = this.exp?.variants.map((v) => v.name) ?? [];
        this.post({ v: PROTOCOL_VERSION, type: 'losses', step: this.exp?.step ?? 0, runId: this.runId, id: msg.id, names, steps, losses }, [losses.buffer]);
        return;
      }
      case 'trace': {
        const config = this.config;
        const load = () => this.mnist.load();
        const pause = () => new Promise<void>((resume) => this.host.schedule(resume, 0));
        void traceReply(config, load, msg.id, msg.steps, this.exp?.step ?? 0, pause, () => this.host.now(), SLICE_MS).then((reply) => this.post(reply, []));
        return;
      }
      case 'track': {
        if (this.config === null) return;
        this.config = withTracked(this.config, msg.layer, msg.unit);
        if (this.exp === null) return;
        this.exp.trackLayer = this.config.trackLayer - 1;
        this.exp.trackUnit = this.config.trackUnit;
        // Mid-step, the variants are half updated: show the new unit when the step ends.
        if (this.work !== null) this.snapshotDue = true;
        else this.postSnapshot();
        return;
      }
      default:
        assertNever(msg, 'message');
    }
  }

  /** Builds a new experiment (loading MNIST first if needed) and reports it; a failure becomes an `error`. */
  private async start(requested: Config, request: number | null, resumeAt = 0): Promise<void> {
    try {
      await this.build(requested, request, resumeAt);
    } catch (e) {
      this.fail(e);
    }
  }

  private async build(requested: Config, request: number | null, resumeAt = 0): Promise<void> {
    const runId = ++this.runId;
    this.queue ??= [];
    this.resumeTarget = 0;
    // The requested config is current from now on: live changes (lr, tracking) made while MNIST loads land in it.
    this.config = requested;
    this.request = request;
    this.exp = null;
    this.work = null;
    this.snapshotDue = false;
    this.apply({ type: 'configure' });
    let mnist: MnistFile | null = null;
    let fallback: string | null = null;
    this.mnist.waiting = requested.dataset === 'mnist';
    if (requested.dataset === 'mnist') {
      try {
        mnist = await this.mnist.load();
      } catch (e) {
        fallback = (e as Error).message;
        this.mnist.forget();
      } finally {
        if (runId === this.runId) this.mnist.waiting = false;
      }
    }
    if (runId !== this.runId) return; // a newer configure or reset arrived while loading
    let config = this.config;
    if (fallback !== null) {
      config = { ...config, dataset: 'blobs' };
      this.reply({
        v: PROTOCOL_VERSION,
        type: 'dataError',
        step: 0,
        message: `MNIST could not be loaded (${fallback}); training on the synthetic blobs set instead`,
        fallback: 'blobs',
      });
    }
    // Building takes seconds at the heaviest settings on a slow machine: it goes in slices (the split, the
    // experiment, then step 0's evaluation and probes), answering messages and reporting progress between
    // them, so the page never takes a long build for a hang.
    if (await this.breathe(runId, 'build', -1)) return;
    const split = buildSplit(config, mnist);
    if (await this.breathe(runId, 'build', -1)) return;
    const exp = new Experiment(config, split, this.only, { measureLater: true });
    const start = exp.startWork();
    for (let r: IteratorResult<WorkSlice, void> = { done: false, value: { phase: 'build', variant: -1 } }; !r.done; r = start.next()) {
      if (await this.breathe(runId, r.value.phase, r.value.variant)) return;
    }
    // Live changes made while step 0 was measured are kept.
    this.config = { ...config, lr: this.config.lr, trackLayer: this.config.trackLayer, trackUnit: this.config.trackUnit };
    exp.lr = this.config.lr;
    exp.trackLayer = this.config.trackLayer - 1;
    exp.trackUnit = this.config.trackUnit;
    this.exp = exp;
    this.lossLog = new LossLog(exp.variants.length);
    this.snap = exp.createSnapshot();
    this.reply({ v: PROTOCOL_VERSION, type: 'configured', step: 0, runId, request: this.request, config, shape: runShape(exp) });
    this.rateWindow = { at: this.host.now(), step: 0, perSecond: 0 };
    if (resumeAt > 0) {
      // Replay the lost run (same config and seed, so the same steps) without snapshots, then carry on or
      // wait, as the page says (its play or pause arrives queued).
      this.resumeTarget = resumeAt;
      this.run = { kind: 'playing', until: resumeAt };
      this.report();
      this.kick();
    } else {
      this.postSnapshot();
      this.apply({ type: 'built' });
    }
    const queued = this.queue ?? [];
    this.queue = null;
    for (const msg of queued) this.dispatch(msg);
  }

  /**
   * Between slices of a build: says what it is doing if nothing went out for PROGRESS_MS, lets waiting messages
   * in, and tells whether a newer configure or reset has superseded this run.
   */
  private async breathe(runId: number, phase: WorkSlice['phase'], variant: number): Promise<boolean> {
    if (this.host.now() - this.lastPostAt >= PROGRESS_MS) this.reply({ v: PROTOCOL_VERSION, type: 'progress', step: 0, runId, phase, variant });
    await new Promise<void>((resume) => this.host.schedule(resume, 0));
    return runId !== this.runId;
  }

  /** Moves the run control on by an event, tells the page a new status, and starts training when it begins. */
  private apply(event: RunEvent): void {
    const was = isTraining(this.run);
    this.run = next(this.run, event, this.exp?.step ?? 0);
    this.report();
    if (isTraining(this.run) && !was) {
      this.resetPace();
      this.kick();
    }
  }

  private report(): void {
    const status = statusOf(this.run);
    if (status === this.status) return;
    this.status = status;
    this.reply({ v: PROTOCOL_VERSION, type: 'status', step: this.exp?.step ?? 0, runId: this.runId, status });
  }

  private resetPace(): void {
    this.paceStart = { at: this.host.now(), step: this.exp?.step ?? 0 };
  }

  private kick(delay = 0): void {
    const token = ++this.loopToken;
    this.host.schedule(() => {
      if (token === this.loopToken) this.loop();
    }, delay);
  }

  /**
   * One slice: train until SLICE_MS have passed, the speed's quota is met, or a step command ends. A step
   * is itself work in slices, so a step that takes seconds (every probe at the heaviest settings) still
   * answers messages and can be paused between them; it resumes where it was.
   */
  private loop(): void {
    const exp = this.exp;
    const resuming = exp !== null && exp.step < this.resumeTarget;
    // A replay goes on to its step whatever the page asks meanwhile (its play or pause applies after).
    if (exp === null || (!isTraining(this.run) && !resuming)) return;
    try {
      const start = this.host.now();
      const paced = !resuming && this.speed !== 'max' && this.run.kind === 'playing';
      if (this.work === null && exp.allDiverged) {
        if (resuming) {
          this.resumeTarget = 0;
          this.postSnapshot();
        }
        this.apply({ type: 'allDiverged' });
        return;
      }
      // After a stall (a background tab), do not burst to catch up: forget debt beyond a fifth of a second.
      if (paced && ((this.host.now() - this.paceStart.at) * (this.speed as number)) / 1000 - (exp.step - this.paceStart.step) > (this.speed as number) / 5 + 1)
        this.resetPace();
      let slice: WorkSlice | null = null;
      while (this.host.now() - start < SLICE_MS) {
        if (this.work === null) {
          if (paced && exp.step - this.paceStart.step >= ((this.host.now() - this.paceStart.at) / 1000) * (this.speed as number)) break;
          this.work = exp.stepWork();
        }
        const r = this.work.next();
        if (!r.done) {
          slice = r.value;
          continue;
        }
        this.work = null;
        slice = null;
        this.lossLog?.record(exp, this.only);
        if (this.snapshotDue) {
          this.snapshotDue = false;
          this.postSnapshot();
        }
        if (resuming && exp.step >= this.resumeTarget) {
          // Caught up: show where the run is, then play on or wait as the page wants.
          this.resumeTarget = 0;
          this.postSnapshot();
          this.apply({ type: 'reached' });
          if (!isTraining(this.run)) return;
          break;
        }
        if (!resuming) {
          const stop = stopStep(this.run);
          if ((stop !== null && exp.step >= stop) || exp.allDiverged) {
            this.postSnapshot();
            this.apply(exp.allDiverged ? { type: 'allDiverged' } : { type: 'reached' });
            return;
          }
        }
        if (!resuming && this.host.now() - this.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) this.postSnapshot();
      }
      if (this.host.now() - this.lastPostAt >= PROGRESS_MS) {
        // Mid-step, or replaying a lost run: say how far it got, which also tells the page it is alive.
        this.reply({ v: PROTOCOL_VERSION, type: 'progress', step: exp.step, runId: this.runId, phase: slice?.phase ?? 'train', variant: slice?.variant ?? -1 });
      }
      this.kick(paced && this.work === null ? Math.max(1, Math.min(PROGRESS_MS, 1000 / (this.speed as number) / 2)) : 0);
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * Runs the step in flight to its end if that takes under `budgetMs` (the rest of a light step takes well under
   * a millisecond; a heavy one's can take seconds, and stays held): whether the run now stands between two steps.
   */
  private finishStep(budgetMs: number): boolean {
    const exp = this.exp;
    if (exp === null || this.work === null) return exp !== null;
    const start = this.host.now();
    while (this.host.now() - start < budgetMs) {
      if (!this.work.next().done) continue;
      this.work = null;
      this.lossLog?.record(exp, this.only);
      return true;
    }
    return false;
  }

  /** Measures and sends a snapshot with fresh buffers in the transfer list. */
  private postSnapshot(): void {
    const exp = this.exp;
    const snap = this.snap;
    if (exp === null || snap === null) return;
    const t = this.host.now();
    const w = this.rateWindow;
    if (t - w.at >= 250) {
      w.perSecond = ((exp.step - w.step) * 1000) / (t - w.at);
      w.at = t;
      w.step = exp.step;
    }
    if (this.status !== 'playing') w.perSecond = 0;
    exp.snapshot(snap);
    this.lastSnapshotAt = t;
    this.snapshotStep = exp.step;
    const { msg, transfer } = snapshotMessage(snap, exp.step, this.runId, this.status, w.perSecond);
    this.post(msg, transfer);
  }

  private reply(msg: FromWorker): void {
    this.post(msg, []);
  }

  private post(msg: FromWorker, transfer: ArrayBuffer[]): void {
    this.lastPostAt = this.host.now();
    this.host.post(msg, transfer);
  }

  private fail(e: unknown): void {
    this.queue = null;
    // Never leave the page waiting on a run that will not come: report a settled status either way.
    this.apply({ type: 'fail', message: (e as Error)?.message ?? String(e) });
    this.reply({ v: PROTOCOL_VERSION, type: 'error', step: this.exp?.step ?? 0, message: (e as Error)?.message ?? String(e) });
  }
}
