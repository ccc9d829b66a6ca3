import type { MnistFile } from '../data/mnistFormat.ts';
import type { SessionHost } from './sessionHost.ts';

/**
 * Loads the MNIST file at most once per worker (a failed load is tried again next time), passing on
 * progress at most every 100 ms and only while someone waits for it: a run replaced by one on another
 * data set hears no more of it.
 */
export class MnistOnce {
  private file: Promise<MnistFile> | null = null;
  waiting = false;

  constructor(
    private readonly host: SessionHost,
    private readonly onProgress: (loaded: number, total: number | null) => void,
  ) {}

  load(): Promise<MnistFile> {
    if (this.file === null) {
      let lastReport = -Infinity;
      this.file = this.host.loadMnist((loaded, total) => {
        const t = this.host.now();
        if (!this.waiting || (t - lastReport < 100 && loaded !== total)) return;
        lastReport = t;
        this.onProgress(loaded, total);
      });
    }
    return this.file;
  }

  /** Forgets a failed load so that the next run tries again. */
  forget(): void {
    this.file = null;
  }
}
