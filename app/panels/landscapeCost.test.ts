import { describe, expect, it } from 'vitest';
import { probeCost } from './landscapeCost.ts';

describe('probeCost', () => {
  it('is the mean time per probe and variant, and the share of the run it takes', () => {
    // Two variants, 60 ms each, every 50 steps at 80 steps/s: 0.12 s of every 0.625 s.
    expect(probeCost([60, 60], 50, 80)).toEqual({ ms: 60, share: expect.closeTo(0.192, 9) });
  });

  it('counts variants probed side by side, one per worker, once', () => {
    expect(probeCost([60, 40], 50, 80, true)).toEqual({ ms: 50, share: expect.closeTo(0.096, 9) });
  });

  it('is unknown before the first probe, with probes off, or before training has a speed', () => {
    expect(probeCost([NaN, NaN], 50, 80)).toBeNull();
    expect(probeCost([60], 0, 80)).toBeNull();
    expect(probeCost([60], 50, 0)).toBeNull();
  });
});
