import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MNIST_DATA_PATH } from '../cli/dataFiles.ts';
import { encodeMnist } from '../data/mnistFormat.ts';
import type { After } from './downloadWatch.ts';
import { fetchMnist } from './loadMnist.ts';
import { MNIST_CACHE_NAME, type MnistCache, type MnistCacheStorage } from './mnistCache.ts';

const gz = new Uint8Array(readFileSync(MNIST_DATA_PATH));
type Body = ConstructorParameters<typeof Response>[0];
const respond =
  (body: Uint8Array | string, init: ResponseInit = {}) =>
  async () =>
    new Response(body as Body, init);
/** Lets pending promise callbacks run (no timer is involved: the tests' clock is the fake one). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Timers that fire only when the test moves the clock. */
function fakeTimers() {
  let now = 0;
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const after: After = (ms, fn) => {
    const t = { at: now + ms, fn, live: true };
    timers.push(t);
    return () => void (t.live = false);
  };
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      await settle();
      const due = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      now = due.at;
      due.live = false;
      due.fn();
    }
    now = end;
    await settle();
  };
  return { after, advance };
}

/** A response whose body the test feeds chunk by chunk, and the signal the loader fetched with. */
function trickle() {
  let feed!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (feed = c) });
  let signal: AbortSignal | undefined;
  const fetchFn = (async (_url: string, init?: RequestInit) => {
    signal = init?.signal ?? undefined;
    return new Response(body);
  }) as typeof fetch;
  return { fetchFn, feed: () => feed, signal: () => signal };
}

/** Watches a promise so that a test can ask whether it settled yet. */
function track<T>(p: Promise<T>) {
  const state: { settled: boolean; error: Error | null; value: T | null } = { settled: false, error: null, value: null };
  p.then(
    (v) => Object.assign(state, { settled: true, value: v }),
    (e: Error) => Object.assign(state, { settled: true, error: e }),
  );
  return state;
}

function memoryStorage() {
  const entries = new Map<string, Uint8Array>();
  const cache: MnistCache = {
    match: async (url) => (entries.has(url) ? new Response(entries.get(url) as Body) : undefined),
    put: async (url, response) => void entries.set(url, new Uint8Array(await response.arrayBuffer())),
    delete: async (url) => entries.delete(url),
  };
  const opened: string[] = [];
  const storage: MnistCacheStorage = { open: async (name) => (opened.push(name), cache) };
  return { storage, entries, opened };
}

const limits = { stallMs: 15_000, totalMs: 180_000 };

describe('fetching MNIST', () => {
  it('decompresses the stored file and reports progress up to its length', async () => {
    const progress: [number, number | null][] = [];
    const fetchFn = respond(gz, { headers: { 'content-length': String(gz.length) } });
    const file = await fetchMnist('/data/mnist.bin.gz', (l, t) => progress.push([l, t]), { fetchFn });
    expect(file.count).toBe(10_000);
    expect(progress.at(-1)).toEqual([gz.length, gz.length]);
  });

  it('says what went wrong: an HTTP error, a network failure, or a file that is not the data', async () => {
    await expect(fetchMnist('/x', () => {}, { fetchFn: respond('nope', { status: 404 }) })).rejects.toThrow('/x answered HTTP 404');
    const offline = async () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(fetchMnist('/x', () => {}, { fetchFn: offline })).rejects.toThrow('could not fetch /x: Failed to fetch');
    await expect(fetchMnist('/x', () => {}, { fetchFn: respond('<!doctype html><title>SPA fallback</title>') })).rejects.toThrow(/header/);
  });

  it('calls a truncated gzip body truncated, not a failed fetch', async () => {
    const truncated = gz.slice(0, 1000);
    await expect(fetchMnist('/x', () => {}, { fetchFn: respond(truncated) })).rejects.toThrow(/^the MNIST file is truncated or corrupt: \S/);
  });

  it('says the download broke off when the body errors midway', async () => {
    const t = trickle();
    const loading = track(fetchMnist('/x', () => {}, { fetchFn: t.fetchFn }));
    await settle();
    t.feed().enqueue(gz.slice(0, 500));
    t.feed().error(new TypeError('network error'));
    await settle();
    expect(loading.error?.message).toBe('the MNIST download broke off after 500 bytes (network error): the file is truncated or the connection dropped');
  });

  it('rejects a valid-checksum file with no training digits, or digits of the wrong size', async () => {
    const raw = gunzipSync(gz);
    const zeroTrain = raw.slice();
    new DataView(zeroTrain.buffer, zeroTrain.byteOffset).setUint32(24, 0, true); // trainCount: outside the checksummed body
    await expect(fetchMnist('/x', () => {}, { fetchFn: respond(gzipSync(zeroTrain)) })).rejects.toThrow(/0 to train.*at least one training and one test digit/);
    const small = encodeMnist({ count: 2, rows: 2, cols: 2, trainCount: 1, labels: Uint8Array.from([1, 2]), pixels: new Uint8Array(8) });
    await expect(fetchMnist('/x', () => {}, { fetchFn: respond(gzipSync(small)) })).rejects.toThrow('data file holds 2×2 digits, not 28×28');
  });
});

