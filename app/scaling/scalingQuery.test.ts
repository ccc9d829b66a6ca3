import { describe, expect, it } from 'vitest';
import { scalingFromQuery, scalingToQuery } from './scalingQuery.ts';
import { defaultRawRate, defaultScalingState } from './scalingStore.ts';

describe('the feature-scaling lab in a link', () => {
  it('writes nothing for the defaults, and reads back what it writes', () => {
    expect(scalingToQuery(defaultScalingState())).toBe('');
    const state = {
      ...defaultScalingState(),
      areaUnit: 1 as const,
      lr: { raw: 1e-6, standardized: 0.4 },
      momentum: 0.9,
      speed: 'all' as const,
      start: [1.5, -2] as [number, number],
    };
    const query = scalingToQuery(state);
    expect(query).toBe('area=1&rawLr=0.000001&stdLr=0.4&descentMomentum=0.9&start=1.5,-2&anim=all');
    expect(scalingFromQuery(query)).toEqual({ state, notices: [] });
  });

  it('gives a new area unit its own default raw rate, as the menu does', () => {
    expect(scalingFromQuery('area=100').state.lr.raw).toBe(defaultRawRate(100));
    expect(scalingToQuery(scalingFromQuery('area=100').state)).toBe('area=100');
  });

  it('drops bad values to their defaults with a notice each, and keeps the start point in reach', () => {
    const { state, notices } = scalingFromQuery('area=7&rawLr=-1&stdLr=abc&descentMomentum=2&anim=fast&start=1,x');
    expect(state).toEqual(defaultScalingState());
    expect(notices).toHaveLength(6);
    expect(notices[0]).toMatch(/^area="7" is not one of 1, 10, 100/);
    const far = scalingFromQuery('start=1e300,-1e300').state.start;
    expect(far.every((v) => Math.abs(v) < 1e6)).toBe(true);
  });
});
