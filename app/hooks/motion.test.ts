import { describe, expect, it } from 'vitest';
import { REDUCED_MOTION_FRAME_MS, redrawDelay } from './motion.ts';

describe('redrawDelay', () => {
  it('redraws on the next frame when motion is not reduced', () => {
    expect(redrawDelay(1000, 999, false)).toBe(0);
  });

  it('spaces redraws by the reduced-motion gap, and never waits when the gap has passed', () => {
    expect(redrawDelay(1000, 900, true)).toBe(REDUCED_MOTION_FRAME_MS - 100);
    expect(redrawDelay(1000, 1000 - REDUCED_MOTION_FRAME_MS, true)).toBe(0);
    expect(redrawDelay(5000, 0, true)).toBe(0);
  });

  it("spaces a slow panel's redraws by its own gap, or by the reduced-motion one if longer", () => {
    expect(redrawDelay(1000, 900, false, 200)).toBe(100);
    expect(redrawDelay(1000, 700, false, 200)).toBe(0);
    expect(redrawDelay(1000, 900, true, 100)).toBe(REDUCED_MOTION_FRAME_MS - 100);
  });
});
