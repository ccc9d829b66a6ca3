import { describe, expect, it } from 'vitest';
import { binsFor, zBinsFor } from '../../src/experiment/index.ts';
import { foldIntoWindow } from './histWindow.ts';

describe('foldIntoWindow', () => {
  it('keeps aligned bins as they are and folds what lies beyond the window into its edge bins', () => {
    const to = binsFor('sigmoid');
    const from = zBinsFor('sigmoid');
    const values = new Float32Array(from.count + 2);
    const binOf = (x: number) => 2 + Math.floor(((x - from.lo) / (from.hi - from.lo)) * from.count);
    values[binOf(0.1)] = 0.5;
    values[binOf(-15)] = 0.2;
    values[binOf(19.9)] = 0.3;
    const out = new Float32Array(to.count);
    const beyond = foldIntoWindow(values, 2, from, to, out);
    expect(beyond).toBeCloseTo(0.5, 6);
    expect(out[Math.floor(((0.1 - to.lo) / (to.hi - to.lo)) * to.count)]).toBeCloseTo(0.5, 6);
    expect(out[0]).toBeCloseTo(0.2, 6);
    expect(out[to.count - 1]).toBeCloseTo(0.3, 6);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
