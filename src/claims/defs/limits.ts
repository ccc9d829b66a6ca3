import { finalAcc, stepsTo } from '../metrics.ts';
import { checkpointAt, layerAt, variantAt, type VariantRecord } from '../record.ts';
import { everySeed } from '../stats.ts';
import type { Claim, NumberSpec, RunSpec } from '../types.ts';
import { perSeed } from './common.ts';

const BATCHES = [1, 2, 4] as const;
const tinyRun = (placement: RunSpec['placement'], batchSize: number): RunSpec => ({
  preset: 'tiny-batch-ln',
  config: { batchSize },
  placement,
  steps: 2000,
  checkpointEvery: 2000,
});
type TinyKey = `${'plain' | 'bn' | 'ln'}${1 | 2 | 4}`;
const tinyRuns = Object.fromEntries(
  BATCHES.flatMap((b) => [
    [`plain${b}`, tinyRun('none', b)],
    [`bn${b}`, tinyRun('before', b)],
    [`ln${b}`, tinyRun('ln-before', b)],
  ]),
) as Record<TinyKey, RunSpec>;
const WHO = { plain: 'plain', bn: 'BN', ln: 'layer norm' } as const;

/** Batches of 1 to 4: BN's statistics fail, layer norm's do not. */
export const tinyBatchLn: Claim<TinyKey> = {
  id: 'tiny-batch-ln',
  title: 'At batches of 2, BN fails and layer norm does not',
  what: 'tiny-batch-ln: ReLU, He init, SGD with momentum 0.9 at lr 0.01, plain, BN and layer norm before the ReLU, batches of 1, 2 and 4, 2,000 steps; BN evaluated with running averages',
  runs: tinyRuns,
  numbers: Object.fromEntries(
    BATCHES.flatMap((b) =>
      (['plain', 'bn', 'ln'] as const).map((k) => [
        `${k}${b}`,
        { label: `${WHO[k]}: test accuracy at step 2,000, batch ${b}`, unit: 'accuracy' } as NumberSpec,
      ]),
    ),
  ),
  measure: (runs) => Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, perSeed(r as readonly VariantRecord[], finalAcc)])),
  condition: 'at batches of 2, on every seed BN ends below plain and layer norm above both',
  holds: (v) => v.bn2.every((b, i) => b !== null && b < v.plain2[i]! && v.ln2[i]! > v.plain2[i]!),
  statement:
    'Trained on batches of 2, BN ends at {bn2:range} while plain reaches {plain2:range} and layer norm, which needs no batch, {ln2:range}. At a batch of 1 BN cannot learn ({bn1:range}; plain {plain1:range}, layer norm {ln1:range}); at 4 it nearly catches up ({bn4:range}; plain {plain4:range}, layer norm {ln4:range}).',
  otherwise:
    'Trained on batches of 2, BN ends at {bn2:range}, plain at {plain2:range} and layer norm at {ln2:range} (batch 1: {bn1}, {plain1}, {ln1}; batch 4: {bn4}, {plain4}, {ln4}).',
};

const tinyBatch = (placement: RunSpec['placement']): RunSpec => ({
  preset: 'tiny-batch',
  config: {},
  placement,
  steps: 1000,
  checkpointEvery: 1000,
  finalEvals: [{ mode: 'running', batchSize: 500 }],
});

