import { withTracked, type Config } from '../config/config.ts';
import { parseConfig } from '../config/schema.ts';
import { deriveSeed } from '../experiment/seeds.ts';
import { mergeLossParts, mergeSnapshotParts } from './mergeParts.ts';
import { PROTOCOL_VERSION, parseToWorker, assertNever, type FromWorker, type RunStatus, type Speed, type ToWorker } from './protocol.ts';
import { SNAPSHOT_INTERVAL_MS } from './sessionHost.ts';
import { BARRIER_MS, BarrierPace } from './barrierPace.ts';
import { SnapshotGate } from './snapshotGate.ts';
import { BarrierWatch } from './barrierWatch.ts';
import type { CoordinatorHost } from './coordinatorHost.ts';
import { INITIAL_RUN, isTraining, next, statusOf, stopStep, type RunState } from './runMachine.ts';
import { SubWorkers, type SnapshotMsg } from './subWorkers.ts';

export { BARRIER_HANG_MS, type CoordinatorHost } from './coordinatorHost.ts';

/**
 * One worker per variant, in lockstep. Each sub-worker runs the same experiment (same seed, same batch
 * stream) but trains only its own variant. The coordinator speaks the worker protocol to the page: it
 * relays commands, advances every sub-worker by the same number of steps, and merges their snapshots
 * taken at the same step into one, so the page cannot tell it from a single worker, only faster.
 */
export class Coordinator {
  private config: Config | null = null;
  private runId = 0;
  private readonly subs = new SubWorkers();
  private status: RunStatus = 'idle';
  private ready = false;
  /** The run control's state (runMachine.ts). */
  private run: RunState = INITIAL_RUN;
  /** Play, pause and step intents received while the run was being built, applied once it is. */
  private pending: ToWorker[] = [];
  private speed: Speed = 'max';
  /** The step every sub-worker is heading for, or −1 when none is in flight. */
  private target = -1;
  /** Paused in the middle of a chunk: the sub-workers hold their steps in flight until play or step resumes them. */
  private suspended = false;
  /** Hears the sub-workers while a chunk is in flight; one that hears nothing for BARRIER_HANG_MS is wedged. */
  private readonly barrierWatch: BarrierWatch;
  private step = 0;
  private readonly pace = new BarrierPace();
  /** Merged snapshots go to the page at most 20 a second; one held back goes out when the run stops or idles. */
  private readonly gate = new SnapshotGate<SnapshotMsg>(SNAPSHOT_INTERVAL_MS, (msg) => this.post(msg));
  /** Set by `track`: merge the next round of snapshots even though the step has not moved. */
  private refreshing = false;
  /** The page's id for the configure or reset being built. */
  private request: number | null = null;
  /** Error and data messages already passed on in this run. */
  private readonly said = new Set<string>();

  constructor(private readonly host: CoordinatorHost) {
    this.barrierWatch = new BarrierWatch(
      host,
      () => this.target >= 0 && !this.suspended,
      () => `the per-variant trainers stopped making progress at step ${this.step}`,
    );
  }

  /** A command from the page. */
  handle(data: unknown): void {
    const parsed = parseToWorker(data);
    if (!parsed.ok) {
      this.post({ v: PROTOCOL_VERSION, type: 'error', step: this.step, message: parsed.reason });
      return;
    }
    const msg = parsed.msg;
    // Intents that arrive while the run is built wait for it, as a single worker's do.
    if (!this.ready && (msg.type === 'play' || msg.type === 'pause' || msg.type === 'step')) {
      this.pending.push(msg);
      return;
    }
    switch (msg.type) {
      case 'configure':
        this.start(parseConfig(msg.config).config, msg.request ?? null);
        return;
      case 'reset':
        // Resets become configures, so that sub-workers started at different times still agree on the seed.
        if (this.config !== null)
          this.start(msg.seed === 'same' ? this.config : { ...this.config, seed: deriveSeed(this.config.seed, this.runId + 7) }, msg.request ?? null);
        return;
      case 'play':
        this.run = next(this.run, { type: 'play', until: msg.until }, this.step);
        if (!isTraining(this.run)) return;
        if (this.target < 0) this.pace.resume(this.host.now(), this.step);
        this.unsuspend();
        this.pump();
        return;
      case 'pause':
        this.run = next(this.run, { type: 'pause' }, this.step);
        if (this.target >= 0 && !this.suspended) {
          // A chunk is in flight (a long step at heavy settings can take seconds): the sub-workers hold it
          // where they are, and the page sees the pause as soon as each has said so (or the chunk ended).
          this.suspended = true;
          this.subs.releaseAll();
          this.broadcastLive({ v: PROTOCOL_VERSION, type: 'pause' });
          return;
        }
        if (this.ready && this.target < 0) {
          this.flush();
          this.report();
        }
        return;
      case 'step':
        this.run = next(this.run, { type: 'step', count: msg.count }, this.step);
        if (!isTraining(this.run)) return;
        if (this.target < 0) this.pace.resume(this.host.now(), this.step);
        if (this.suspended) {
          // The held chunk counts toward these steps; it ends sooner when fewer were asked for, but never before a
          // step a sub-worker has already passed (it cannot go back, and the barrier would never come).
          if (this.subs.settled(this.target)) this.target = Math.max(Math.min(this.target, this.step + msg.count), this.subs.stops(this.target).least);
          this.unsuspend();
        }
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
        this.subs.expectLosses(msg.id);
        this.broadcast(() => msg);
        return;
      case 'ping':
        this.post({ v: PROTOCOL_VERSION, type: 'pong', step: this.step, id: msg.id });
        return;
      case 'trace': // a trace replays the whole setup afresh, every variant: one sub-worker makes it
        this.host.send(0, msg);
        return;
      default:
        assertNever(msg, 'message');
    }
  }

