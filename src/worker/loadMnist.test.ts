import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MNIST_DATA_PATH } from '../cli/dataFiles.ts';
import { fetchMnist } from './loadMnist.ts';

const gz = readFileSync(MNIST_DATA_PATH);
const respond = (body: Uint8Array | string, init: ResponseInit = {}) => async () => new Response(body as ConstructorParameters<typeof Response>[0], init);

describe('fetching MNIST', () => {
  it('decompresses the stored file and reports progress up to its length', async () => {
    const progress: [number, number | null][] = [];
    const file = await fetchMnist('/data/mnist.bin.gz', (l, t) => progress.push([l, t]), respond(new Uint8Array(gz), { headers: { 'content-length': String(gz.length) } }));
    expect(file.count).toBe(10_000);
    expect(progress.at(-1)).toEqual([gz.length, gz.length]);
  });

  it('says what went wrong: an HTTP error, a network failure, or a file that is not the data', async () => {
    await expect(fetchMnist('/x', () => {}, respond('nope', { status: 404 }))).rejects.toThrow('/x answered HTTP 404');
    await expect(fetchMnist('/x', () => {}, async () => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow('could not fetch /x: Failed to fetch');
    await expect(fetchMnist('/x', () => {}, respond('<!doctype html><title>SPA fallback</title>'))).rejects.toThrow(/header/);
    const truncated = new Uint8Array(gz.subarray(0, 1000));
    await expect(fetchMnist('/x', () => {}, respond(truncated))).rejects.toThrow();
  });
});
