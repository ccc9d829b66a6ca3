import type { Config } from '../config/config.ts';
import type { Split } from '../data/dataset.ts';
import type { InferenceMode } from '../engine/model.ts';
import type { Placement } from '../engine/spec.ts';
import { evaluate } from '../engine/train.ts';
import { Experiment } from '../experiment/experiment.ts';
import { LAYER_STATS, VARIANT_STATS, type LayerStat, type VariantStat } from '../experiment/snapshot.ts';

/** How one variant of a config is run and what is recorded along the way. */
export interface RunPlan {
  /** The whole config; `variants` is ignored (the plan's placement is what trains). */
  readonly config: Config;
  readonly placement: Placement;
  /** Paired steps to train (fewer if the variant diverges). */
  readonly steps: number;
  /** Steps between snapshots of the layer and probe statistics (and the first, at step 0). */
  readonly checkpointEvery: number;
  /** Extra evaluations of the test set at the last step, e.g. batch statistics at a test batch of 4. */
  readonly finalEvals?: readonly { readonly mode: InferenceMode; readonly batchSize: number }[];
  /** Training rows (the first ones) whose accuracy is measured at the last step, for the train − test gap; 0 for none. */
  readonly trainRows?: number;
}

/** One snapshot of the variant: its own block of variant and layer statistics. */
export interface Checkpoint {
  readonly step: number;
  readonly variant: Float64Array;
  readonly layer: Float32Array;
}

/** What a run recorded. Evaluations come every config.evalEvery steps from step 0. */
export interface VariantRecord {
  readonly placement: Placement;
  readonly nLayers: number;
  /** Step at which the variant diverged, −1 if it did not. */
  readonly divergedAt: number;
  readonly evalSteps: readonly number[];
  readonly testAcc: readonly number[];
  readonly testLoss: readonly number[];
  readonly checkpoints: readonly Checkpoint[];
  /** Accuracies of plan.finalEvals, in order (NaN after divergence). */
  readonly finalAcc: readonly number[];
  /** Accuracy on plan.trainRows training rows at the last step (NaN when not asked or diverged). */
  readonly trainAcc: number;
}

/** A layer statistic of a checkpoint (layer 0-based). */
export function layerAt(r: VariantRecord, c: Checkpoint, layer: number, key: LayerStat): number {
  if (layer < 0 || layer >= r.nLayers) throw new Error(`layer ${layer} is not in 0..${r.nLayers - 1}`);
  return c.layer[layer * LAYER_STATS.length + LAYER_STATS.indexOf(key)];
}

/** A variant statistic of a checkpoint. */
export function variantAt(c: Checkpoint, key: VariantStat): number {
  return c.variant[VARIANT_STATS.indexOf(key)];
}

/** The checkpoint taken at this step (throws if none was: a claim asked for a step its plan does not record). */
export function checkpointAt(r: VariantRecord, step: number): Checkpoint {
  const c = r.checkpoints.find((k) => k.step === step);
  if (c === undefined) throw new Error(`no checkpoint at step ${step} (have ${r.checkpoints.map((k) => k.step).join(', ')})`);
  return c;
}

/**
 * Trains one variant of a config on its own (the other arm's weights stay at step 0; the batches are the
 * shared stream's, so the run equals this variant's arm of any paired run of the same config and seed),
 * recording every evaluation and a snapshot every checkpointEvery steps.
 */
export function recordVariant(plan: RunPlan, split: Split): VariantRecord {
  const other: Placement = plan.placement === 'none' ? 'before' : 'none';
  const exp = new Experiment({ ...plan.config, variants: [plan.placement, other] }, split, 0);
  const snap = exp.createSnapshot();
  const nLayers = plan.config.depth;
  const vBlock = VARIANT_STATS.length;
  const lBlock = nLayers * LAYER_STATS.length;
  const evalSteps: number[] = [];
  const testAcc: number[] = [];
  const testLoss: number[] = [];
  const checkpoints: Checkpoint[] = [];
  const variant = exp.variants[0];
  const takeEval = () => {
    const e = exp.evals[0];
    if (e.evalStep !== exp.step || evalSteps.at(-1) === exp.step) return;
    evalSteps.push(e.evalStep);
    testAcc.push(e.testAcc);
    testLoss.push(e.testLoss);
  };
  const takeCheckpoint = () => {
    exp.snapshot(snap);
    checkpoints.push({ step: exp.step, variant: snap.variant.slice(0, vBlock), layer: snap.layer.slice(0, lBlock) });
  };
  takeEval();
  takeCheckpoint();
  while (exp.step < plan.steps && !variant.diverged) {
    exp.runStep();
    takeEval();
    if (exp.step % plan.checkpointEvery === 0) takeCheckpoint();
  }
  // A run whose length is not a multiple of the evaluation interval still ends with an evaluation.
  if (!variant.diverged && evalSteps.at(-1) !== exp.step) {
    exp.evaluate();
    takeEval();
  }
  const { train, test } = split;
  const finalAcc = (plan.finalEvals ?? []).map(({ mode, batchSize }) => {
    if (variant.diverged) return NaN;
    const ws = variant.model.createWorkspace(Math.min(batchSize, test.count), false);
    return evaluate(variant.model, ws, test.x, test.y, test.count, plan.placement === 'none' ? 'batch' : mode).accuracy;
  });
  const rows = Math.min(plan.trainRows ?? 0, train.count);
  let trainAcc = NaN;
  if (rows > 0 && !variant.diverged) {
    const ws = variant.model.createWorkspace(Math.min(plan.config.evalBatchSize, rows), false);
    trainAcc = evaluate(variant.model, ws, train.x, train.y, rows, plan.placement === 'none' ? 'batch' : plan.config.evalMode).accuracy;
  }
  return { placement: plan.placement, nLayers, divergedAt: variant.divergedAt, evalSteps, testAcc, testLoss, checkpoints, finalAcc, trainAcc };
}