/** Batches of 4: evaluated with its own test batches' statistics, BN loses points that running averages keep. */
export const tinyBatchInference: Claim<'bn' | 'plain'> = {
  id: 'tiny-batch',
  fast: true,
  title: 'Batches of 4: batch statistics at test time cost BN accuracy',
  what: 'tiny-batch: the bn-paper network on batches of 4 at lr 0.05, 1,000 steps; BN evaluated on test batches of 4 with their own statistics, and with running averages',
  runs: { bn: tinyBatch('before'), plain: tinyBatch('none') },
  numbers: {
    bnBatch4: { label: 'BN: test accuracy with test batches of 4 and their statistics', unit: 'accuracy' },
    bnRunning: { label: 'BN: test accuracy with running averages', unit: 'accuracy' },
    plainFinal: { label: 'plain: test accuracy at step 1,000', unit: 'accuracy' },
  },
  measure: ({ bn, plain }) => ({ bnBatch4: perSeed(bn, finalAcc), bnRunning: perSeed(bn, (r) => r.finalAcc[0]), plainFinal: perSeed(plain, finalAcc) }),
  condition: 'on every seed BN scores higher with running averages than with test batches of 4',
  holds: (v) => v.bnRunning.every((r, i) => r !== null && v.bnBatch4[i] !== null && r > v.bnBatch4[i]!),
  statement:
    'Trained on batches of 4, BN scores {bnBatch4:range} when each test batch of 4 is normalized by its own statistics, and {bnRunning:range} with running averages. Plain, at this small rate, has reached {plainFinal:range}.',
  otherwise:
    'Trained on batches of 4, BN scores {bnBatch4:range} with test batches of 4 and {bnRunning:range} with running averages; plain {plainFinal:range}.',
};

const inferRun: RunSpec = { preset: 'bn-paper', config: { inferEvery: 25 }, placement: 'before', steps: 1000, checkpointEvery: 25 };
const acc = (r: VariantRecord, step: number, key: Parameters<typeof variantAt>[1]) => variantAt(checkpointAt(r, step), key);

/** What BN predicts at inference under each choice of statistics. */
export const inferenceBatch: Claim<'bn'> = {
  id: 'inference-batch',
  title: 'Batch statistics at test time: a batch of 1 predicts one class',
  what: 'bn-paper (lr 0.5), BN before the sigmoid, 1,000 steps; at step 1,000 test accuracy on 480 fixed test digits with batch statistics at test batches of 1, 2, 8 and 60, running averages (momentum 0.1) and population statistics (ε 1e-5)',
  runs: { bn: inferRun },
  numbers: {
    batch1: { label: 'test batches of 1', unit: 'accuracy' },
    classesAtOne: { label: 'distinct classes predicted with test batches of 1', unit: 'value' },
    batch2: { label: 'test batches of 2', unit: 'accuracy' },
    batch8: { label: 'test batches of 8', unit: 'accuracy' },
    batch60: { label: 'test batches of 60', unit: 'accuracy' },
    running: { label: 'running averages', unit: 'accuracy' },
    population: { label: 'population statistics', unit: 'accuracy' },
  },
  measure: ({ bn }) => ({
    batch1: perSeed(bn, (r) => acc(r, 1000, 'accBatch1')),
    classesAtOne: perSeed(bn, (r) => acc(r, 1000, 'inferClassesAtOne')),
    batch2: perSeed(bn, (r) => acc(r, 1000, 'accBatch2')),
    batch8: perSeed(bn, (r) => acc(r, 1000, 'accBatch8')),
    batch60: perSeed(bn, (r) => acc(r, 1000, 'accBatch60')),
    running: perSeed(bn, (r) => acc(r, 1000, 'accRunning')),
    population: perSeed(bn, (r) => acc(r, 1000, 'accPopulation')),
  }),
  condition: 'on every seed a test batch of 1 predicts a single class, and batches of 2 score below batches of 60',
  holds: (v) => everySeed(v.classesAtOne, (c) => c === 1) && v.batch2.every((b, i) => b !== null && b < v.batch60[i]!),
  statement:
    'With batch statistics, a test batch of 1 is normalized to β whatever the digit, so the network predicts one class for everything ({batch1:range}). Two digits per batch score {batch2:range}, 8 score {batch8:range} and 60 score {batch60:range}. Fixed statistics do not depend on the batch: running averages {running:range}, population statistics {population:range}.',
  otherwise:
    'With batch statistics, test batches of 1, 2, 8 and 60 score {batch1}, {batch2}, {batch8} and {batch60}; running averages {running}, population statistics {population}.',
};

