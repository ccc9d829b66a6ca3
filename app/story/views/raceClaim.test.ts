import { describe, expect, it } from 'vitest';
import { raceRunLine } from './raceClaim.ts';

describe('raceRunLine', () => {
  const bn = { name: 'BN', reached: 200, median: 250 };
  const plain = { name: 'plain', reached: null, median: 1100 };
  it('says who reached the target and who had not by the end', () => {
    expect(raceRunLine([bn, plain], 500, 0.9, true)).toEqual({ text: 'This run, to 90%: BN at step 200; plain not by step 500.', agrees: true });
  });
  it('does not judge a run still going', () => {
    expect(raceRunLine([bn, plain], 300, 0.9, false)).toEqual({ text: 'This run, to 90%: BN at step 200; plain not yet.', agrees: null });
    expect(raceRunLine([{ ...bn, reached: null }, plain], 50, 0.9, false).text).toBe('This run: neither has reached 90% yet.');
  });
  it('ranks by a measured accuracy when told higher comes first', () => {
    const runners = [
      { name: 'LN', reached: 700, median: 0.86 },
      { name: 'plain', reached: 1900, median: 0.76 },
      { name: 'BN', reached: null, median: 0.34 },
    ];
    expect(raceRunLine(runners, 2000, 0.8, true, true).agrees).toBe(true);
    expect(raceRunLine(runners, 2000, 0.8, true, false).agrees).toBe(false);
  });

  it('says when this seed goes against the medians', () => {
    expect(
      raceRunLine(
        [
          { ...bn, reached: null },
          { ...plain, reached: 450 },
        ],
        500,
        0.9,
        true,
      ).agrees,
    ).toBe(false);
  });
});
