/** Calls fn after about ms milliseconds unless the returned function is called first. */
export type After = (ms: number, fn: () => void) => () => void;

/** The host's timers. */
export const realAfter: After = (ms, fn) => {
  const handle = setTimeout(fn, ms);
  return () => clearTimeout(handle);
};

/** How long a download may go without a byte, and how long it may take in all. */
export interface DownloadLimits {
  readonly stallMs: number;
  readonly totalMs: number;
}

/** A stalled request ends after 15 s without a byte; a trickle that never finishes, after 3 minutes. */
export const DEFAULT_LIMITS: DownloadLimits = { stallMs: 15_000, totalMs: 180_000 };

/** A download given up because it stalled or took too long. */
export class DownloadTimeout extends Error {
  override readonly name = 'DownloadTimeout';
}

/**
 * Gives up on a download that stalls (no bytes for `stallMs`) or drags on (over `totalMs` in all).
 * `guard(p)` settles as p does, or rejects with a message saying which limit ran out; `onExpire` runs once
 * then, so that the caller can abort the request.
 */
export class DownloadWatch {
  private readonly expired: Promise<never>;
  private fail: (e: Error) => void = () => {};
  private cancelStall: () => void = () => {};
  private readonly cancelTotal: () => void;
  private loaded = 0;
  private over = false;

  constructor(
    private readonly what: string,
    private readonly limits: DownloadLimits,
    private readonly after: After,
    private readonly onExpire: () => void,
  ) {
    this.expired = new Promise<never>((_, reject) => (this.fail = reject));
    this.expired.catch(() => undefined); // rejects only while someone races it, or after stop
    this.cancelTotal = after(limits.totalMs, () => this.expire(`took longer than ${seconds(limits.totalMs)} s`));
    this.armStall();
  }

  /** Bytes arrived: the download is alive. */
  progress(loaded: number): void {
    this.loaded = loaded;
    this.armStall();
  }

  /** p, unless a limit runs out first. */
  guard<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.expired]);
  }

  /** The download is over (done or failed): no limit applies any more. */
  stop(): void {
    this.over = true;
    this.cancelStall();
    this.cancelTotal();
  }

  private armStall(): void {
    if (this.over) return;
    this.cancelStall();
    this.cancelStall = this.after(this.limits.stallMs, () => this.expire(`stalled: no data for ${seconds(this.limits.stallMs)} s`));
  }

  private expire(why: string): void {
    if (this.over) return;
    this.stop();
    this.fail(new DownloadTimeout(`${this.what} ${why} (${this.loaded.toLocaleString('en-US')} bytes received)`));
    this.onExpire();
  }
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
