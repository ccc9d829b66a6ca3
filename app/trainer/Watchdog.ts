/** How long a ping may go unanswered before a worker counts as hung. */
export const HANG_MS = 5000;
/** How often the watchdog pings. */
export const PING_MS = 1000;
/** A tick this long after the previous one means the page's own thread was blocked meanwhile. */
export const LATE_TICK_MS = 2.5 * PING_MS;

/**
 * Notices a worker that stops answering. Each tick pings every worker that has no ping in flight; a
 * ping still unanswered after HANG_MS, with nothing else heard from that worker since it was sent, is a
 * hang. Timing from the ping (not from the last message) keeps throttled timers in a background tab from
 * looking like a hang.
 */
export class Watchdog {
  private readonly pending = new Map<number, number>();
  private readonly heard = new Map<number, number>();
  private nextId = 1;
  private lastTick = Infinity;

  constructor(
    private readonly ping: (worker: number, id: number) => void,
    private readonly onHang: (worker: number) => void,
    private readonly now: () => number,
  ) {}

  /** Anything at all from a worker proves it is alive. */
  heardFrom(worker: number): void {
    this.heard.set(worker, this.now());
    this.pending.delete(worker);
  }

  /** Forgets every worker (after they were replaced). */
  clear(): void {
    this.pending.clear();
    this.heard.clear();
  }

  /** One tick over the live workers. */
  tick(workers: number): void {
    const t = this.now();
    const late = t - this.lastTick > LATE_TICK_MS;
    this.lastTick = t;
    if (late) {
      // The page itself was blocked (a long render, a busy machine): the workers' answers may be queued
      // behind this very tick. A slow page is not a hung worker: time every ping in flight from now.
      for (const i of this.pending.keys()) this.pending.set(i, t);
      return;
    }
    for (let i = 0; i < workers; i++) {
      const sentAt = this.pending.get(i);
      if (sentAt === undefined) {
        this.pending.set(i, t);
        this.ping(i, this.nextId++);
      } else if (t - sentAt > HANG_MS && (this.heard.get(i) ?? -Infinity) < sentAt) {
        this.pending.clear();
        this.onHang(i);
        return;
      }
    }
  }
}
