/**
 * At most one snapshot per interval goes out; a snapshot offered sooner is held back (the latest replacing
 * any older) until the next one is due or `release` sends it, so the page is never left behind when a run
 * stops between two due times.
 */
export class SnapshotGate<T> {
  private sentAt = -Infinity;
  private held: T | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly send: (msg: T) => void,
  ) {}

  /** Offers a snapshot at time `now`: sent at once if `force` or the interval has passed, else held. */
  offer(msg: T, now: number, force: boolean): void {
    this.held = msg;
    if (force || now - this.sentAt >= this.intervalMs) this.release(now);
  }

  /** Sends the held snapshot, if any, through `finish` (which may bring it up to date). */
  release(now: number, finish: (msg: T) => T = (msg) => msg): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    this.sentAt = now;
    this.send(finish(held));
  }

  /** Forgets a held snapshot (its run is over). */
  drop(): void {
    this.held = null;
  }
}
