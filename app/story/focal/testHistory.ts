/** Histories built by hand, for the tests of the helpers that read them. */
import { packSnapshot, runLayout, type LayerStat, type VariantStat } from '../../../src/experiment/index.ts';
import type { Placement } from '../../../src/engine/index.ts';
import type { RunShape } from '../../../src/worker/index.ts';
import { History } from '../../history/History.ts';

/** A run of `placements` with 3 hidden layers, for tests of helpers that read the history. */
export function testHistory(placements: readonly Placement[]): History {
  const shape: RunShape = {
    variantNames: [...placements],
    placements,
    sizes: [4, 5, 5, 5, 3],
    nLayers: 3,
    bins: { lo: -1, hi: 1, count: 2 },
    zBins: { lo: -1, hi: 1, count: 2 },
    probeRows: 1,
  };
  const h = new History(64);
  h.reset(1, shape);
  return h;
}

/** Adds a snapshot at `step`: variant stats and layer stats set by the callbacks, everything else NaN. */
export function addSnapshot(
  h: History,
  step: number,
  variant: (v: number, key: VariantStat) => number,
  layer: (v: number, l: number, key: LayerStat) => number = () => NaN,
): void {
  h.add(1, { step, ...packSnapshot(runLayout(h.shape!), { variant, layer }) });
}
