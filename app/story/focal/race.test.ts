import { describe, expect, it } from 'vitest';
import { firstReach, raceLabel, spreadLabels } from './race.ts';

const series = [
  { step: 0, acc: 0.1 },
  { step: 100, acc: 0.88 },
  { step: 200, acc: 0.9 },
  { step: 300, acc: 0.89 },
];

describe('race helpers', () => {
  it('find the first evaluated step at the target', () => {
    expect(firstReach(series, 0.9)).toBe(200);
    expect(firstReach(series, 0.95)).toBeNull();
  });
  it('label a line at its crossing, or at its end until it crosses', () => {
    expect(raceLabel('BN before', series, 0.9)).toEqual({ text: 'BN before: 90% at step 200', step: 200, acc: 0.9, kind: 'reached' });
    expect(raceLabel('Plain', series.slice(0, 2), 0.9)).toEqual({ text: 'Plain: 88% at step 100', step: 100, acc: 0.88, kind: 'below' });
    expect(raceLabel('Plain', [], 0.9)).toBeNull();
  });
  it('spread labels apart in order, inside the plot', () => {
    expect(spreadLabels([100, 105], 20, 0, 500)).toEqual([100, 120]);
    expect(spreadLabels([105, 100], 20, 0, 500)).toEqual([120, 100]);
    expect(spreadLabels([490, 495], 20, 0, 500)).toEqual([480, 500]);
    expect(spreadLabels([300], 20, 0, 500)).toEqual([300]);
  });
});
