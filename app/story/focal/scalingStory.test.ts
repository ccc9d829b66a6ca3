import { describe, expect, it } from 'vitest';
import { DEFAULT_DESCENT, descend, type DescentResult } from '../../../src/contour/index.ts';
import { scalingRuns, stepAtTick, stepLabel, stepsOf, ticksFor } from './scalingStory.ts';

const result = (over: Partial<DescentResult>): DescentResult => ({
  path: new Float64Array(2),
  excess: new Float64Array(1),
  convergedAt: null,
  divergedAt: null,
  steps: 0,
  ...over,
});

describe('scalingRuns', () => {
  const [raw, std] = scalingRuns();

  it('starts both descents from the same point, mapped into each plot’s weights', () => {
    expect(raw.start[0]).toBeCloseTo(-20);
    expect(std.start[0] / raw.start[0]).toBeGreaterThan(1);
    expect(raw.result.path[0]).toBe(raw.start[0]);
    expect(std.result.path[1]).toBe(std.start[1]);
  });

  it('uses each bowl’s best rate: just under the limit raw, and near the fastest rate standardized', () => {
    expect(raw.lr).toBeLessThan(raw.limit);
    expect(raw.lr / raw.limit).toBeGreaterThan(0.85);
    expect(std.lr).toBeCloseTo(std.f.fastestRate(), 1);
  });

  it('picks a rate no other tried rate beats', () => {
    for (const r of [raw, std])
      for (const k of [0.3, 0.6, 0.9, 0.99]) {
        const other = descend(r.f, r.start, { ...DEFAULT_DESCENT, lr: k * r.limit });
        expect(other.convergedAt ?? Infinity).toBeGreaterThanOrEqual(r.result.convergedAt ?? 0);
      }
  });

  it('converges in far fewer steps standardized, as κ says', () => {
    expect(raw.f.condition).toBeGreaterThan(10);
    expect(std.f.condition).toBeLessThan(1.5);
    expect(raw.result.convergedAt).not.toBeNull();
    expect(std.result.convergedAt).not.toBeNull();
    expect(stepsOf(raw.result)).toBeGreaterThan(20 * stepsOf(std.result));
  });
});

describe('stepLabel', () => {
  it('says the run is still crawling until it converges, then how many steps it took', () => {
    const r = result({ convergedAt: 275, steps: 275 });
    expect(stepLabel(r, 0)).toEqual({ kind: 'crawling', step: 0, text: 'still crawling after 0 steps' });
    expect(stepLabel(r, 1).text).toBe('still crawling after 1 step');
    expect(stepLabel(r, 274).kind).toBe('crawling');
    expect(stepLabel(r, 275)).toEqual({ kind: 'converged', step: 275, text: 'converged in 275 steps' });
    expect(stepLabel(r, 9999).step).toBe(275);
  });

  it('names a divergence at its step', () => {
    expect(stepLabel(result({ divergedAt: 4, steps: 4 }), 10).text).toBe('diverged at step 4');
  });

  it('stops counting at the last step taken when the run never converged', () => {
    expect(stepLabel(result({ steps: 1200 }), 5000).text).toBe('still crawling after 1,200 steps');
  });
});

describe('stepAtTick', () => {
  it('starts at step 0 and ends at the last step', () => {
    for (const total of [0, 1, 3, 10, 11, 275, 26_000]) {
      expect(stepAtTick(0, total)).toBe(0);
      expect(stepAtTick(ticksFor(total), total)).toBe(total);
    }
  });

  it('never goes back, and takes the first steps one at a time', () => {
    const total = 275;
    let last = 0;
    const seen = new Set<number>();
    for (let t = 0; t <= ticksFor(total); t++) {
      const s = stepAtTick(t, total);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
      seen.add(s);
    }
    for (let s = 0; s <= 10; s++) expect(seen.has(s)).toBe(true);
  });

  it('keeps the whole animation within about ten seconds', () => {
    expect(ticksFor(26_000) / 50).toBeLessThan(10);
    expect(ticksFor(3) / 50).toBeLessThan(2);
  });
});
