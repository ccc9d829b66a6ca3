import { decodeMnist, type MnistFile } from '../data/mnistFormat.ts';

/**
 * Fetches and decodes the MNIST data file, reporting progress in bytes. A gzip-compressed body (the file
 * as stored) is decompressed here; a body the server already decompressed is used as it is. Throws an
 * Error that says what went wrong: HTTP status, network failure, or a corrupt file.
 */
export async function fetchMnist(
  url: string,
  onProgress: (loaded: number, total: number | null) => void,
  fetchFn: typeof fetch = fetch,
): Promise<MnistFile> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (e) {
    throw new Error(`could not fetch ${url}: ${(e as Error).message}`);
  }
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  // With Content-Encoding the length is of the compressed body while we count decompressed bytes: unknown.
  const header = Number(response.headers.get('content-length'));
  const total = Number.isFinite(header) && header > 0 && response.headers.get('content-encoding') === null ? header : null;
  const bytes = await readAll(response, (loaded) => onProgress(loaded, total));
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return decodeMnist(isGzip ? await gunzip(bytes) : bytes);
}

async function readAll(response: Response, onChunk: (loaded: number) => void): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onChunk(loaded);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
