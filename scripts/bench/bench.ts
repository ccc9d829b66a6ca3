// npm run bench [-- --json]: the engine against TensorFlow.js (cpu and wasm backends) on the same work.
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { join } from 'node:path';
import { DEFAULT_CONFIG, type Config } from '../../src/config/config.ts';
import { readMnistFile } from '../../src/cli/dataFiles.ts';
import { BatchStream } from '../../src/data/batchStream.ts';
import { mnistSplit } from '../../src/data/mnist.ts';
import { Model } from '../../src/engine/model.ts';
import { Rng } from '../../src/engine/rng.ts';
import { Sgd } from '../../src/engine/sgd.ts';
import type { Placement } from '../../src/engine/spec.ts';
import { trainStep } from '../../src/engine/train.ts';
import { useWasmKernels, wasmKernelsAvailable } from '../../src/engine/wasm/kernels.ts';
import { Experiment } from '../../src/experiment/experiment.ts';
import { findPreset } from '../../src/experiment/presets.ts';
import { variantSpec } from '../../src/experiment/variant.ts';
import { TfMlp } from './tfModel.ts';

const json = process.argv.includes('--json');
const root = process.env.SHIFT_LAB_ROOT ?? process.cwd();
setWasmPaths(join(root, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + '/');
const log = (line: string) => {
  if (!json) console.log(line);
};

const preset = findPreset('bn-paper');
if (!preset) throw new Error('bn-paper preset missing');
const paperConfig: Config = { ...DEFAULT_CONFIG, ...preset.config };
const split = mnistSplit(readMnistFile(join(root, 'public', 'data', 'mnist.bin.gz')));
const POOL = 16;
const REPEATS = 5;

interface Workload {
  name: string;
  batchSize: number;
  placement: Placement;
}
const workloads: Workload[] = [
  { name: 'bn-paper plain', batchSize: 60, placement: 'none' },
  { name: 'bn-paper bn', batchSize: 60, placement: 'before' },
  { name: 'bn-paper ln', batchSize: 60, placement: 'ln-before' },
  { name: 'bn-paper l1', batchSize: 60, placement: 'l1-before' },
  { name: 'bn-paper linf', batchSize: 60, placement: 'linf-before' },
  { name: 'batch-256 plain', batchSize: 256, placement: 'none' },
  { name: 'batch-256 bn', batchSize: 256, placement: 'before' },
];

/** A pool of real MNIST batches, the same for every implementation. */
function batchPool(batchSize: number) {
  const stream = new BatchStream(split.train, batchSize, 99);
  return Array.from({ length: POOL }, () => {
    stream.next();
    return { x: stream.x.slice(), y: stream.y.slice() };
  });
}

function newModel(w: Workload): Model {
  return new Model(variantSpec({ ...paperConfig, batchSize: w.batchSize }, w.placement, split.train.nIn, 10), new Rng(paperConfig.seed));
}

/** Nominal FLOPs of one training step (dense layers only, zeros not skipped): forward, weight and input gradients. */
function flopsPerStep(model: Model, batchSize: number): number {
  const layers = model.denseLayers();
  const macs = layers.reduce((s, d) => s + d.nIn * d.nOut, 0);
  const inputGradMacs = macs - layers[0].nIn * layers[0].nOut;
  return 2 * batchSize * (2 * macs + inputGradMacs);
}

/** Median steps/s over REPEATS timed runs, each sized to last about `seconds`. */
function measure(step: (i: number) => void, seconds = 0.6): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 300) step(n++);
  const perStep = (performance.now() - t0) / n;
  const steps = Math.max(3, Math.round((seconds * 1000) / perStep));
  const rates: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    const t = performance.now();
    for (let i = 0; i < steps; i++) step(n++);
    rates.push(steps / ((performance.now() - t) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(REPEATS / 2)];
}

function engineRate(w: Workload): number {
  const model = newModel(w);
  const ws = model.workspace(w.batchSize);
  const opt = new Sgd(model.params(), 0);
  const pool = batchPool(w.batchSize);
  return measure((i) => {
    const b = pool[i % POOL];
    trainStep(model, ws, opt, b.x, b.y, paperConfig.lr);
  });
}

function tfTensors(w: Workload) {
  return batchPool(w.batchSize).map((b) => ({
    x: tf.tensor2d(b.x, [w.batchSize, split.train.nIn]),
    y: tf.cast(tf.oneHot(tf.tensor1d(b.y, 'int32'), 10), 'float32') as tf.Tensor2D,
  }));
}

