import { describe, expect, it } from 'vitest';
import { packSnapshot, runLayout } from '../../src/experiment/index.ts';
import type { RunShape } from '../../src/worker/index.ts';
import { History } from '../history/History.ts';
import { historyProblems } from './invariants.ts';

const shape = {
  variantNames: ['plain', 'bn'],
  placements: ['none', 'before'],
  nLayers: 1,
  bins: { lo: -1, hi: 1, count: 2 },
  zBins: { lo: -2, hi: 2, count: 4 },
  probeRows: 3,
} as unknown as RunShape;

/** A snapshot at `step` whose variants were evaluated at `evalSteps` and diverged at `diverged` (−1: still training). */
function snapshot(step: number, evalSteps: number[], diverged = [-1, -1]) {
  const variant = (v: number, key: string) => (key === 'evalStep' ? evalSteps[v] : key === 'divergedAt' ? diverged[v] : 0);
  return { step, ...packSnapshot(runLayout(shape), { variant }) };
}

function history(capacity = 8): History {
  const h = new History(capacity);
  h.reset(1, shape);
  return h;
}

describe('historyProblems', () => {
  it('finds nothing wrong with a long, halving run of paired snapshots', () => {
    const h = history();
    for (let s = 0; s < 100; s++) h.add(1, snapshot(s, [s, s]));
    expect(h.stride).toBeGreaterThan(1);
    expect(historyProblems(h)).toEqual([]);
  });

  it('reports paired variants evaluated at different steps', () => {
    const h = history();
    h.add(1, snapshot(10, [10, 9]));
    expect(historyProblems(h)).toEqual(['paired variants were evaluated at different steps: 10, 9']);
  });

  it('lets a diverged variant stop at its own step, but not diverge in the future', () => {
    const h = history();
    h.add(1, snapshot(10, [4, 10], [4, -1]));
    expect(historyProblems(h)).toEqual([]);
    h.add(1, snapshot(11, [11, 11], [12, -1]));
    expect(historyProblems(h)).toEqual(["variant 0 diverged at step 12, after the snapshot's step 11"]);
  });

  it('reports rows over capacity', () => {
    const h = history(4);
    for (let s = 0; s < 3; s++) h.add(1, snapshot(s, [s, s]));
    h.count = 5;
    expect(historyProblems(h)).toContain('history holds 5 rows, over its capacity of 4');
  });

  it('reports steps that do not grow, and a newest snapshot older than the kept rows', () => {
    const h = history(4);
    for (let s = 0; s < 3; s++) h.add(1, snapshot(s, [s, s]));
    h.steps[2] = 1;
    h.steps[1] = 5;
    expect(historyProblems(h)).toEqual(['history steps do not grow: row 1 is step 5, row 2 is step 1']);
    h.steps[2] = 7;
    expect(historyProblems(h)).toEqual(['the newest snapshot (step 2) is older than the last kept row (step 7)']);
  });
});
