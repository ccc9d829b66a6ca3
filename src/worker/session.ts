import { withTracked, type Config } from '../config/config.ts';
import { LossLog } from '../experiment/lossLog.ts';
import { parseConfig } from '../config/schema.ts';
import type { MnistFile } from '../data/mnistFormat.ts';
import { buildSplit } from '../experiment/datasets.ts';
import { deriveSeed, Experiment } from '../experiment/experiment.ts';
import type { Snapshot } from '../experiment/snapshot.ts';
import { PROTOCOL_VERSION, parseToWorker, type FromWorker, type RunStatus, type Speed, type ToWorker } from './protocol.ts';
import { SLICE_MS, SNAPSHOT_INTERVAL_MS, type SessionHost } from './sessionHost.ts';
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
  private status: RunStatus = 'idle';
  private speed: Speed = 'max';
  /** The step at which a `step` command stops, or −1. */
  private stopAt = -1;
  /** The step at which a paced `play … until` pauses, or −1. */
  private playUntil = -1;
  /** Per-step losses of the current run (bounded). */
  private lossLog: LossLog | null = null;
  /** Recovering a crashed worker's run: train quietly at full speed up to this step (0: not resuming). */
  private resumeTarget = 0;
  private wantPlay = false;
  private readonly mnist: MnistOnce;
  /** Only the most recently scheduled slice runs; an older timer (a slow pace) is ignored. */
  private loopToken = 0;
  /** The request id of the configure or reset being built. */
  private request: number | null = null;
  private lastSnapshotAt = -Infinity;
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
    try {
      this.dispatch(parsed.msg);
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
        this.wantPlay = true;
        this.stopAt = -1;
        this.playUntil = msg.until ?? -1;
        if (this.exp !== null) this.setStatus(this.exp.allDiverged ? 'paused' : 'playing');
        return;
      case 'pause':
        this.wantPlay = false;
        this.stopAt = -1;
        this.playUntil = -1;
        if (this.exp !== null) this.setStatus('paused');
        return;
      case 'step':
        if (this.exp === null || this.exp.allDiverged) return;
        this.stopAt = this.exp.step + msg.count;
        this.setStatus('playing');
        this.kick();
        return;
      case 'setSpeed':
        this.speed = msg.speed;
        this.resetPace();
        // A slow pace may have the next slice scheduled far ahead: reschedule it now.
        if (this.status === 'playing') this.kick();
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
        this.host.post({ v: PROTOCOL_VERSION, type: 'losses', step: this.exp?.step ?? 0, runId: this.runId, id: msg.id, names, steps, losses }, [losses.buffer]);
        return;
      }
      case 'trace': {
        const config = this.config;
        const load = () => this.mnist.load();
        const pause = () => new Promise<void>((resume) => this.host.schedule(resume, 0));
        void traceReply(config, load, msg.id, msg.steps, this.exp?.step ?? 0, pause, () => this.host.now(), SLICE_MS).then((reply) => this.host.post(reply, []));
        return;
      }
      case 'track': {
        if (this.config === null) return;
        this.config = withTracked(this.config, msg.layer, msg.unit);
        if (this.exp === null) return;
        this.exp.trackLayer = this.config.trackLayer - 1;
        this.exp.trackUnit = this.config.trackUnit;
        this.postSnapshot();
        return;
      }
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
    this.resumeTarget = 0;
    // The requested config is current from now on: live changes (lr, tracking) made while MNIST loads land in it.
    this.config = requested;
    this.request = request;
    this.exp = null;
    this.stopAt = -1;
    this.playUntil = -1;
    this.setStatusOnly('loading');
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
      this.reply({ v: PROTOCOL_VERSION, type: 'dataError', step: 0, message: `MNIST could not be loaded (${fallback}); training on the synthetic blobs set instead`, fallback: 'blobs' });
    }
    const exp = new Experiment(config, buildSplit(config, mnist), this.only);
    this.config = config;
    this.exp = exp;
    this.lossLog = new LossLog(exp.variants.length);
    this.snap = exp.createSnapshot();
    this.reply({ v: PROTOCOL_VERSION, type: 'configured', step: 0, runId, request: this.request, config, shape: runShape(exp) });
    this.rateWindow = { at: this.host.now(), step: 0, perSecond: 0 };
    if (resumeAt > 0) {
      // Replay the lost run (same config and seed, so the same steps) without snapshots, then carry on.
      this.resumeTarget = resumeAt;
      this.setStatusOnly('playing');
      this.kick();
      return;
    }
    this.postSnapshot();
    this.setStatus(this.wantPlay ? 'playing' : 'idle');
  }

  private setStatus(status: RunStatus): void {
    this.setStatusOnly(status);
    if (status === 'playing') {
      this.resetPace();
      this.kick();
    }
  }

  private setStatusOnly(status: RunStatus): void {
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

  /** One slice: train until SLICE_MS have passed, the speed's quota is met, or a step command ends. */
  private loop(): void {
    const exp = this.exp;
    const resuming = exp !== null && exp.step < this.resumeTarget;
    if (exp === null || (this.status !== 'playing' && !resuming)) return;
    try {
      const start = this.host.now();
      const paced = !resuming && this.speed !== 'max' && this.stopAt < 0;
      if (exp.allDiverged) {
        this.stopAt = -1;
        this.wantPlay = false;
        if (resuming) {
          this.resumeTarget = 0;
          this.postSnapshot();
        }
        this.setStatus('paused');
        return;
      }
      // After a stall (a background tab), do not burst to catch up: forget debt beyond a fifth of a second.
      if (paced && (this.host.now() - this.paceStart.at) * (this.speed as number) / 1000 - (exp.step - this.paceStart.step) > (this.speed as number) / 5 + 1) this.resetPace();
      while (this.host.now() - start < SLICE_MS) {
        if (paced && exp.step - this.paceStart.step >= ((this.host.now() - this.paceStart.at) / 1000) * (this.speed as number)) break;
        exp.runStep();
        this.lossLog?.record(exp, this.only);
        if (resuming && exp.step >= this.resumeTarget) {
          // Caught up: show where the run is, then play on or wait as the page wants.
          this.resumeTarget = 0;
          this.postSnapshot();
          if (!this.wantPlay) {
            this.setStatus('paused');
            return;
          }
          this.setStatus('playing');
          break;
        }
        if (!resuming && (exp.step === this.stopAt || exp.step === this.playUntil || exp.allDiverged)) {
          this.stopAt = -1;
          this.playUntil = -1;
          this.wantPlay = false;
          this.postSnapshot();
          this.setStatus('paused');
          return;
        }
      }
      if (exp.step >= this.resumeTarget && this.host.now() - this.lastSnapshotAt >= SNAPSHOT_INTERVAL_MS) this.postSnapshot();
      this.kick(paced ? Math.max(1, 1000 / (this.speed as number) / 2) : 0);
    } catch (e) {
      this.fail(e);
    }
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
    const { msg, transfer } = snapshotMessage(snap, exp.step, this.runId, this.status, w.perSecond);
    this.host.post(msg, transfer);
  }

  private reply(msg: FromWorker): void {
    this.host.post(msg, []);
  }

  private fail(e: unknown): void {
    this.wantPlay = false;
    this.stopAt = -1;
    // Never leave the page waiting on a run that will not come: report a settled status either way.
    this.setStatusOnly(this.exp !== null ? 'paused' : 'idle');
    this.reply({ v: PROTOCOL_VERSION, type: 'error', step: this.exp?.step ?? 0, message: (e as Error)?.message ?? String(e) });
  }
}
