import { describe, expect, it } from 'vitest';
import { fitLabel, keepInside, labelAway, pathBox, splitLabel, zigzagSpot } from './scalingLabels.ts';

const plot = { left: 0, right: 400, top: 0, bottom: 300 };

describe('labelAway', () => {
  it('puts the label on the far side of the mark from the other point, text running away from it', () => {
    expect(labelAway([100, 100], [50, 100], 10)).toMatchObject({ x: 110, anchor: 'start' });
    expect(labelAway([100, 100], [150, 100], 10)).toMatchObject({ x: 90, anchor: 'end' });
    const above = labelAway([100, 100], [100, 200], 10);
    expect(above.anchor).toBe('middle');
    expect(above.y).toBeLessThan(100);
  });

  it('goes above when both points are the same', () => {
    expect(labelAway([100, 100], [100, 100], 10).y).toBeLessThan(100);
  });
});

describe('pathBox', () => {
  it('bounds the kept points in pixels', () => {
    const path = Float64Array.from([0, 0, 10, 5, -3, 8]);
    expect(
      pathBox(
        path,
        0,
        10,
        (v) => 2 * v,
        (v) => 100 - v,
      ),
    ).toEqual({ x0: -6, x1: 20, y0: 92, y1: 100 });
  });
});

describe('zigzagSpot', () => {
  it('writes beside the side with more room, level with the upper quarter', () => {
    const right = zigzagSpot({ x0: 50, x1: 100, y0: 40, y1: 240 }, plot);
    expect(right).toMatchObject({ anchor: 'start', y: 90 });
    expect(right.x).toBeGreaterThan(100);
    expect(zigzagSpot({ x0: 300, x1: 350, y0: 40, y1: 240 }, plot).anchor).toBe('end');
  });
});

describe('keepInside', () => {
  it('moves a label that would run off the plot back in', () => {
    expect(keepInside({ x: 380, y: 100, anchor: 'start' }, 100, 20, plot).x).toBe(300);
    expect(keepInside({ x: 20, y: 100, anchor: 'end' }, 100, 20, plot).x).toBe(100);
    expect(keepInside({ x: 100, y: 5, anchor: 'middle' }, 100, 20, plot).y).toBe(20);
  });
});

describe('splitLabel', () => {
  it('breaks a step count before its number', () => {
    expect(splitLabel('converged in 174 steps')).toEqual(['converged in', '174 steps']);
    expect(splitLabel('still crawling after 12 steps')).toEqual(['still crawling after', '12 steps']);
    expect(splitLabel('diverged at step 4')).toEqual(['diverged at', 'step 4']);
    expect(splitLabel('done')).toEqual(['done']);
  });
});

describe('fitLabel', () => {
  const px = (line: string) => line.length * 10;
  it('keeps a label that fits on one line, and breaks one that does not before its number', () => {
    expect(fitLabel('converged in 3 steps', px, 200)).toEqual(['converged in 3 steps']);
    expect(fitLabel('converged in 174 steps', px, 150)).toEqual(['converged in', '174 steps']);
  });
  it('in a narrow plot, breaks word by word, no line wider than the room', () => {
    const lines = fitLabel('still crawling after 26 steps', px, 145);
    expect(lines).toEqual(['still crawling', 'after 26 steps']);
    const narrow = fitLabel('still crawling after 26 steps', px, 100);
    expect(narrow).toEqual(['still', 'crawling', 'after 26', 'steps']);
    for (const line of narrow) expect(px(line)).toBeLessThanOrEqual(100);
    expect(narrow.join(' ')).toBe('still crawling after 26 steps');
  });
});
