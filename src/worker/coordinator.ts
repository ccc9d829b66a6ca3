import { withTracked, type Config } from '../config/config.ts';
import { parseConfig } from '../config/schema.ts';
import { deriveSeed } from '../experiment/experiment.ts';
import { VARIANT_STATS, VS } from '../experiment/snapshot.ts';
import { mergeLossParts, mergeSnapshotParts } from './mergeParts.ts';
import { PROTOCOL_VERSION, parseToWorker, type FromWorker, type RunStatus, type Speed, type ToWorker } from './protocol.ts';
import { SNAPSHOT_INTERVAL_MS } from './sessionHost.ts';
import { BARRIER_MS, BarrierPace } from './barrierPace.ts';
import { SnapshotGate } from './snapshotGate.ts';

type SnapshotMsg = Extract<FromWorker, { type: 'snapshot' }>;

/** What the coordinator needs from its host: sub-workers to talk to, a way to answer, a clock and a timer. */
export interface CoordinatorHost {
  /** Sends a message to sub-worker i (started on first use). */
  send(i: number, msg: ToWorker): void;
  /** Answers the page, as a single worker would. */
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  now(): number;
  schedule(fn: () => void, ms: number): void;
}

/**
 * One worker per variant, in lockstep. Each sub-worker runs the same experiment (same seed, same batch
 * stream) but trains only its own variant. The coordinator speaks the worker protocol to the page: it
 * relays commands, advances every sub-worker by the same number of steps, and merges their snapshots
 * taken at the same step into one, so the page cannot tell it from a single worker, only faster.
 */
export class Coordinator {
  private config: Config | null = null;
  private count = 0;
  private runId = 0;
  /** Each sub-worker's run id from its latest `configured`, and its latest snapshot of that run. */
  private subRun: number[] = [];
  private latest: (SnapshotMsg | null)[] = [];
  private configured: (FromWorker & { type: 'configured' })[] = [];
  /** Configures sent to each sub-worker: a session numbers its runs by the configures it gets (never a reset), so this is the latest run id. */
  private sent: number[] = [];
  private status: RunStatus = 'idle';
  private ready = false;
  private wantPlay = false;
  private speed: Speed = 'max';
  /** The step every sub-worker is heading for, or −1 when none is in flight. */
  private target = -1;
  private queuedSteps = 0;
  private step = 0;
  private readonly pace = new BarrierPace();
  /** Merged snapshots go to the page at most 20 a second; one held back goes out when the run stops or idles. */
  private readonly gate = new SnapshotGate<SnapshotMsg>(SNAPSHOT_INTERVAL_MS, (msg) => this.post(msg));
  /** Set by `track`: merge the next round of snapshots even though the step has not moved. */
  private refreshing = false;
  /** The page's id for the configure or reset being built. */
  private request: number | null = null;
  /** Sub-workers' answers to each losses request, by request id. */
  private readonly lossAnswers = new Map<number, Extract<FromWorker, { type: 'losses' }>[]>();
  /** Error and data messages already passed on in this run. */
  private readonly said = new Set<string>();

  constructor(private readonly host: CoordinatorHost) {}

  /** A command from the page. */
  handle(data: unknown): void {
    const parsed = parseToWorker(data);
    if (!parsed.ok) {
      this.post({ v: PROTOCOL_VERSION, type: 'error', step: this.step, message: parsed.reason });
      return;
    }
    const msg = parsed.msg;
    switch (msg.type) {
      case 'configure':
        this.start(parseConfig(msg.config).config, msg.request ?? null);
        return;
      case 'reset':
        // Resets become configures, so that sub-workers started at different times still agree on the seed.
        if (this.config !== null) this.start(msg.seed === 'same' ? this.config : { ...this.config, seed: deriveSeed(this.config.seed, this.runId + 7) }, msg.request ?? null);
        return;
      case 'play':
        this.wantPlay = true;
        this.queuedSteps = 0;
        if (this.target < 0) this.pace.resume(this.host.now(), this.step);
        this.pump();
        return;
      case 'pause':
        this.wantPlay = false;
        this.queuedSteps = 0;
        if (this.target < 0 && this.ready) {
          this.flush();
          this.setStatus('paused');
        }
        return;
      case 'step':
        this.wantPlay = false;
        if (this.target < 0) this.pace.resume(this.host.now(), this.step);
        this.queuedSteps += msg.count;
        this.pump();
        return;
      case 'setSpeed':
        this.speed = msg.speed;
        this.pace.repace(this.host.now(), this.step);
        return;
      case 'setLr':
        // Kept in the config too, so that a reset (rebuilt from it) goes on at the live rate, as one worker does.
        if (this.config !== null) this.config = { ...this.config, lr: msg.lr };
        this.broadcast(() => msg);
        return;
      case 'track':
        if (this.config !== null) this.config = withTracked(this.config, msg.layer, msg.unit);
        // Each sub-worker answers with a snapshot at its current step: merge those even if the step is unchanged.
        this.refreshing = true;
        this.broadcast(() => msg);
        return;
      case 'losses':
        this.lossAnswers.set(msg.id, []);
        this.broadcast(() => msg);
        return;
      case 'ping':
        this.post({ v: PROTOCOL_VERSION, type: 'pong', step: this.step, id: msg.id });
        return;
      case 'trace': // a trace replays the whole setup afresh, every variant: one sub-worker makes it
        this.host.send(0, msg);
        return;
    }
  }

