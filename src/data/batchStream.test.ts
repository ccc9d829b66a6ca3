import { describe, expect, it } from 'vitest';
import { BatchStream } from './batchStream.ts';
import type { Dataset } from './dataset.ts';

const data: Dataset = {
  name: 'ids',
  // Row i holds the value i, so a batch's rows reveal their indices.
  x: Float32Array.from({ length: 40 }, (_, i) => i),
  y: Uint8Array.from({ length: 40 }, (_, i) => i % 3),
  count: 40,
  nIn: 1,
  nClasses: 3,
};

function epochBatches(stream: BatchStream, batches: number): number[][] {
  return Array.from({ length: batches }, () => {
    stream.next();
    return Array.from(stream.x);
  });
}

describe('BatchStream', () => {
  it('visits every row once per epoch, with matching labels', () => {
    const stream = new BatchStream(data, 8, 1);
    const rows = epochBatches(stream, 5).flat();
    expect(rows.slice().sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    stream.next();
    expect(Array.from(stream.y)).toEqual(Array.from(stream.x, (v) => v % 3));
    expect(stream.epoch).toBe(1);
  });

  it('reshuffles every epoch, so batches are not the same groups twice', () => {
    const stream = new BatchStream(data, 8, 1);
    const first = epochBatches(stream, 5).map((b) =>
      b
        .slice()
        .sort((p, q) => p - q)
        .join(),
    );
    const second = epochBatches(stream, 5).map((b) =>
      b
        .slice()
        .sort((p, q) => p - q)
        .join(),
    );
    expect(second).not.toEqual(first);
    expect(new Set([...first, ...second]).size).toBeGreaterThan(5);
  });

  it('repeats the same batches for the same seed and continues across epochs with full batches', () => {
    const a = epochBatches(new BatchStream(data, 7, 42), 12);
    const b = epochBatches(new BatchStream(data, 7, 42), 12);
    expect(a).toEqual(b);
    expect(a.every((batch) => batch.length === 7)).toBe(true);
    expect(epochBatches(new BatchStream(data, 7, 43), 12)).not.toEqual(a);
  });
});
