import type { Speed } from './protocol.ts';

/**
 * Aim for about this long between barriers, so the page gets ~18 merged snapshots a second: a little over
 * the 50 ms snapshot interval, so that barriers are not thrown away by the coordinator's throttle.
 */
export const BARRIER_MS = 55;
/** The most steps one chunk may ask of the sub-workers. */
const MAX_CHUNK = 500;

/**
 * The coordinator's clock: how many steps the next chunk between barriers should be (sized from how long
 * the last barrier took), the measured steps per second, and the steps due at a paced speed.
 */
export class BarrierPace {
  /** Steps the next chunk asks for at max speed. */
  chunk = 4;
  private barrierAt = 0;
  private rate = { at: 0, step: 0, perSecond: 0 };
  private paceFrom = { at: 0, step: 0 };

  /** Starts measuring from `step` at time `now` (the first barrier of a run): chunks start small again. */
  start(now: number, step: number): void {
    this.chunk = 4;
    this.barrierAt = now;
    this.rate = { at: now, step, perSecond: 0 };
    this.paceFrom = { at: now, step };
  }

  /** Restarts a paced speed's count from `step` (a new speed). */
  repace(now: number, step: number): void {
    this.paceFrom = { at: now, step };
  }

  /** Training resumes at `step` after an idle spell (play or step): the idle time counts for neither the chunk nor the rate. */
  resume(now: number, step: number): void {
    this.barrierAt = now;
    this.rate = { at: now, step, perSecond: this.rate.perSecond };
    this.paceFrom = { at: now, step };
  }

  /** A barrier at `step`, `done` steps after the previous one: sizes the next chunk and updates the rate. */
  barrier(now: number, step: number, done: number): void {
    const elapsed = now - this.barrierAt;
    if (done > 0 && elapsed > 0) this.chunk = Math.min(MAX_CHUNK, Math.max(1, Math.round((done * BARRIER_MS) / elapsed)));
    this.barrierAt = now;
    if (now - this.rate.at >= 250) this.rate = { at: now, step, perSecond: ((step - this.rate.step) * 1000) / (now - this.rate.at) };
  }

  /** Steps per second over the last quarter second or so. */
  get perSecond(): number {
    return this.rate.perSecond;
  }

  /** Steps due at a paced `speed` since the pace started, for a run now at `step`. */
  due(now: number, speed: Exclude<Speed, 'max'>, step: number): number {
    const due = Math.floor(((now - this.paceFrom.at) / 1000) * speed);
    return Math.max(0, this.paceFrom.step + due - step);
  }
}
