import { decodeMnist, MNIST_SHAPE, MnistFormatError, type MnistFile } from '../data/mnistFormat.ts';
import { DEFAULT_LIMITS, DownloadTimeout, DownloadWatch, realAfter, type After, type DownloadLimits } from './downloadWatch.ts';
import { openMnistCache, type MnistCache, type MnistCacheStorage } from './mnistCache.ts';

/** What fetchMnist runs on: the host's fetch, timers and cache unless a test gives its own. */
export interface FetchMnistOptions {
  readonly fetchFn?: typeof fetch;
  /** When a stalled or dragging download is given up. */
  readonly limits?: DownloadLimits;
  readonly after?: After;
  /** Where the file is kept for later (offline) visits; none: always download. */
  readonly storage?: MnistCacheStorage | null;
}

/**
 * Loads and decodes the MNIST data file, reporting progress in bytes: the kept copy if there is one, else a
 * download that is given up when it stalls or drags on, kept once it decodes. A gzip-compressed body (the
 * file as stored) is decompressed here; a body the server already decompressed is used as it is. Throws
 * an Error that says what went wrong: HTTP status, network failure, timeout, or a truncated or corrupt file.
 */
export async function fetchMnist(url: string, onProgress: (loaded: number, total: number | null) => void, options: FetchMnistOptions = {}): Promise<MnistFile> {
  const cache = await openMnistCache(options.storage);
  const kept = cache === null ? null : await readKept(cache, url, onProgress);
  if (kept !== null) return kept;
  const bytes = await download(url, onProgress, options);
  const file = await decodeBody(bytes);
  // A full disk or a refused write leaves the app working online, as it did before.
  if (cache !== null) await cache.put(url, new Response(bytes as Uint8Array<ArrayBuffer>)).catch(() => undefined);
  return file;
}

/** The kept copy, decoded; null (and the copy dropped) when there is none or it no longer decodes. */
async function readKept(cache: MnistCache, url: string, onProgress: (loaded: number, total: number | null) => void): Promise<MnistFile | null> {
  try {
    const response = await cache.match(url);
    if (response === undefined) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const file = await decodeBody(bytes);
    onProgress(bytes.length, bytes.length);
    return file;
  } catch {
    await cache.delete(url).catch(() => false);
    return null;
  }
}

async function download(url: string, onProgress: (loaded: number, total: number | null) => void, options: FetchMnistOptions): Promise<Uint8Array> {
  const abort = new AbortController();
  const watch = new DownloadWatch('the MNIST download', options.limits ?? DEFAULT_LIMITS, options.after ?? realAfter, () => abort.abort());
  try {
    let response: Response;
    try {
      response = await watch.guard((options.fetchFn ?? fetch)(url, { signal: abort.signal }));
    } catch (e) {
      if (e instanceof DownloadTimeout) throw e;
      throw new Error(`could not fetch ${url}: ${(e as Error).message}`);
    }
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    // With Content-Encoding the length is of the compressed body while we count decompressed bytes: unknown.
    const header = Number(response.headers.get('content-length'));
    const total = Number.isFinite(header) && header > 0 && response.headers.get('content-encoding') === null ? header : null;
    return await readBody(response, watch, (loaded) => onProgress(loaded, total));
  } finally {
    watch.stop();
  }
}

async function readBody(response: Response, watch: DownloadWatch, onChunk: (loaded: number) => void): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(await watch.guard(response.arrayBuffer()));
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await watch.guard(reader.read());
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      watch.progress(loaded);
      onChunk(loaded);
    }
  } catch (e) {
    void reader.cancel().catch(() => undefined);
    if (e instanceof DownloadTimeout) throw e;
    throw new Error(
      `the MNIST download broke off after ${loaded.toLocaleString('en-US')} bytes (${(e as Error).message}): the file is truncated or the connection dropped`,
    );
  }
  return concat(chunks, loaded);
}

async function decodeBody(bytes: Uint8Array): Promise<MnistFile> {
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return decodeMnist(isGzip ? await gunzip(bytes) : bytes, MNIST_SHAPE);
}

/** Reads the decompressed stream itself: through `new Response(stream)`, Chromium reports a truncated gzip as "Failed to fetch". */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } catch (e) {
    throw new MnistFormatError(`the MNIST file is truncated or corrupt: ${(e as Error).message}`);
  }
  return concat(chunks, length);
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
