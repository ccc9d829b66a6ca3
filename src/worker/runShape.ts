import type { Experiment } from '../experiment/experiment.ts';
import { binsFor, zBinsFor } from '../experiment/histogram.ts';
import type { RunShape } from './protocol.ts';

/** What the page needs to read a run's snapshots: variant names and placements, sizes, layers, bins, probe rows. */
export function runShape(exp: Experiment): RunShape {
  return {
    variantNames: exp.variants.map((v) => v.name),
    placements: exp.variants.map((v) => v.placement),
    sizes: [...exp.variants[0].model.spec.sizes],
    nLayers: exp.config.depth,
    bins: binsFor(exp.config.activation),
    zBins: zBinsFor(exp.config.activation),
    probeRows: exp.probeX.length / exp.data.train.nIn,
  };
}
