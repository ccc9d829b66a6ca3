/**
 * A worker's `schedule` for its session: a MessageChannel runs a 0 ms task as soon as the worker is free
 * (setTimeout(0) would be clamped to 4 ms); longer delays use setTimeout. Used by the worker entries only.
 */
export function createWorkerScheduler(): (fn: () => void, ms: number) => void {
  const tasks: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.addEventListener('message', () => tasks.shift()?.());
  channel.port1.start();
  return (fn, ms) => {
    if (ms > 0) {
      setTimeout(fn, ms);
      return;
    }
    tasks.push(fn);
    channel.port2.postMessage(null);
  };
}
