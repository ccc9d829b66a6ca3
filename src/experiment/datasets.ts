import type { Config } from '../config/config.ts';
import type { Split } from '../data/dataset.ts';
import { mnistSplit } from '../data/mnist.ts';
import type { MnistFile } from '../data/mnistFormat.ts';
import { standardizeSplit } from '../data/standardize.ts';
import { blobsSet, scalesSet } from '../data/synthetic.ts';

/** The synthetic sets' own seed: fixed, so that the experiment's seed changes weights and batches, not data. */
export const SYNTHETIC_DATA_SEED = 7;

/**
 * The split a config trains on. MNIST needs its decoded file (loaded by the caller: fetch in the worker,
 * the file system in Node); the synthetic sets are built here. Standardization is fitted on train only.
 */
export function buildSplit(config: Pick<Config, 'dataset' | 'standardize'>, mnist: MnistFile | null): Split {
  let split: Split;
  switch (config.dataset) {
    case 'mnist':
      if (mnist === null) throw new Error('the MNIST data file is not loaded');
      split = mnistSplit(mnist);
      break;
    case 'blobs':
      split = blobsSet(SYNTHETIC_DATA_SEED);
      break;
    case 'scales':
      split = scalesSet(SYNTHETIC_DATA_SEED);
      break;
  }
  return config.standardize ? standardizeSplit(split) : split;
}
