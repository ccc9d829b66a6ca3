import { describe, expect, it } from 'vitest';
import { decodeMnist, encodeMnist, MnistFormatError } from './mnistFormat.ts';

function sample() {
  const count = 5;
  const labels = Uint8Array.from([3, 1, 4, 1, 5]);
  const pixels = Uint8Array.from({ length: count * 4 }, (_, i) => (i * 37) % 256);
  return encodeMnist({ count, rows: 2, cols: 2, trainCount: 3, labels, pixels });
}

describe('MNIST file format', () => {
  it('round-trips labels, pixels, shape and split through encode and decode', () => {
    const file = decodeMnist(sample());
    expect(file.count).toBe(5);
    expect([file.rows, file.cols, file.trainCount]).toEqual([2, 2, 3]);
    expect(Array.from(file.labels)).toEqual([3, 1, 4, 1, 5]);
    expect(file.pixels[7]).toBe((7 * 37) % 256);
  });

  it('names what is wrong with a corrupt file', () => {
    const bytes = sample();
    const flipped = bytes.slice();
    flipped[40] ^= 0xff;
    expect(() => decodeMnist(flipped)).toThrow(/checksum .* the file is corrupt/);
    expect(() => decodeMnist(bytes.subarray(0, bytes.length - 3))).toThrow(/header says/);
    expect(() => decodeMnist(new TextEncoder().encode('<!doctype html><html>not found</html>'))).toThrow(/header/);
    expect(() => decodeMnist(new Uint8Array(4))).toThrow(MnistFormatError);
    const badLabel = encodeMnist({ count: 2, rows: 1, cols: 1, trainCount: 1, labels: Uint8Array.from([12, 0]), pixels: Uint8Array.from([0, 0]) });
    expect(() => decodeMnist(badLabel)).toThrow(/label 12/);
  });

  it('rejects a header with a valid checksum but no training or no test digits', () => {
    const split = (trainCount: number) =>
      encodeMnist({ count: 3, rows: 1, cols: 1, trainCount, labels: Uint8Array.from([1, 2, 3]), pixels: Uint8Array.from([9, 8, 7]) });
    expect(() => decodeMnist(split(0))).toThrow(/0 to train, 3 to test.*at least one training and one test digit/);
    expect(() => decodeMnist(split(3))).toThrow(/3 to train, 0 to test/);
    expect(() => decodeMnist(split(4))).toThrow(MnistFormatError);
    expect(decodeMnist(split(2)).trainCount).toBe(2);
  });

  it('rejects digits of another size when the reader asks for a shape', () => {
    expect(() => decodeMnist(sample(), { rows: 28, cols: 28 })).toThrow('data file holds 2×2 digits, not 28×28');
    expect(decodeMnist(sample(), { rows: 2, cols: 2 }).count).toBe(5);
  });

  it('rejects a header whose counts do not match the bytes that follow', () => {
    const bytes = sample();
    const grown = bytes.slice();
    new DataView(grown.buffer).setUint32(12, 6, true); // count 6 while the body holds 5 digits
    expect(() => decodeMnist(grown)).toThrow(/its header says/);
  });
});
