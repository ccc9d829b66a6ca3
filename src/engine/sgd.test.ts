import { describe, expect, it } from 'vitest';
import { Sgd } from './sgd.ts';

describe('SGD', () => {
  it('follows PyTorch momentum: v ← μ·v + g, p ← p − lr·v', () => {
    const value = Float64Array.from([1, -2]);
    const grad = Float64Array.from([0.5, 1]);
    const opt = new Sgd([{ name: 'p', value, grad }], 0.9);
    opt.step(0.1);
    expect(Array.from(value)).toEqual([1 - 0.05, -2 - 0.1]);
    opt.step(0.2); // v = 0.9·0.5 + 0.5 = 0.95, 0.9·1 + 1 = 1.9
    expect(value[0]).toBeCloseTo(0.95 - 0.2 * 0.95, 12);
    expect(value[1]).toBeCloseTo(-2.1 - 0.2 * 1.9, 12);
  });

  it('is plain gradient descent without momentum and forgets velocity on reset', () => {
    const value = Float64Array.from([3]);
    const grad = Float64Array.from([2]);
    const opt = new Sgd([{ name: 'p', value, grad }], 0);
    opt.step(0.5);
    expect(value[0]).toBe(2);
    opt.momentum = 0.5;
    opt.step(0.5); // v = 0·0.5 + 2
    opt.reset();
    opt.step(0.5); // v = 0 + 2 again
    expect(value[0]).toBe(0);
  });
});
