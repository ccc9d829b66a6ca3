import { describe, expect, it } from 'vitest';
import { raceRunLine } from './raceClaim.ts';

describe('raceRunLine', () => {
  const bn = { name: 'BN', reached: 200, median: 250 };
  const plain = { name: 'plain', reached: null, median: 1100 };
  it('says who reached the target and who had not by the end', () => {
    expect(raceRunLine([bn, plain], 500, 0.9, true)).toEqual({ text: 'In this run: BN reached 90% at step 200; plain had not reached it by step 500.', agrees: true });
  });
  it('does not judge a run still going', () => {
    expect(raceRunLine([bn, plain], 300, 0.9, false)).toEqual({ text: 'In this run: BN reached 90% at step 200; plain had not reached it yet.', agrees: null });
  });
  it('says when this seed goes against the medians', () => {
    expect(raceRunLine([{ ...bn, reached: null }, { ...plain, reached: 450 }], 500, 0.9, true).agrees).toBe(false);
  });
});
