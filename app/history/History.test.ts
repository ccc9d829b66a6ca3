import { describe, expect, it } from 'vitest';
import { LAYER_STATS, VARIANT_STATS, VS } from '../../src/experiment/snapshot.ts';
import type { RunShape } from '../../src/worker/protocol.ts';
import { History } from './History.ts';

const shape: RunShape = { variantNames: ['plain', 'bn-before'], placements: ['none', 'before'], sizes: [4, 8, 3], nLayers: 1, bins: { lo: -1, hi: 1, count: 4 }, zBins: { lo: -2, hi: 2, count: 8 }, probeRows: 3 };

function snapshot(step: number, acc = 0.5) {
  const variant = new Float64Array(2 * VARIANT_STATS.length).fill(step);
  // Only the first variant ever reaches `acc`; the second stays at 50%.
  variant[VS.testAcc] = acc;
  variant[VARIANT_STATS.length + VS.testAcc] = 0.5;
  variant[VS.evalStep] = step;
  return { step, variant, layer: new Float32Array(2 * LAYER_STATS.length).fill(step), hist: new Float32Array(2 * 4).fill(step), zHist: new Float32Array(2 * 8).fill(step), unitZ: new Float32Array(2 * 3) };
}

describe('History', () => {
  it('keeps rows in order, drops stale and other-run snapshots, and remembers step 0 and the 90% step', () => {
    const h = new History(8);
    h.reset(3, shape);
    expect(h.add(3, snapshot(0))).toBe(true);
    h.add(3, snapshot(10));
    expect(h.add(2, snapshot(20))).toBe(false);
    expect(h.add(3, snapshot(5))).toBe(false);
    h.add(3, snapshot(30, 0.91));
    h.add(3, snapshot(40, 0.95));
    expect(Array.from(h.steps.subarray(0, h.count))).toEqual([0, 10, 30, 40]);
    expect(h.first?.step).toBe(0);
    expect(h.reachedTarget).toEqual([30, -1]);
    expect(h.variantAt(2, 1, 'trainLoss')).toBe(30);
  });

  it('halves its resolution when full, keeping memory fixed and the whole run in view', () => {
    const h = new History(8);
    h.reset(1, shape);
    for (let s = 0; s < 100; s++) h.add(1, snapshot(s));
    expect(h.count).toBeLessThanOrEqual(8);
    expect(h.steps[0]).toBe(0);
    expect(h.steps[h.count - 1]).toBeGreaterThanOrEqual(80);
    const steps = Array.from(h.steps.subarray(0, h.count));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(h.latest?.step).toBe(99);
    expect(h.layer.length).toBe(8 * 2 * LAYER_STATS.length);
  });

  it('tells listeners of each change', () => {
    const h = new History(8);
    let calls = 0;
    const off = h.subscribe(() => calls++);
    h.reset(1, shape);
    h.add(1, snapshot(0));
    off();
    h.add(1, snapshot(1));
    expect(calls).toBe(2);
  });
});