/** Running-average momentum: Keras's 0.99 lags the batches for the first steps; PyTorch's 0.1 does not. */
export const inferenceMomentum: Claim<'bn'> = {
  id: 'inference-momentum',
  title: 'Keras’s momentum 0.99 lags early in training',
  what: 'bn-paper (lr 0.5), BN before the sigmoid; test accuracy on 480 fixed test digits with running averages of momentum 0.1 (PyTorch’s convention) and 0.01 (Keras’s 0.99), every 25 steps',
  runs: { bn: inferRun },
  numbers: {
    kerasAt50: { label: 'Keras 0.99: test accuracy at step 50', unit: 'accuracy' },
    kerasAt100: { label: 'Keras 0.99: test accuracy at step 100', unit: 'accuracy' },
    kerasAt150: { label: 'Keras 0.99: test accuracy at step 150', unit: 'accuracy' },
    kerasAt300: { label: 'Keras 0.99: test accuracy at step 300', unit: 'accuracy' },
    torchAt50: { label: 'PyTorch 0.1: test accuracy at step 50', unit: 'accuracy' },
    torchAt150: { label: 'PyTorch 0.1: test accuracy at step 150', unit: 'accuracy' },
    lagAt50: { label: 'PyTorch 0.1 − Keras 0.99 at step 50', unit: 'points' },
  },
  measure: ({ bn }) => ({
    kerasAt50: perSeed(bn, (r) => acc(r, 50, 'accRunningKeras')),
    kerasAt100: perSeed(bn, (r) => acc(r, 100, 'accRunningKeras')),
    kerasAt150: perSeed(bn, (r) => acc(r, 150, 'accRunningKeras')),
    kerasAt300: perSeed(bn, (r) => acc(r, 300, 'accRunningKeras')),
    torchAt50: perSeed(bn, (r) => acc(r, 50, 'accRunning')),
    torchAt150: perSeed(bn, (r) => acc(r, 150, 'accRunning')),
    lagAt50: perSeed(bn, (r) => acc(r, 50, 'accRunning') - acc(r, 50, 'accRunningKeras')),
  }),
  condition: 'on every seed Keras’s running averages score at least 30 points below PyTorch’s at step 50',
  holds: (v) => everySeed(v.lagAt50, (d) => d >= 0.3),
  statement:
    'Running averages with Keras’s momentum 0.99 start at mean 0 and variance 1 and follow the batches slowly: {kerasAt50:range} at step 50, {kerasAt100:range} at step 100 and {kerasAt150:range} at step 150, against {torchAt50:range} and {torchAt150:range} with PyTorch’s 0.1. By step 300 they score {kerasAt300:range}.',
  otherwise:
    'With Keras’s momentum 0.99 the running averages score {kerasAt50:range} at step 50 and {kerasAt150:range} at step 150, against {torchAt50:range} and {torchAt150:range} with PyTorch’s 0.1.',
};

const reluRun = (placement: RunSpec['placement']): RunSpec => ({
  preset: 'relu-before-vs-after',
  config: { evalEvery: 25 },
  placement,
  steps: 1000,
  checkpointEvery: 1000,
});

