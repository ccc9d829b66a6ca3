import { crc32 } from './checksum.ts';

/**
 * Shift Lab's compact MNIST file: a 32-byte little-endian header, then one uint8 label per digit, then
 * rows·cols uint8 pixels per digit. Digits are stored in split order: the first trainCount are the
 * training set, the rest the test set.
 *
 * header: magic "SHIFTMN1" (8 bytes) | version u32 | count u32 | rows u32 | cols u32 | trainCount u32 |
 *         CRC-32 of everything after the header u32
 */
export const MNIST_MAGIC = 'SHIFTMN1';
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 32;

/** The decoded contents of a data file. */
export interface MnistFile {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly trainCount: number;
  /** [count] digit classes 0–9. */
  readonly labels: Uint8Array;
  /** [count, rows·cols] raw pixel intensities 0–255. */
  readonly pixels: Uint8Array;
  readonly checksum: number;
}

/** A data file that cannot be read, with a message that says what is wrong with it. */
export class MnistFormatError extends Error {
  override readonly name = 'MnistFormatError';
}

/** Encodes labels and pixels into the file format. */
export function encodeMnist(file: Omit<MnistFile, 'checksum'>): Uint8Array {
  const { count, rows, cols, trainCount, labels, pixels } = file;
  if (labels.length !== count || pixels.length !== count * rows * cols) throw new Error('encodeMnist: sizes disagree');
  const bytes = new Uint8Array(MNIST_HEADER_BYTES + count + count * rows * cols);
  bytes.set(labels, MNIST_HEADER_BYTES);
  bytes.set(pixels, MNIST_HEADER_BYTES + count);
  for (let i = 0; i < 8; i++) bytes[i] = MNIST_MAGIC.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  [MNIST_VERSION, count, rows, cols, trainCount, crc32(bytes.subarray(MNIST_HEADER_BYTES))].forEach((v, i) => view.setUint32(8 + 4 * i, v, true));
  return bytes;
}

/** The digit size the app's models are built for. */
export const MNIST_SHAPE = { rows: 28, cols: 28 } as const;

/**
 * Decodes and verifies a data file; throws MnistFormatError naming the first problem found. With `shape`,
 * a file of another digit size is rejected too (the app's models take 28×28 inputs).
 */
export function decodeMnist(bytes: Uint8Array, shape?: { readonly rows: number; readonly cols: number }): MnistFile {
  if (bytes.length < MNIST_HEADER_BYTES) throw new MnistFormatError(`data file is ${bytes.length} bytes, shorter than its header`);
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (magic !== MNIST_MAGIC) throw new MnistFormatError('data file does not start with the Shift Lab MNIST header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [version, count, rows, cols, trainCount, checksum] = [0, 1, 2, 3, 4, 5].map((i) => view.getUint32(8 + 4 * i, true));
  if (version !== MNIST_VERSION) throw new MnistFormatError(`data file version ${version} is not ${MNIST_VERSION}`);
  // A file with no training or no test digits passes its checksum yet cannot be trained on or scored.
  if (rows === 0 || cols === 0 || count === 0 || trainCount === 0 || trainCount >= count) {
    throw new MnistFormatError(
      `data file header is impossible (${count} digits of ${rows}×${cols}, ${trainCount} to train, ${count - trainCount} to test): ` +
        'it needs at least one training and one test digit',
    );
  }
  if (shape !== undefined && (rows !== shape.rows || cols !== shape.cols)) {
    throw new MnistFormatError(`data file holds ${rows}×${cols} digits, not ${shape.rows}×${shape.cols}`);
  }
  const expected = MNIST_HEADER_BYTES + count + count * rows * cols;
  if (bytes.length !== expected) throw new MnistFormatError(`data file is ${bytes.length} bytes; its header says ${expected}`);
  const body = bytes.subarray(MNIST_HEADER_BYTES);
  const actual = crc32(body);
  if (actual !== checksum) {
    throw new MnistFormatError(`data file checksum ${hex(actual)} does not match ${hex(checksum)}: the file is corrupt`);
  }
  const labels = body.subarray(0, count);
  for (let i = 0; i < count; i++) {
    if (labels[i] > 9) throw new MnistFormatError(`label ${labels[i]} of digit ${i} is not 0–9`);
  }
  return { count, rows, cols, trainCount, labels, pixels: body.subarray(count), checksum };
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
