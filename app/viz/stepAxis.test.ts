import { describe, expect, it } from 'vitest';
import { textWidth } from './axisLayout.ts';
import { formatTick } from './format.ts';
import { logStepTicks, STEP_KNEE, stepScale } from './stepAxis.ts';

describe('the log step axis', () => {
  it('keeps the first 500 steps readable after a long run', () => {
    const x = stepScale('log', 50_000, [0, 1000]);
    // On a linear axis they would get 10 px of 1000; here more than a quarter of the width.
    expect(x(500)).toBeGreaterThan(250);
    expect(stepScale('linear', 50_000, [0, 1000])(500)).toBe(10);
    // Step 0 has a place, and the steps before the knee are spread almost evenly.
    expect(x(0)).toBe(0);
    expect(x(STEP_KNEE / 2) / x(STEP_KNEE)).toBeCloseTo(Math.log1p(0.5) / Math.log1p(1), 6);
    // The hover readout reads steps back from pixels.
    expect(x.invert(x(1234))).toBeCloseTo(1234, 6);
  });

  it('labels 0 and the decades, then 2s and 5s where they fit without overlapping', () => {
    const x = stepScale('log', 50_000, [70, 1000]);
    const width = (s: number) => textWidth(formatTick(s), 14);
    const ticks = logStepTicks(50_000, x, width, 10);
    expect(ticks).toEqual(expect.arrayContaining([0, 100, 1000, 10_000]));
    for (let i = 1; i < ticks.length; i++) expect(x(ticks[i]) - x(ticks[i - 1])).toBeGreaterThanOrEqual((width(ticks[i]) + width(ticks[i - 1])) / 2 + 10);
    expect(ticks.at(-1)).toBeLessThanOrEqual(50_000);
    // A narrow chart keeps fewer, decades first.
    const narrow = stepScale('log', 50_000, [70, 300]);
    const few = logStepTicks(50_000, narrow, width, 10);
    expect(few.length).toBeLessThan(ticks.length);
    expect(few).toEqual(expect.arrayContaining([0, 1000, 10_000]));
  });

  it('has ticks early in a run too', () => {
    const x = stepScale('log', 100, [70, 600]);
    const ticks = logStepTicks(100, x, (s) => textWidth(formatTick(s), 14), 10);
    expect(ticks[0]).toBe(0);
    expect(ticks).toContain(100);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
  });
});