  /** A message from sub-worker i. */
  receive(i: number, msg: FromWorker): void {
    try {
      this.dispatch(i, msg);
    } catch (e) {
      // A merge that throws (sub-workers that disagree about the run's shape, say) must not leave the page
      // waiting on a barrier that will never come: report it, and let the page replace the trainer.
      const reason = `merging the per-variant runs failed at step ${this.step}: ${(e as Error)?.message ?? String(e)}`;
      this.post({ v: PROTOCOL_VERSION, type: 'error', step: this.step, message: reason });
      this.host.stalled(reason);
    }
  }

  private dispatch(i: number, msg: FromWorker): void {
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
        if (!this.subs.configuredBy(i, msg)) return;
        if (this.subs.allConfigured()) {
          const answers = this.subs.answers();
          const first = answers[0];
          // The sub-workers must agree (same data after any fallback, same seed), or the pair is not a pair.
          const differ = answers.some((c) => JSON.stringify(c.config) !== JSON.stringify(first.config));
          if (differ)
            this.post({
              v: PROTOCOL_VERSION,
              type: 'error',
              step: 0,
              message: 'the per-variant workers disagree about the run (did a data file fail to load in only some?); reload the page',
            });
          this.config = first.config;
          this.post({ ...first, runId: this.runId, request: this.request });
        }
        return;
      case 'progress':
        if (!this.subs.current(i, msg.runId, true)) return;
        this.barrierWatch.heard();
        this.post({ ...msg, runId: this.runId, step: this.step });
        return;
      case 'status':
        if (!this.subs.current(i, msg.runId) || !this.subs.heard(i, msg.status, msg.step) || !this.suspended) return;
        this.settlePause();
        return;
      case 'pong':
        return;
      case 'losses': {
        // Each sub-worker logs only its own variant: take variant v's column from sub-worker v.
        const got = this.subs.losses(i, msg);
        if (got === null) return;
        const { steps, losses } = mergeLossParts(got);
        this.post({ ...got[0], runId: this.runId, step: this.step, steps, losses }, [losses.buffer]);
        return;
      }
      case 'snapshot':
        if (!this.subs.current(i, msg.runId)) return;
        this.barrierWatch.heard();
        this.subs.snapshot(i, msg);
        this.tryMerge();
        this.settlePause();
        return;
      default:
        assertNever(msg, 'message');
    }
  }

  private start(config: Config, request: number | null): void {
    this.config = config;
    this.request = request;
    this.said.clear();
    this.runId++;
    this.ready = false;
    this.target = -1;
    this.suspended = false;
    this.run = next(this.run, { type: 'configure' }, 0);
    this.step = 0;
    this.subs.begin(config.variants.length);
    this.gate.drop();
    this.report();
    this.broadcast((i) => ({ v: PROTOCOL_VERSION, type: 'configure', config, only: i }));
  }

  private broadcast(make: (i: number) => ToWorker): void {
    for (let i = 0; i < this.subs.count; i++) this.host.send(i, make(i));
  }

  /** Sends to every sub-worker whose variant still trains. */
  private broadcastLive(msg: ToWorker): void {
    for (let i = 0; i < this.subs.count; i++) if (!this.subs.frozen(i)) this.host.send(i, msg);
  }

  /**
   * A suspended chunk is settled when every live sub-worker holds its part or has finished it; if all finished,
   * the barrier merged already. The page sees the run paused at the last barrier.
   */
  private settlePause(): void {
    if (!this.suspended || this.target < 0 || !this.subs.settled(this.target)) return;
    const { furthest, clean } = this.subs.stops(this.target);
    if (clean && furthest > this.step) {
      // Each sub-worker stopped where the pause found it, between two steps but not the same ones: the others
      // catch up with the furthest, so the pause lands on one barrier (every variant at the same step, merged),
      // and a Step after it counts from there exactly. The page hears the pause once they have.
      this.target = furthest;
      this.suspended = false;
      this.subs.releaseAll();
      this.sendChunk();
      this.tryMerge();
      return;
    }
    this.flush();
    this.suspended = false;
    this.report();
    this.suspended = true;
  }

  /** Resumes a chunk held by a pause: every sub-worker short of the target plays on to it. */
  private unsuspend(): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.subs.releaseAll();
    this.report();
    this.sendChunk();
  }

  /** Sends the chunk up to `target` to every live sub-worker not there yet; each stops there (play … until). */
  private sendChunk(): void {
    for (let i = 0; i < this.subs.count; i++) {
      if (this.subs.frozen(i) || this.subs.stepOf(i) >= this.target) continue;
      this.subs.played(i);
      this.host.send(i, { v: PROTOCOL_VERSION, type: 'play', until: this.target });
    }
    this.barrierWatch.start();
  }

  /** Merges when every live sub-worker has reported the same step (the barrier), then moves on. */
  private tryMerge(): void {
    if (!this.subs.allConfigured()) return;
    const subs = this.subs.snapshots();
    if (subs === null) return;
    const live = subs.map((_, i) => i).filter((i) => !this.subs.frozen(i));
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
      this.run = next(this.run, { type: 'built' }, step);
    }
    this.run = next(this.run, live.length === 0 ? { type: 'allDiverged' } : { type: 'reached' }, step);
    // Merge before moving this.step on: the merge sizes the next chunk from the steps this barrier covered.
    const merged = this.merge(subs, step);
    this.step = step;
    this.target = -1;
    this.suspended = false;
    // Barriers of a tiny model come faster than the page needs: the gate lets one through per interval while
    // the run goes on, and always the one where it stops (or the one a track or a new run asked for).
    this.gate.offer(merged, this.host.now(), first || refresh || !isTraining(this.run));
    this.pump();
    if (first) for (const msg of this.pending.splice(0)) this.handle(msg);
  }

  /** Starts the next chunk if playing or stepping and nothing is in flight; otherwise settles the status. */
  private pump(): void {
    if (!this.ready || this.target >= 0) return;
    const stop = stopStep(this.run);
    const speed = this.speed;
    let n = 0;
    if (this.run.kind === 'stepping' || (this.run.kind === 'playing' && speed === 'max')) {
      // A long Step goes in chunks too: the page sees it progress, and Pause holds it where it is.
      n = Math.min(this.pace.chunk, stop === null ? Infinity : stop - this.step);
    } else if (this.run.kind === 'playing' && speed !== 'max') {
      n = Math.min(this.pace.due(this.host.now(), speed, this.step), stop === null ? Infinity : stop - this.step);
      if (n === 0) {
        // Nothing due yet at a paced speed: the page sees the step reached while the run waits.
        this.flush();
        this.report();
        this.host.schedule(() => this.pump(), BARRIER_MS);
        return;
      }
    }
    if (n <= 0) {
      this.flush();
      this.report();
      return;
    }
    if (this.subs.allFrozen()) {
      // Nothing left to train (every variant diverged): Play settles at once instead of showing Pause forever.
      this.run = next(this.run, { type: 'allDiverged' }, this.step);
      this.flush();
      this.report();
      return;
    }
    this.report();
    this.target = this.step + n;
    this.sendChunk();
  }

  /** Sends the merged snapshot the gate held back, if any, with the run's status as it is now. */
  private flush(): void {
    const going = isTraining(this.run);
    this.gate.release(this.host.now(), (held) => (going ? held : { ...held, status: statusOf(this.run), stepsPerSecond: 0 }));
  }

  private merge(subs: SnapshotMsg[], step: number): SnapshotMsg {
    const { variant, layer, hist, zHist, unitZ } = mergeSnapshotParts(this.subs.answers()[0].shape, subs);
    this.pace.barrier(this.host.now(), step, step - this.step);
    const going = isTraining(this.run);
    return {
      v: PROTOCOL_VERSION,
      type: 'snapshot',
      step,
      runId: this.runId,
      status: statusOf(this.run),
      stepsPerSecond: going ? this.pace.perSecond : 0,
      variant,
      layer,
      hist,
      zHist,
      unitZ,
    };
  }

  /** Tells the page the run's status when it changed; a pause is told once every sub-worker holds its part. */
  private report(): void {
    if (this.suspended) return;
    const status = statusOf(this.run);
    if (status === this.status) return;
    this.status = status;
    this.post({ v: PROTOCOL_VERSION, type: 'status', step: this.step, runId: this.runId, status });
  }

  private post(msg: FromWorker, transfer: ArrayBuffer[] = []): void {
    if (msg.type === 'snapshot') transfer = [msg.variant, msg.layer, msg.hist, msg.zHist, msg.unitZ].map((a) => a.buffer as ArrayBuffer);
    this.host.post(msg, transfer);
  }
}
