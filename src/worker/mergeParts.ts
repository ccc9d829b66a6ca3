import { LAYER_STATS, VARIANT_STATS } from '../experiment/snapshot.ts';
import type { FromWorker, RunShape } from './protocol.ts';

type SnapshotMsg = Extract<FromWorker, { type: 'snapshot' }>;
type LossesMsg = Extract<FromWorker, { type: 'losses' }>;

/**
 * One worker per variant: sub-worker i trains only variant i, so each packed array of the merged
 * snapshot takes variant i's block from sub-snapshot i.
 */
export function mergeSnapshotParts(shape: RunShape, subs: readonly SnapshotMsg[]): { variant: Float64Array; layer: Float32Array; hist: Float32Array } {
  const n = subs.length;
  const vw = VARIANT_STATS.length;
  const lw = shape.nLayers * LAYER_STATS.length;
  const hw = shape.nLayers * shape.bins.count;
  const variant = new Float64Array(n * vw);
  const layer = new Float32Array(n * lw);
  const hist = new Float32Array(n * hw);
  subs.forEach((s, i) => {
    variant.set(s.variant.subarray(i * vw, (i + 1) * vw), i * vw);
    layer.set(s.layer.subarray(i * lw, (i + 1) * lw), i * lw);
    hist.set(s.hist.subarray(i * hw, (i + 1) * hw), i * hw);
  });
  return { variant, layer, hist };
}

/** The per-step losses of all variants: variant v's column from sub-worker v, over the steps all have. */
export function mergeLossParts(answers: readonly LossesMsg[]): { steps: number; losses: Float64Array<ArrayBuffer> } {
  const n = answers.length;
  const steps = Math.min(...answers.map((a) => a.steps));
  const losses = new Float64Array(steps * n);
  for (let s = 0; s < steps; s++) for (let v = 0; v < n; v++) losses[s * n + v] = answers[v].losses[s * n + v];
  return { steps, losses };
}
