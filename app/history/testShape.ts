import type { RunShape } from '../../src/worker/index.ts';

/** Tests only: a small run's shape, plain beside BN before the activation, one hidden layer of 8. */
export const TEST_SHAPE: RunShape = {
  variantNames: ['plain', 'bn-before'],
  placements: ['none', 'before'],
  sizes: [4, 8, 3],
  nLayers: 1,
  bins: { lo: -1, hi: 1, count: 4 },
  zBins: { lo: -2, hi: 2, count: 8 },
  probeRows: 3,
};