/** Same work first: equal weights and batches must give equal losses (1e-4) over 10 steps. */
function checkSameWork(w: Workload): number {
  const model = newModel(w);
  const tfModel = new TfMlp(model, paperConfig.lr);
  const ws = model.workspace(w.batchSize);
  const opt = new Sgd(model.params(), 0);
  const pool = batchPool(w.batchSize);
  const tensors = tfTensors(w);
  let worst = 0;
  for (let i = 0; i < 10; i++) {
    const ours = trainStep(model, ws, opt, pool[i].x, pool[i].y, paperConfig.lr);
    const theirs = tfModel.step(tensors[i].x, tensors[i].y);
    worst = Math.max(worst, Math.abs(ours - theirs) / Math.max(1, Math.abs(theirs)));
  }
  tfModel.dispose();
  tensors.forEach((t) => (t.x.dispose(), t.y.dispose()));
  if (!(worst <= 1e-4)) {
    throw new Error(`${w.name} on ${tf.getBackend()}: losses differ by ${worst.toExponential(2)} (> 1e-4); not the same work, refusing to report`);
  }
  return worst;
}

function tfRate(w: Workload): number {
  const model = newModel(w);
  const tfModel = new TfMlp(model, paperConfig.lr);
  const tensors = tfTensors(w);
  const rate = measure((i) => {
    const t = tensors[i % POOL];
    tfModel.step(t.x, t.y);
  });
  tfModel.dispose();
  tensors.forEach((t) => (t.x.dispose(), t.y.dispose()));
  return rate;
}

/** Snapshot cost: the time of one snapshot of the bn-paper pair against one paired step. */
function snapshotCost() {
  const exp = new Experiment({ ...paperConfig, evalEvery: 1_000_000 }, split);
  const snap = exp.createSnapshot();
  exp.run(50);
  const stepRate = measure(() => exp.runStep(), 1);
  const snapRate = measure(() => exp.snapshot(snap), 0.5);
  const fractionOfStep = stepRate / snapRate;
  return { pairedStepsPerSecond: stepRate, snapshotMs: 1000 / snapRate, fractionOfStep, fractionAt20PerSecond: 20 / snapRate };
}

const results: Record<string, Record<string, number>> = {};
const checks: Record<string, Record<string, number>> = {};
for (const w of workloads) {
  const flops = flopsPerStep(newModel(w), w.batchSize);
  const rate = engineRate(w);
  results[w.name] = { engine: rate };
  log(`engine     ${w.name.padEnd(16)} ${rate.toFixed(1).padStart(7)} steps/s  ${((rate * flops) / 1e9).toFixed(2)} GFLOP/s`);
}
// The same engine with its WebAssembly kernels off: the JavaScript kernels it falls back to without SIMD.
if (!wasmKernelsAvailable()) throw new Error('the WebAssembly kernels did not load: the engine rows above used JavaScript');
useWasmKernels(false);
for (const w of workloads) {
  const flops = flopsPerStep(newModel(w), w.batchSize);
  const rate = engineRate(w);
  results[w.name]['engine-js'] = rate;
  log(`engine-js  ${w.name.padEnd(16)} ${rate.toFixed(1).padStart(7)} steps/s  ${((rate * flops) / 1e9).toFixed(2)} GFLOP/s  (JavaScript kernels)`);
}
useWasmKernels(true);
for (const backend of ['cpu', 'wasm']) {
  if (!(await tf.setBackend(backend)) || tf.getBackend() !== backend) throw new Error(`TensorFlow.js backend ${backend} did not start`);
  await tf.ready();
  if (backend === 'wasm') log(`tfjs-wasm  SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}, threads ${tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT')}`);
  for (const w of workloads) {
    const worst = checkSameWork(w);
    (checks[w.name] ??= {})[backend] = worst;
    const flops = flopsPerStep(newModel(w), w.batchSize);
    const rate = tfRate(w);
    results[w.name][`tfjs-${backend}`] = rate;
    log(
      `tfjs-${backend.padEnd(5)} ${w.name.padEnd(16)} ${rate.toFixed(1).padStart(7)} steps/s  ${((rate * flops) / 1e9).toFixed(2)} GFLOP/s  (same work: max loss diff ${worst.toExponential(1)})`,
    );
  }
}
const ratios: Record<string, number> = {};
log('');
for (const backend of ['engine-js', 'tfjs-cpu', 'tfjs-wasm']) {
  for (const w of workloads) {
    const r = results[w.name].engine / results[w.name][backend];
    ratios[`engine/${backend} ${w.name}`] = r;
    log(`ratio engine/${backend} ${w.name}: ${r.toFixed(1)}`);
  }
}
const snap = snapshotCost();
log('');
log(
  `snapshot (bn-paper pair, ${snap.snapshotMs.toFixed(2)} ms): ${(snap.fractionOfStep * 100).toFixed(1)}% of a paired step; ${(snap.fractionAt20PerSecond * 100).toFixed(1)}% of training time at 20 snapshots/s`,
);
if (json) console.log(JSON.stringify({ steps_per_second: results, ratios, sameWorkMaxLossDiff: checks, snapshot: snap }));
