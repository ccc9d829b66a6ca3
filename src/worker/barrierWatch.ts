import { BARRIER_HANG_MS, type CoordinatorHost } from './coordinatorHost.ts';

/**
 * Watches a barrier in flight: while `waiting()` holds, something must be heard from the sub-workers at least
 * every BARRIER_HANG_MS (progress, a snapshot), or the host is told the run stalled.
 */
export class BarrierWatch {
  private heardAt = 0;
  private scheduled = false;

  constructor(
    private readonly host: Pick<CoordinatorHost, 'now' | 'schedule' | 'stalled'>,
    private readonly waiting: () => boolean,
    private readonly reason: () => string,
  ) {}

  /** A sub-worker said something. */
  heard(): void {
    this.heardAt = this.host.now();
  }

  /** A chunk went out: counts as heard, and checks once a second until the barrier is no longer awaited. */
  start(): void {
    this.heard();
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.schedule(() => this.check(), 1000);
  }

  private check(): void {
    this.scheduled = false;
    if (!this.waiting()) return;
    if (this.host.now() - this.heardAt > BARRIER_HANG_MS) {
      this.host.stalled(this.reason());
      return;
    }
    this.scheduled = true;
    this.host.schedule(() => this.check(), 1000);
  }
}
