// The thin worker shell around SweepSession: messages in, messages out, a scheduler and the data URL.
import { fetchMnist } from './loadMnist.ts';
import { SweepSession } from './sweepSession.ts';

const tasks: (() => void)[] = [];
const channel = new MessageChannel();
// A MessageChannel runs the next slice as soon as the worker is free; setTimeout(0) would be clamped to 4 ms.
channel.port1.onmessage = () => tasks.shift()?.();

const dataUrl = new URL(`${import.meta.env.BASE_URL}data/mnist.bin.gz`, self.location.origin).href;

const session = new SweepSession({
  post: (msg) => self.postMessage(msg),
  loadMnist: (onProgress) => fetchMnist(dataUrl, onProgress),
  now: () => performance.now(),
  schedule: (fn, ms) => {
    if (ms > 0) {
      setTimeout(fn, ms);
      return;
    }
    tasks.push(fn);
    channel.port2.postMessage(null);
  },
});

self.onmessage = (event: MessageEvent) => session.handle(event.data);
