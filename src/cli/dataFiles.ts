import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeMnist, type MnistFile } from '../data/mnistFormat.ts';

/** Where the generated MNIST file lives: served by the app at /data/mnist.bin.gz, read here by Node. */
export const MNIST_DATA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'public', 'data', 'mnist.bin.gz');

/** Reads and verifies the MNIST data file from disk (Node only). */
export function readMnistFile(path = MNIST_DATA_PATH): MnistFile {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch {
    throw new Error(`MNIST data file ${path} is missing: run "npm run data" to build it`);
  }
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return decodeMnist(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
