/** Histories built by hand, for the tests of the helpers that read them. */
import { LAYER_STATS, LS, VARIANT_STATS, VS } from '../../../src/experiment/snapshot.ts';
import type { Placement } from '../../../src/engine/spec.ts';
import type { RunShape } from '../../../src/worker/protocol.ts';
import { History } from '../../history/History.ts';

/** A run of `placements` with 3 hidden layers, for tests of helpers that read the history. */
export function testHistory(placements: readonly Placement[]): History {
  const shape: RunShape = { variantNames: [...placements], placements, sizes: [4, 5, 5, 5, 3], nLayers: 3, bins: { lo: -1, hi: 1, count: 2 }, zBins: { lo: -1, hi: 1, count: 2 }, probeRows: 1 };
  const h = new History(64);
  h.reset(1, shape);
  return h;
}

/** Adds a snapshot at `step`: variant stats and layer stats set by the callbacks, everything else NaN. */
export function addSnapshot(h: History, step: number, variant: (v: number, key: keyof typeof VS) => number, layer: (v: number, l: number, key: keyof typeof LS) => number = () => NaN): void {
  const nv = h.shape!.placements.length;
  const nl = h.shape!.nLayers;
  const vs = new Float64Array(nv * VARIANT_STATS.length);
  const ls = new Float32Array(nv * nl * LAYER_STATS.length);
  for (let v = 0; v < nv; v++) {
    for (const key of VARIANT_STATS) vs[v * VARIANT_STATS.length + VS[key]] = variant(v, key);
    for (let l = 0; l < nl; l++) for (const key of LAYER_STATS) ls[(v * nl + l) * LAYER_STATS.length + LS[key]] = layer(v, l, key);
  }
  h.add(1, { step, variant: vs, layer: ls, hist: new Float32Array(nv * nl * 2), zHist: new Float32Array(nv * nl * 2), unitZ: new Float32Array(nv) });
}
