import { describe, expect, it } from 'vitest';
import { INFER_CASES, INFER_EPS, inferAccIndex, SnapshotLayout, VS, packSnapshot, SnapshotReader } from '../../src/experiment/index.ts';
import { CASE_TEXT, inferenceTable, largestEpsEffect } from './inferenceTable.ts';

/** A snapshot of n variants where variant v's accuracy for case c, ε e is v + c/10 + e/100. */
function packed(n: number, probed = true): SnapshotReader {
  const layout = new SnapshotLayout({ nVariants: n, nLayers: 1, bins: { lo: -1, hi: 1, count: 2 }, zBins: { lo: -1, hi: 1, count: 2 }, probeRows: 1 });
  const acc = (v: number, at: number) => {
    for (let c = 0; c < INFER_CASES.length; c++) for (let e = 0; e < INFER_EPS.length; e++) if (at === inferAccIndex(c, e)) return v + c / 10 + e / 100;
    return NaN;
  };
  const variant = (v: number, key: keyof typeof VS) =>
    !probed ? NaN : key === 'inferStep' ? 100 * (v + 1) : key === 'inferClassesAtOne' ? v + 1 : acc(v, VS[key]);
  return new SnapshotReader(layout, packSnapshot(layout, { variant }), 0);
}

describe('the inference table', () => {
  it('gives every BN variant a column per ε and the plain network one number', () => {
    const t = inferenceTable(packed(3), ['none', 'before', 'after']);
    expect(t.bnVariants).toEqual([1, 2]);
    expect(t.rows.map((r) => r.id)).toEqual(INFER_CASES.map((c) => c.id));
    expect(t.rows[3].acc).toEqual([1 + 0.3, 1 + 0.3 + 0.01, 2 + 0.3, 2 + 0.3 + 0.01]);
    expect(t.plain).toEqual({ v: 0, acc: 0 });
    expect(t.classesAtOne).toEqual([2, 3]);
    expect(t.step).toBe(300);
  });

  it('names every case', () => {
    for (const c of INFER_CASES) expect(CASE_TEXT[c.id]?.label).toBeTruthy();
  });

  it('reads NaN before the first probe, and no plain entry when every variant has BN', () => {
    const t = inferenceTable(packed(2, false), ['before', 'noisy']);
    expect(t.step).toBeNaN();
    expect(t.plain).toBeNull();
    expect(t.rows.every((r) => r.acc.every(Number.isNaN))).toBe(true);
    expect(largestEpsEffect(t)).toBeNaN();
  });

  it('finds the largest difference the ε convention makes', () => {
    const t = inferenceTable(packed(2), ['none', 'before']);
    expect(largestEpsEffect(t)).toBeCloseTo(0.01, 12);
  });
});