  /** A message from sub-worker i. */
  receive(i: number, msg: FromWorker): void {
    switch (msg.type) {
      case 'loading':
      case 'trace': // asked of sub-worker 0 alone
        if (i === 0) this.post(msg);
        return;
      case 'dataError':
      case 'error':
        // Every sub-worker meets the same trouble: say it once per run.
        if (this.said.has(msg.message)) return;
        this.said.add(msg.message);
        this.post(msg);
        return;
      case 'configured':
        if (msg.runId !== this.sent[i]) return;
        this.subRun[i] = msg.runId;
        this.configured[i] = msg;
        this.latest[i] = null;
        if (this.allConfigured()) {
          const first = this.configured[0];
          // The sub-workers must agree (same data after any fallback, same seed), or the pair is not a pair.
          const differ = this.configured.slice(0, this.count).some((c) => JSON.stringify(c.config) !== JSON.stringify(first.config));
          if (differ) this.post({ v: PROTOCOL_VERSION, type: 'error', step: 0, message: 'the per-variant workers disagree about the run (did a data file fail to load in only some?); reload the page' });
          this.config = first.config;
          this.post({ ...first, runId: this.runId, request: this.request });
        }
        return;
      case 'status':
      case 'pong':
        return;
      case 'losses': {
        // Each sub-worker logs only its own variant: take variant v's column from sub-worker v.
        const got = this.lossAnswers.get(msg.id);
        if (got === undefined) return;
        got[i] = msg;
        for (let k = 0; k < this.count; k++) if (got[k] === undefined) return;
        this.lossAnswers.delete(msg.id);
        const { steps, losses } = mergeLossParts(got.slice(0, this.count));
        this.post({ ...got[0], runId: this.runId, step: this.step, steps, losses }, [losses.buffer]);
        return;
      }
      case 'snapshot':
        if (msg.runId !== this.subRun[i]) return;
        this.latest[i] = msg;
        this.tryMerge();
        return;
    }
  }

  private start(config: Config, request: number | null): void {
    this.config = config;
    this.request = request;
    this.said.clear();
    this.runId++;
    this.count = config.variants.length;
    this.ready = false;
    this.target = -1;
    this.queuedSteps = 0;
    this.step = 0;
    this.configured = [];
    this.latest = [];
    this.gate.drop();
    // Forget the old run ids too, so a snapshot of the old run still in flight is dropped.
    this.subRun = [];
    this.setStatus('loading');
    for (let i = 0; i < this.count; i++) this.sent[i] = (this.sent[i] ?? 0) + 1;
    this.broadcast((i) => ({ v: PROTOCOL_VERSION, type: 'configure', config, only: i }));
  }

  private broadcast(make: (i: number) => ToWorker): void {
    for (let i = 0; i < this.count; i++) this.host.send(i, make(i));
  }

  /** Whether sub-worker i's trained variant has diverged (it stops, and no longer has to reach barriers). */
  private frozen(i: number): boolean {
    return (this.latest[i]?.variant[i * VARIANT_STATS.length + VS.divergedAt] ?? -1) >= 0;
  }

