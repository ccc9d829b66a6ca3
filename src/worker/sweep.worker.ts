// The thin worker shell around SweepSession: messages in, messages out, a scheduler and the data URL.
import { fetchMnist } from './loadMnist.ts';
import { SweepSession } from './sweepSession.ts';
import { createWorkerScheduler } from './workerScheduler.ts';

const dataUrl = new URL(`${import.meta.env.BASE_URL}data/mnist.bin.gz`, self.location.origin).href;

const session = new SweepSession({
  post: (msg) => self.postMessage(msg),
  loadMnist: (onProgress) => fetchMnist(dataUrl, onProgress, { storage: import.meta.env.PROD && 'caches' in self ? caches : null }),
  now: () => performance.now(),
  schedule: createWorkerScheduler(),
});

self.onmessage = (event: MessageEvent) => session.handle(event.data);
