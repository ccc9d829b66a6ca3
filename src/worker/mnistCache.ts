/**
 * The offline copy of the MNIST file. The worker that downloads the file keeps it here once it has decoded
 * it (so a truncated or corrupt download is never kept), and reads it from here on later visits, online or
 * not. The service worker does not precache the file: that downloaded it a second time on a first visit.
 * Bump the version when public/data/mnist.bin.gz changes, so that visitors fetch the new file.
 */
export const MNIST_CACHE_NAME = 'shift-lab-mnist-v1';

/** The part of the Cache API the loader uses (a browser's `Cache`, or a fake in tests). */
export interface MnistCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}

/** The part of `CacheStorage` the loader uses (a browser's `caches`). */
export interface MnistCacheStorage {
  open(name: string): Promise<MnistCache>;
}

/** Opens the MNIST cache, or null when the host has none or refuses it (private mode, insecure origin). */
export async function openMnistCache(storage: MnistCacheStorage | null | undefined): Promise<MnistCache | null> {
  if (storage === null || storage === undefined) return null;
  try {
    return await storage.open(MNIST_CACHE_NAME);
  } catch {
    return null;
  }
}
