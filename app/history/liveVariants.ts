import type { SnapshotReader } from '../../src/experiment/index.ts';
import type { RunShape } from '../../src/worker/index.ts';
import type { VariantLive } from '../store/store.ts';

/** Each variant's latest scalars (the big live numbers) from a snapshot of a run of this shape. */
export function liveVariants(read: SnapshotReader, shape: Pick<RunShape, 'variantNames' | 'placements'>): VariantLive[] {
  return shape.variantNames.map((name, v) => ({
    name,
    placement: shape.placements[v],
    trainLoss: read.variant(v, 'trainLoss'),
    testLoss: read.variant(v, 'testLoss'),
    testAcc: read.variant(v, 'testAcc'),
    divergedAt: read.variant(v, 'divergedAt'),
    probeMs: read.variant(v, 'probeMs'),
    inferMs: read.variant(v, 'inferMs'),
  }));
}
