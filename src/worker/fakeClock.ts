/**
 * Virtual time for tests of the trainer's hosts: `schedule` queues a task at a virtual time, `runUntil` runs
 * the queue in time order (no real sleeps), and `now` moves on by a small tick at every read, so a
 * time-sliced loop ends its slice however fast the machine is. Deterministic: the same calls give the
 * same order.
 */
export class FakeClock {
  private t = 0;
  private seq = 0;
  private readonly tasks: { at: number; seq: number; id: number; fn: () => void }[] = [];
  private readonly cancelled = new Set<number>();

  /** `tick`: virtual milliseconds every read of the clock takes. */
  constructor(private readonly tick = 0.01) {}

  readonly now = (): number => (this.t += this.tick);

  /** Queues fn at now + ms; returns an id for `cancel`. */
  readonly schedule = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.tasks.push({ at: this.t + Math.max(0, ms), seq: id, id, fn });
    return id;
  };

  readonly cancel = (id: number): void => {
    this.cancelled.add(id);
  };

  /** Repeats fn every ms until cancelled; returns the id to cancel. */
  readonly every = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    const again = () => {
      if (this.cancelled.has(id)) return;
      fn();
      this.tasks.push({ at: this.t + ms, seq: ++this.seq, id, fn: again });
    };
    this.tasks.push({ at: this.t + ms, seq: id, id, fn: again });
    return id;
  };

  /** The virtual time now, without moving it. */
  get time(): number {
    return this.t;
  }

  /**
   * Runs queued tasks in time order until `done()` holds; throws after `limitMs` of virtual time (a test
   * that waits for what never comes fails with a message instead of hanging). Between tasks it lets
   * promise continuations run (the hosts' async code), without waiting on the real clock.
   */
  async runUntil(done: () => boolean, limitMs = 60_000): Promise<void> {
    const end = this.t + limitMs;
    for (;;) {
      await settle();
      if (done()) return;
      if (this.tasks.length === 0) throw new Error(`nothing left to run at ${this.t.toFixed(1)} ms`);
      let k = 0;
      for (let i = 1; i < this.tasks.length; i++) {
        const a = this.tasks[i];
        const b = this.tasks[k];
        if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) k = i;
      }
      const [task] = this.tasks.splice(k, 1);
      if (task.at > end) throw new Error(`not done after ${limitMs} ms of virtual time`);
      this.t = Math.max(this.t, task.at);
      if (!this.cancelled.has(task.id)) task.fn();
    }
  }

  /** Runs everything due within the next `ms` of virtual time. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await this.runUntil(() => this.tasks.every((t) => t.at > end || this.cancelled.has(t.id)), ms + 1);
    this.t = Math.max(this.t, end);
  }
}

/** Lets every pending promise continuation run (a macrotask turn, not a timed wait). */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