describe('giving up on a stalled MNIST download', () => {
  it('ends a request that never answers after the stall limit, and aborts it', async () => {
    const clock = fakeTimers();
    let signal: AbortSignal | undefined;
    const never = ((_url: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => {});
    }) as typeof fetch;
    const loading = track(fetchMnist('/x', () => {}, { fetchFn: never, after: clock.after, limits }));
    await clock.advance(14_999);
    expect(loading.settled).toBe(false);
    await clock.advance(1);
    expect(loading.error?.message).toBe('the MNIST download stalled: no data for 15 s (0 bytes received)');
    expect(signal?.aborted).toBe(true);
  });

  it('ends a body that stops arriving midway, counting from its last bytes', async () => {
    const clock = fakeTimers();
    const t = trickle();
    const loading = track(fetchMnist('/x', () => {}, { fetchFn: t.fetchFn, after: clock.after, limits }));
    await clock.advance(10_000);
    t.feed().enqueue(gz.slice(0, 2048));
    await clock.advance(14_000);
    expect(loading.settled).toBe(false);
    await clock.advance(1_000);
    expect(loading.error?.message).toBe('the MNIST download stalled: no data for 15 s (2,048 bytes received)');
    expect(t.signal()?.aborted).toBe(true);
  });

  it('lets a slow download that keeps delivering finish', async () => {
    const clock = fakeTimers();
    const t = trickle();
    const load = fetchMnist('/x', () => {}, { fetchFn: t.fetchFn, after: clock.after, limits });
    const loading = track(load);
    const parts = 12;
    for (let i = 0; i < parts; i++) {
      await clock.advance(14_000);
      t.feed().enqueue(gz.slice(Math.floor((i * gz.length) / parts), Math.floor(((i + 1) * gz.length) / parts)));
    }
    t.feed().close();
    await clock.advance(0);
    expect(loading.error).toBeNull();
    expect((await load).count).toBe(10_000); // 168 s in all, never 15 s without a byte
  });

  it('ends a trickle that never finishes at the overall limit', async () => {
    const clock = fakeTimers();
    const t = trickle();
    const loading = track(fetchMnist('/x', () => {}, { fetchFn: t.fetchFn, after: clock.after, limits }));
    for (let s = 0; s < 17; s++) {
      await clock.advance(10_000);
      t.feed().enqueue(new Uint8Array(1));
    }
    expect(loading.settled).toBe(false);
    await clock.advance(10_000);
    expect(loading.error?.message).toBe('the MNIST download took longer than 180 s (17 bytes received)');
  });
});

describe('keeping MNIST for offline visits', () => {
  it('keeps a file that decoded and reads it back without the network', async () => {
    const { storage, entries, opened } = memoryStorage();
    await fetchMnist('/data/mnist.bin.gz', () => {}, { fetchFn: respond(gz), storage });
    expect(opened).toEqual([MNIST_CACHE_NAME]);
    expect(entries.get('/data/mnist.bin.gz')?.length).toBe(gz.length);
    let asked = 0;
    const offline = async () => (asked++, Promise.reject(new TypeError('Failed to fetch')));
    const progress: [number, number | null][] = [];
    const file = await fetchMnist('/data/mnist.bin.gz', (l, t) => progress.push([l, t]), { fetchFn: offline, storage });
    expect(file.count).toBe(10_000);
    expect(asked).toBe(0);
    expect(progress).toEqual([[gz.length, gz.length]]);
  });

  it('never keeps a corrupt download, and replaces a kept copy that no longer decodes', async () => {
    const { storage, entries } = memoryStorage();
    await expect(fetchMnist('/d', () => {}, { fetchFn: respond(gz.slice(0, 1000)), storage })).rejects.toThrow(/truncated/);
    expect(entries.size).toBe(0);
    entries.set('/d', gz.slice(0, 1000));
    const file = await fetchMnist('/d', () => {}, { fetchFn: respond(gz), storage });
    expect(file.count).toBe(10_000);
    expect(entries.get('/d')?.length).toBe(gz.length);
  });

  it('still loads when the host refuses its cache', async () => {
    const storage: MnistCacheStorage = { open: () => Promise.reject(new DOMException('denied', 'SecurityError')) };
    expect((await fetchMnist('/d', () => {}, { fetchFn: respond(gz), storage })).count).toBe(10_000);
  });
});
