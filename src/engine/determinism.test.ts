import { describe, expect, it } from 'vitest';
import { makeBlobs } from '../data/synthetic.ts';
import { Model } from './model.ts';
import { Rng } from './rng.ts';
import { Sgd } from './sgd.ts';
import { modelSpec, PLACEMENTS } from './spec.ts';
import { trainStep } from './train.ts';

function run(placement: (typeof PLACEMENTS)[number], seed: number): Float64Array {
  const data = makeBlobs({ seed: 5, nIn: 8, nClasses: 4, trainCount: 256, testCount: 0, separation: 1.5 }).train;
  const model = new Model(modelSpec({ sizes: [8, 16, 16, 4], placement, init: { kind: 'lecun' } }), new Rng(seed));
  const batchSize = 16;
  const ws = model.workspace(batchSize);
  const opt = new Sgd(model.params(), 0.9);
  const losses = new Float64Array(100);
  for (let step = 0; step < 100; step++) {
    const start = (step * batchSize) % data.count;
    const x = data.x.subarray(start * 8, (start + batchSize) * 8);
    const y = data.y.subarray(start, start + batchSize);
    losses[step] = trainStep(model, ws, opt, x, y, 0.05);
  }
  return losses;
}

describe('determinism', () => {
  it.each(PLACEMENTS)('repeats 100 losses bit for bit from the same spec and seed (BN %s)', (placement) => {
    const a = run(placement, 12);
    const b = run(placement, 12);
    expect(a.every(Number.isFinite)).toBe(true);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    expect(Buffer.from(run(placement, 13).buffer).equals(Buffer.from(a.buffer))).toBe(false);
  });
});
