import { describe, expect, it } from 'vitest';
import { History } from '../../history/History.ts';
import { firstStep, probeSeries } from './probeSeries.ts';
import { addSnapshot, testHistory } from './testHistory.ts';

describe('probe series', () => {
  it('read one point per snapshot, from step 0', () => {
    const h = testHistory(['none', 'before']);
    for (const s of [0, 3, 6])
      addSnapshot(
        h,
        s,
        (v) => v * 100 + s,
        (v, l) => v + l + s,
      );
    expect(probeSeries(h, 1, null, (r) => r.variant('trainLoss'))).toEqual([
      { step: 0, value: 100 },
      { step: 3, value: 103 },
      { step: 6, value: 106 },
    ]);
    expect(probeSeries(h, 0, null, (r) => r.layer(2, 'biasGradNorm')).map((p) => p.value)).toEqual([2, 5, 8]);
    expect(firstStep(h)).toBe(0);
  });
  it('read one point per probe at the step it measured, skipping snapshots before the first probe', () => {
    const h = testHistory(['before']);
    const probeAt = (s: number) => (s < 25 ? -1 : Math.floor(s / 25) * 25);
    for (const s of [0, 10, 20, 30, 40, 55]) addSnapshot(h, s, (_v, key) => (key === 'inferStep' ? probeAt(s) : key === 'accBatch60' ? probeAt(s) / 100 : NaN));
    expect(probeSeries(h, 0, 'inferStep', (r) => r.variant('accBatch60'))).toEqual([
      { step: 25, value: 0.25 },
      { step: 50, value: 0.5 },
    ]);
  });
  it('give nothing for a variant the run does not have, or before the run', () => {
    const h = new History(8);
    expect(probeSeries(h, 0, null, () => 1)).toEqual([]);
    expect(firstStep(h)).toBeNull();
    const g = testHistory(['none']);
    expect(probeSeries(g, 3, null, () => 1)).toEqual([]);
  });
});