/** ReLU with a modern recipe: every placement trains; BN before or after, both ahead of plain. */
export const reluPlacement: Claim<'plain' | 'before' | 'after'> = {
  id: 'relu-placement',
  title: 'With ReLU, BN before and after both train fast',
  what: 'relu-before-vs-after: ReLU, He init, SGD with momentum 0.9 at lr 0.05, batch 60, plain, BN before and BN after the ReLU, 1,000 steps, test accuracy every 25 steps',
  runs: { plain: reluRun('none'), before: reluRun('before'), after: reluRun('after') },
  numbers: {
    plainTo90: { label: 'plain: first step at 90%', unit: 'step' },
    beforeTo90: { label: 'BN before: first step at 90%', unit: 'step' },
    afterTo90: { label: 'BN after: first step at 90%', unit: 'step' },
    plainFinal: { label: 'plain: test accuracy at step 1,000', unit: 'accuracy' },
    beforeFinal: { label: 'BN before: test accuracy at step 1,000', unit: 'accuracy' },
    afterFinal: { label: 'BN after: test accuracy at step 1,000', unit: 'accuracy' },
  },
  measure: ({ plain, before, after }) => ({
    plainTo90: perSeed(plain, (r) => stepsTo(r, 0.9)),
    beforeTo90: perSeed(before, (r) => stepsTo(r, 0.9)),
    afterTo90: perSeed(after, (r) => stepsTo(r, 0.9)),
    plainFinal: perSeed(plain, finalAcc),
    beforeFinal: perSeed(before, finalAcc),
    afterFinal: perSeed(after, finalAcc),
  }),
  condition: 'on every seed all three reach 90% within 1,000 steps',
  holds: (v) => [v.plainTo90, v.beforeTo90, v.afterTo90].every((s) => everySeed(s, () => true)),
  statement:
    'With ReLU and momentum all three train: 90% at step {beforeTo90:range} with BN before, {afterTo90:range} with BN after and {plainTo90:range} without; at step 1,000, {beforeFinal}, {afterFinal} and {plainFinal}.',
  otherwise: 'With ReLU and momentum, 90% comes at step {beforeTo90:range} with BN before, {afterTo90:range} with BN after and {plainTo90:range} without.',
};

const scalesRun = (placement: RunSpec['placement'], standardize: boolean): RunSpec => ({
  preset: 'scales',
  config: { standardize },
  placement,
  steps: 3000,
  checkpointEvery: 1000,
});

/** Inputs on scales a thousand apart: BN inside the network is no substitute for standardizing them. */
export const scalesClaim: Claim<'plainRaw' | 'bnRaw' | 'plainStd' | 'bnStd'> = {
  id: 'scales',
  fast: true,
  title: 'BN does not replace standardizing the inputs',
  what: 'scales: two features in [0, 1] and two in [0, 1000], 4 classes (chance 25%), 2 sigmoid layers of 32, LeCun init, SGD with momentum 0.9 at lr 0.1, batch 32, 3,000 steps, raw and standardized; saturated: |sigmoid input| > 4',
  runs: { plainRaw: scalesRun('none', false), bnRaw: scalesRun('before', false), plainStd: scalesRun('none', true), bnStd: scalesRun('before', true) },
  numbers: {
    plainRaw: { label: 'plain, raw inputs: test accuracy at step 3,000', unit: 'accuracy' },
    bnRaw: { label: 'BN, raw inputs: test accuracy at step 3,000', unit: 'accuracy' },
    plainStd: { label: 'plain, standardized: test accuracy at step 3,000', unit: 'accuracy' },
    bnStd: { label: 'BN, standardized: test accuracy at step 3,000', unit: 'accuracy' },
    plainSaturated0: { label: 'plain, raw inputs: saturated share of layer 1 at step 0', unit: 'share' },
  },
  measure: ({ plainRaw, bnRaw, plainStd, bnStd }) => ({
    plainRaw: perSeed(plainRaw, finalAcc),
    bnRaw: perSeed(bnRaw, finalAcc),
    plainStd: perSeed(plainStd, finalAcc),
    bnStd: perSeed(bnStd, finalAcc),
    plainSaturated0: perSeed(plainRaw, (r) => layerAt(r, checkpointAt(r, 0), 0, 'saturated')),
  }),
  condition: 'on every seed both networks reach 90% on standardized inputs, and on raw inputs plain stays below 50%',
  holds: (v) => everySeed(v.plainStd, (a) => a >= 0.9) && everySeed(v.bnStd, (a) => a >= 0.9) && everySeed(v.plainRaw, (a) => a < 0.5),
  statement:
    'With raw inputs up to 1,000, plain’s first layer is {plainSaturated0:range} saturated from step 0 and it ends at {plainRaw:range} (chance is 25%); BN, which normalizes that layer’s output, reaches {bnRaw:range}. Standardize the inputs and plain reaches {plainStd:range}, BN {bnStd:range}.',
  otherwise: 'With raw inputs plain ends at {plainRaw:range} and BN at {bnRaw:range}; standardized, {plainStd:range} and {bnStd:range}.',
};
