import { describe, expect, it } from 'vitest';
import { packSnapshot, runLayout, SnapshotReader } from '../../src/experiment/index.ts';
import { liveVariants } from './liveVariants.ts';
import { TEST_SHAPE } from './testShape.ts';

const shape = TEST_SHAPE;

describe('liveVariants', () => {
  it('gives each variant its name, placement and own latest scalars', () => {
    const layout = runLayout(shape);
    const values: Record<string, number> = { trainLoss: 0.5, testLoss: 0.6, testAcc: 0.8, divergedAt: -1, probeMs: 12, inferMs: 30 };
    const read = new SnapshotReader(layout, packSnapshot(layout, { variant: (v, key) => (values[key] ?? NaN) + v }), 100);
    const live = liveVariants(read, shape);
    expect(live).toEqual([
      { name: 'plain', placement: 'none', trainLoss: 0.5, testLoss: 0.6, testAcc: 0.8, divergedAt: -1, probeMs: 12, inferMs: 30 },
      { name: 'bn-before', placement: 'before', trainLoss: 1.5, testLoss: 1.6, testAcc: 1.8, divergedAt: 0, probeMs: 13, inferMs: 31 },
    ]);
  });
});
