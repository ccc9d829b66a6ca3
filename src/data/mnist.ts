import type { Dataset, Split } from './dataset.ts';
import type { MnistFile } from './mnistFormat.ts';

/** The fixed split of a decoded MNIST file, pixels scaled to [0, 1]: the first trainCount digits train. */
export function mnistSplit(file: MnistFile): Split {
  const size = file.rows * file.cols;
  const part = (name: string, start: number, end: number): Dataset => {
    const count = end - start;
    const x = new Float32Array(count * size);
    const pixels = file.pixels.subarray(start * size, end * size);
    for (let i = 0; i < x.length; i++) x[i] = pixels[i] / 255;
    return { name, x, y: file.labels.slice(start, end), count, nIn: size, nClasses: 10 };
  };
  return { train: part('mnist-train', 0, file.trainCount), test: part('mnist-test', file.trainCount, file.count) };
}
