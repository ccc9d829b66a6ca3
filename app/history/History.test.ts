import { describe, expect, it } from 'vitest';
import { packSnapshot, runLayout } from '../../src/experiment/index.ts';
import { History } from './History.ts';
import { TEST_SHAPE } from './testShape.ts';

const shape = TEST_SHAPE;

/** A snapshot at `step` whose numbers are the step, but for the step each variant reached 90% (targetStep). */
function snapshot(step: number, targetStep = [-1, -1]) {
  const fill = () => step;
  return {
    step,
    ...packSnapshot(runLayout(shape), {
      variant: (v, key) => (key === 'targetStep' ? targetStep[v] : step),
      layer: fill,
      hist: fill,
      zHist: fill,
      unitZ: fill,
    }),
  };
}

describe('History', () => {
  it('keeps rows in order, drops stale and other-run snapshots, and remembers step 0 and the 90% step', () => {
    const h = new History(8);
    h.reset(3, shape);
    expect(h.add(3, snapshot(0))).toBe(true);
    h.add(3, snapshot(10));
    expect(h.add(2, snapshot(20))).toBe(false);
    expect(h.add(3, snapshot(5))).toBe(false);
    h.add(3, snapshot(30, [30, -1]));
    h.add(3, snapshot(40, [30, -1]));
    expect(Array.from(h.steps.subarray(0, h.count))).toEqual([0, 10, 30, 40]);
    expect(h.first?.step).toBe(0);
    expect(h.reachedTarget).toEqual([30, -1]);
    expect(h.variantAt(2, 1, 'trainLoss')).toBe(30);
  });

  it('takes the 90% step from the worker, which saw every evaluation, not from the snapshots it happened to send', () => {
    const h = new History(8);
    h.reset(1, shape);
    h.add(1, snapshot(0));
    // The evaluation at step 35 crossed 90%; the next snapshot came at step 40, after a lower one.
    h.add(1, { ...snapshot(40, [35, -1]) });
    expect(h.reachedTarget).toEqual([35, -1]);
    expect(h.variantAt(-1, 0, 'targetStep')).toBe(35);
  });

  it('drops a snapshot whose arrays do not fit the run’s shape, keeping what it had', () => {
    const h = new History(8);
    h.reset(1, shape);
    h.add(1, snapshot(0));
    const wrong = { ...snapshot(10), layer: new Float32Array(3) };
    expect(h.add(1, wrong)).toBe(false);
    expect(h.latest?.step).toBe(0);
    expect(h.count).toBe(1);
  });

  it('reads NaN at a row or for a variant it does not hold, and the latest snapshot at row −1', () => {
    const h = new History(8);
    expect(h.variantAt(-1, 0, 'trainLoss')).toBeNaN();
    h.reset(1, shape);
    h.add(1, snapshot(0));
    h.add(1, snapshot(10));
    expect(h.layerAt(-1, 1, 0, 'p15')).toBe(10);
    expect(h.layerAt(0, 1, 0, 'p15')).toBe(0);
    expect(h.variantAt(0, 2, 'trainLoss')).toBeNaN();
    expect(h.layerAt(0, 0, 1, 'p15')).toBeNaN();
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
    expect(h.rows?.layer.length).toBe(8 * runLayout(shape).layerLength);
    expect(h.layerAt(h.count - 1, 1, 0, 'p50')).toBe(h.steps[h.count - 1]);
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
