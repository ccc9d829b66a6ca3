/**
 * Replies awaited by id: `wait` sends a request under a fresh id and resolves with the answer `settle` is given
 * for that id, or rejects when none came in time (the trainer's losses and trace, for the exports).
 */
export class Replies<T> {
  private nextId = 0;
  private readonly waiting = new Map<number, (msg: T) => void>();

  constructor(
    private readonly setTimer: (fn: () => void, ms: number) => number,
    private readonly clearTimer: (id: number) => void,
  ) {}

  /** Sends a request (`send(id)`) and waits up to `ms` for its answer; `what` names it in the timeout's message. */
  wait<R extends T>(what: string, ms: number, send: (id: number) => void): Promise<R> {
    const id = ++this.nextId;
    return new Promise<R>((resolve, reject) => {
      const timer = this.setTimer(() => {
        this.waiting.delete(id);
        reject(new Error(`the trainer did not send its ${what} within ${ms / 1000} s`));
      }, ms);
      this.waiting.set(id, (msg) => {
        this.clearTimer(timer);
        resolve(msg as R);
      });
      send(id);
    });
  }

  /** The answer for `id`, if anyone still waits for it. */
  settle(id: number, msg: T): void {
    this.waiting.get(id)?.(msg);
    this.waiting.delete(id);
  }
}