  /** Whether every sub-worker has answered the latest configure (Array.from fills the holes every() would skip). */
  private allConfigured(): boolean {
    return Array.from({ length: this.count }, (_, k) => this.configured[k]).every((c) => c !== undefined);
  }

  /** Merges when every live sub-worker has reported the same step (the barrier), then moves on. */
  private tryMerge(): void {
    if (!this.allConfigured()) return;
    const subs: SnapshotMsg[] = [];
    for (let k = 0; k < this.count; k++) {
      const s = this.latest[k];
      if (s === null || s === undefined) return;
      subs.push(s);
    }
    const live = subs.map((_, i) => i).filter((i) => !this.frozen(i));
    const step = live.length > 0 ? subs[live[0]].step : Math.max(...subs.map((s) => s.step));
    if (live.some((i) => subs[i].step !== step)) return;
    if (this.target >= 0 && step < this.target && live.length > 0) return;
    const first = !this.ready;
    if (!first && step === this.step && this.target < 0 && !this.refreshing) return;
    const refresh = this.refreshing;
    this.refreshing = false;
    if (first) {
      this.ready = true;
      this.pace.start(this.host.now(), step);
    }
    // Merge before moving this.step on: the merge sizes the next chunk from the steps this barrier covered.
    const merged = this.merge(subs, step);
    this.step = step;
    this.target = -1;
    // Barriers of a tiny model come faster than the page needs: the gate lets one through per interval while
    // the run goes on, and always the one where it stops (or the one a track or a new run asked for).
    const goesOn = live.length > 0 && (this.wantPlay || this.queuedSteps > 0);
    this.gate.offer(merged, this.host.now(), first || refresh || !goesOn);
    if (live.length === 0) {
      this.wantPlay = false;
      this.queuedSteps = 0;
    }
    this.pump();
  }

  /** Starts the next chunk if playing or stepping and nothing is in flight; otherwise settles the status. */
  private pump(): void {
    if (!this.ready || this.target >= 0) return;
    let n = 0;
    if (this.queuedSteps > 0) {
      // A long Step goes in chunks too: the page sees it progress, and Pause stops it at the next barrier.
      n = Math.min(this.queuedSteps, this.pace.chunk);
      this.queuedSteps -= n;
    } else if (this.wantPlay) {
      n = this.speed === 'max' ? this.pace.chunk : this.pace.due(this.host.now(), this.speed, this.step);
      if (n === 0) {
        // Nothing due yet at a paced speed: the page sees the step reached while the run waits.
        this.flush();
        this.setStatus('playing');
        this.host.schedule(() => this.pump(), BARRIER_MS);
        return;
      }
    } else {
      this.flush();
      this.setStatus(this.step === 0 ? 'idle' : 'paused');
      return;
    }
    this.setStatus('playing');
    this.target = this.step + n;
    const live = [...Array(this.count).keys()].filter((i) => !this.frozen(i));
    for (const i of live) this.host.send(i, { v: PROTOCOL_VERSION, type: 'step', count: n });
    if (live.length === 0) this.target = -1;
  }

  /** Sends the merged snapshot the gate held back, if any, with the run's status as it is now. */
  private flush(): void {
    const going = this.wantPlay || this.queuedSteps > 0;
    this.gate.release(this.host.now(), (held) => (going ? held : { ...held, status: 'paused', stepsPerSecond: 0 }));
  }

  private merge(subs: SnapshotMsg[], step: number): SnapshotMsg {
    const { variant, layer, hist, zHist, unitZ } = mergeSnapshotParts(this.configured[0].shape, subs);
    this.pace.barrier(this.host.now(), step, step - this.step);
    const going = this.wantPlay || this.queuedSteps > 0;
    const status: RunStatus = going ? 'playing' : 'paused';
    return { v: PROTOCOL_VERSION, type: 'snapshot', step, runId: this.runId, status, stepsPerSecond: going ? this.pace.perSecond : 0, variant, layer, hist, zHist, unitZ };
  }

  private setStatus(status: RunStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.post({ v: PROTOCOL_VERSION, type: 'status', step: this.step, runId: this.runId, status });
  }

  private post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
    if (msg.type === 'snapshot') transfer = [msg.variant, msg.layer, msg.hist, msg.zHist, msg.unitZ].map((a) => a.buffer as ArrayBuffer);
    this.host.post(msg, transfer);
  }
}
