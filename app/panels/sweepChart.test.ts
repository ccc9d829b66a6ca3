import { describe, expect, it } from 'vitest';
import type { SweepRow, TargetOutcome } from '../../src/experiment/index.ts';
import { gapText, lrDomain, outcomeLane, outcomeText, rangeText, usableRange } from './sweepChart.ts';

function row(lr: number, plain: TargetOutcome, bn: TargetOutcome): SweepRow {
  const v = (name: string, outcome: TargetOutcome) => ({
    name,
    placement: name === 'plain' ? ('none' as const) : ('before' as const),
    outcome,
    testAcc: 0.9,
    trainAcc: 0.92,
    divergedAt: outcome.kind === 'diverged' ? outcome.step : -1,
  });
  return { factor: lr / 0.5, lr, steps: 1500, ms: 1, variants: [v('plain', plain), v('bn-before', bn)] };
}

const rows = [
  row(0.015, { kind: 'never' }, { kind: 'never' }),
  row(0.15, { kind: 'never' }, { kind: 'reached', step: 300 }),
  row(0.5, { kind: 'reached', step: 1200 }, { kind: 'reached', step: 200 }),
  row(5, { kind: 'reached', step: 800 }, { kind: 'reached', step: 350 }),
  row(15, { kind: 'diverged', step: 12 }, { kind: 'reached', step: 450 }),
];

describe('the sweep chart helpers', () => {
  it('find the range of learning rates at which each variant reached the target', () => {
    expect(usableRange(rows, 0)).toEqual({ lo: 0.5, hi: 5, count: 2 });
    expect(usableRange(rows, 1)).toEqual({ lo: 0.15, hi: 15, count: 4 });
    expect(usableRange(rows.slice(0, 1), 0)).toBeNull();
    expect(rangeText(usableRange(rows, 1), 5)).toBe('0.15 to 15 (4 of 5 rates)');
    expect(rangeText(null, 5)).toBe('none of 5 rates');
    expect(rangeText({ lo: 0.5, hi: 0.5, count: 1 }, 5)).toBe('0.5 only');
  });

  it('say each outcome in words and place it in its lane', () => {
    expect(outcomeText({ kind: 'reached', step: 1200 }, 1500)).toBe('1,200');
    expect(outcomeText({ kind: 'diverged', step: 12 }, 1500)).toBe('diverged at 12');
    expect(outcomeText({ kind: 'never' }, 1500)).toBe('never (1,500)');
    expect(outcomeLane({ kind: 'reached', step: 3 })).toBe('steps');
    expect(outcomeLane({ kind: 'never' })).toBe('never');
    expect(outcomeLane({ kind: 'diverged', step: 3 })).toBe('diverged');
  });

  it('print the train/test gap in points with its sign', () => {
    expect(gapText(0.95, 0.93)).toBe('+2.0');
    expect(gapText(0.9, 0.93)).toBe('−3.0');
    expect(gapText(NaN, 0.93)).toBe('—');
  });

  it('give the learning-rate axis room around every row', () => {
    const [lo, hi] = lrDomain(rows, []);
    expect(lo).toBeLessThan(0.015);
    expect(hi).toBeGreaterThan(15);
    expect(lrDomain([], [0.1, 10])).toEqual([0.1 / 1.8, 18]);
  });
});
