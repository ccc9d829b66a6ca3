import { runLayout } from '../experiment/snapshotReader.ts';
import type { FromWorker, RunShape } from './protocol.ts';

type SnapshotMsg = Extract<FromWorker, { type: 'snapshot' }>;
type LossesMsg = Extract<FromWorker, { type: 'losses' }>;

/** The packed arrays of a snapshot message, as src/experiment/snapshot.ts lays them out. */
type Packed = Pick<SnapshotMsg, 'variant' | 'layer' | 'hist' | 'zHist' | 'unitZ'>;

/**
 * One worker per variant: sub-worker i trains only variant i, so each packed array of the merged
 * snapshot takes variant i's block from sub-snapshot i.
 */
export function mergeSnapshotParts(shape: RunShape, subs: readonly SnapshotMsg[]): Packed {
  const n = subs.length;
  const take = <T extends Float32Array | Float64Array>(make: (length: number) => T, pick: (s: SnapshotMsg) => T, width: number): T => {
    const out = make(n * width);
    subs.forEach((s, i) => out.set(pick(s).subarray(i * width, (i + 1) * width), i * width));
    return out;
  };
  const f32 = (length: number) => new Float32Array(length);
  const block = runLayout(shape).perVariant;
  return {
    variant: take(
      (length) => new Float64Array(length),
      (s) => s.variant,
      block.variant,
    ),
    layer: take(f32, (s) => s.layer, block.layer),
    hist: take(f32, (s) => s.hist, block.hist),
    zHist: take(f32, (s) => s.zHist, block.zHist),
    unitZ: take(f32, (s) => s.unitZ, block.unitZ),
  };
}

/** The per-step losses of all variants: variant v's column from sub-worker v, over the steps all have. */
export function mergeLossParts(answers: readonly LossesMsg[]): { steps: number; losses: Float64Array<ArrayBuffer> } {
  const n = answers.length;
  const steps = Math.min(...answers.map((a) => a.steps));
  const losses = new Float64Array(steps * n);
  for (let s = 0; s < steps; s++) for (let v = 0; v < n; v++) losses[s * n + v] = answers[v].losses[s * n + v];
  return { steps, losses };
}
