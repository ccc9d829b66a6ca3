import { runLayout, SnapshotReader } from '../experiment/snapshotReader.ts';
import type { FromWorker } from './protocol.ts';

export type SnapshotMsg = Extract<FromWorker, { type: 'snapshot' }>;
type ConfiguredMsg = Extract<FromWorker, { type: 'configured' }>;
type LossesMsg = Extract<FromWorker, { type: 'losses' }>;

/**
 * What the coordinator knows of each sub-worker (one per variant): the run it is on, its answer to the latest
 * configure, its latest snapshot of that run, whether it holds its part of a paused chunk, and its answers to
 * losses requests. Messages of an older run are told apart by run id and dropped.
 */
export class SubWorkers {
  /** How many sub-workers the current run uses (its number of variants). */
  count = 0;
  /** Configures sent to each sub-worker: a session numbers its runs by the configures it gets (never a reset), so this is the latest run id. */
  private sent: number[] = [];
  /** Each sub-worker's run id from its latest `configured`, and its latest snapshot of that run. */
  private run: number[] = [];
  private latest: (SnapshotMsg | null)[] = [];
  private configured: ConfiguredMsg[] = [];
  /** Which sub-workers have said they hold their part of a suspended chunk, and at which step. */
  private held: boolean[] = [];
  private heldAt: number[] = [];
  /** Sent a chunk's play and not yet heard it start: a 'paused' from it now is older news (its last chunk's end). */
  private starting: boolean[] = [];
  /** Sub-workers' answers to each losses request, by request id. */
  private readonly lossAnswers = new Map<number, LossesMsg[]>();

  /** A new run of `count` sub-workers: every old answer is forgotten (a snapshot of the old run still in flight is dropped). */
  begin(count: number): void {
    this.count = count;
    this.configured = [];
    this.latest = [];
    this.run = [];
    for (let i = 0; i < count; i++) this.sent[i] = (this.sent[i] ?? 0) + 1;
  }

  /** Sub-worker i's answer to a configure; false when it answers an older one. */
  configuredBy(i: number, msg: ConfiguredMsg): boolean {
    if (msg.runId !== this.sent[i]) return false;
    this.run[i] = msg.runId;
    this.configured[i] = msg;
    this.latest[i] = null;
    return true;
  }

  /** Whether every sub-worker has answered the latest configure (Array.from fills the holes every() would skip). */
  allConfigured(): boolean {
    return Array.from({ length: this.count }, (_, k) => this.configured[k]).every((c) => c !== undefined);
  }

  /** The answers to the latest configure (call once all are in). */
  answers(): readonly ConfiguredMsg[] {
    return this.configured.slice(0, this.count);
  }

  /** Whether a message of sub-worker i belongs to its current run (or, `building`, to the run being built). */
  current(i: number, runId: number, building = false): boolean {
    return runId === this.run[i] || (building && runId === this.sent[i]);
  }

  /** Keeps sub-worker i's latest snapshot of the current run. */
  snapshot(i: number, msg: SnapshotMsg): void {
    this.latest[i] = msg;
  }

  /** The step sub-worker i last reported (0 before its first snapshot). */
  stepOf(i: number): number {
    return this.latest[i]?.step ?? 0;
  }

  /** Every sub-worker's latest snapshot, or null while one has none yet. */
  snapshots(): SnapshotMsg[] | null {
    const subs: SnapshotMsg[] = [];
    for (let k = 0; k < this.count; k++) {
      const s = this.latest[k];
      if (s === null || s === undefined) return null;
      subs.push(s);
    }
    return subs;
  }

  /** Whether sub-worker i's trained variant has diverged (it stops, and no longer has to reach barriers). */
  frozen(i: number): boolean {
    const snap = this.latest[i];
    const first = this.configured[0];
    if (snap === null || snap === undefined || first === undefined) return false;
    return new SnapshotReader(runLayout(first.shape), snap, snap.step).variant(i, 'divergedAt') >= 0;
  }

  /** Whether every variant has diverged. */
  allFrozen(): boolean {
    return [...Array(this.count).keys()].every((i) => this.frozen(i));
  }

  /** Forgets which sub-workers held their part of a chunk (a new pause asks again). */
  releaseAll(): void {
    this.held = [];
  }

  /** The coordinator sent sub-worker i a chunk's play. */
  played(i: number): void {
    this.starting[i] = true;
  }

  /** Sub-worker i's run status. A 'paused' that answers the pause (not one sent before it heard the chunk's play) holds its part of the chunk: whether it does. */
  heard(i: number, status: string, step: number): boolean {
    if (status === 'playing') this.starting[i] = false;
    if (status !== 'paused' || this.starting[i] === true) return false;
    this.held[i] = true;
    this.heldAt[i] = step;
    return true;
  }

  /**
   * Where the live sub-workers stopped once a paused chunk to `target` is settled: the furthest step any of them
   * reached, whether each stopped between two steps with its snapshot there (`clean`; not in the middle of a
   * step), and the least chunk end every one of them can stop at (one held mid-step has to finish that step).
   */
  stops(target: number): { furthest: number; clean: boolean; least: number } {
    let furthest = 0;
    let least = 0;
    let clean = true;
    for (let i = 0; i < this.count; i++) {
      if (this.frozen(i)) continue;
      const at = this.held[i] === true ? this.heldAt[i] : Math.max(this.stepOf(i), target);
      const between = this.held[i] !== true || this.stepOf(i) === at;
      clean &&= between;
      furthest = Math.max(furthest, at);
      least = Math.max(least, between ? at : at + 1);
    }
    return { furthest, clean, least };
  }

  /** Whether every live sub-worker holds its part of the chunk to `target` or has finished it. */
  settled(target: number): boolean {
    for (let i = 0; i < this.count; i++) if (!this.frozen(i) && this.held[i] !== true && this.stepOf(i) < target) return false;
    return true;
  }

  /** Starts collecting the answers to losses request `id`. */
  expectLosses(id: number): void {
    this.lossAnswers.set(id, []);
  }

  /** Sub-worker i's answer to a losses request: every answer, once all are in, else null. */
  losses(i: number, msg: LossesMsg): LossesMsg[] | null {
    const got = this.lossAnswers.get(msg.id);
    if (got === undefined) return null;
    got[i] = msg;
    for (let k = 0; k < this.count; k++) if (got[k] === undefined) return null;
    this.lossAnswers.delete(msg.id);
    return got.slice(0, this.count);
  }
}
