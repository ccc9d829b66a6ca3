import { describe, expect, it } from 'vitest';
import { INFER_CASES, INFER_EPS } from '../../src/experiment/inferenceProbe.ts';
import { inferAccIndex, VARIANT_STATS, VS } from '../../src/experiment/snapshot.ts';
import { CASE_TEXT, inferenceTable, largestEpsEffect } from './inferenceTable.ts';

/** A packed variant block where variant v's accuracy for case c, ε e is v + c/10 + e/100. */
function packed(n: number, probed = true): Float64Array {
  const w = VARIANT_STATS.length;
  const out = new Float64Array(n * w).fill(NaN);
  for (let v = 0; v < n; v++) {
    if (!probed) continue;
    out[v * w + VS.inferStep] = 100 * (v + 1);
    out[v * w + VS.inferClassesAtOne] = v + 1;
    for (let c = 0; c < INFER_CASES.length; c++) for (let e = 0; e < INFER_EPS.length; e++) out[v * w + inferAccIndex(c, e)] = v + c / 10 + e / 100;
  }
  return out;
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
