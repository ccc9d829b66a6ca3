import { describe, expect, it } from 'vitest';
import type { MeasuredNumber } from '../../../src/claims/index.ts';
import type { EvidencePoint } from './evidenceData.ts';
import { alongLineSpot, evidenceDomains, placeLabels, valueExtent } from './evidenceLayout.ts';

const num = (median: number | null, min: number | null, max: number | null, unit: MeasuredNumber['unit']): MeasuredNumber => ({
  label: '',
  unit,
  median,
  min,
  max,
  values: [],
});
const point = (shift: number, steps: number | null, stepsMax: number | null = steps): EvidencePoint => ({
  placement: 'none',
  name: 'x',
  shift: num(shift, shift * 0.9, shift * 1.1, 'share'),
  steps: num(steps, steps, stepsMax, 'step'),
});

describe('evidenceDomains', () => {
  it('covers every reached value with room to spare, from 0', () => {
    const d = evidenceDomains([point(0.1, 300), point(0.2, 1200)]);
    expect(d.shiftMax).toBeGreaterThan(0.22);
    expect(d.stepsMax).toBeGreaterThan(1200);
    expect(d.unreached).toBe(false);
  });

  it('asks for a "not reached" row when a seed never reached 90%', () => {
    const d = evidenceDomains([point(0.1, 300), point(0.2, 1200, null)]);
    expect(d.unreached).toBe(true);
    expect(d.stepsMax).toBeGreaterThan(1200);
  });

  it('ignores values that were not reached when sizing', () => {
    expect(valueExtent([null, 5, null, 3])).toBe(5);
    expect(valueExtent([null])).toBe(0);
  });
});

describe('placeLabels', () => {
  const box = { x0: 0, x1: 600, y0: 0, y1: 400 };

  it('puts a lone label to the right of its mark, on its line', () => {
    const [p] = placeLabels([{ x: 100, y: 200, width: 80 }], 20, box);
    expect(p.anchor).toBe('start');
    expect(p.x).toBeGreaterThan(100);
    expect(Math.abs(p.y - 200)).toBeLessThan(10);
  });

  it('flips to the left near the right edge', () => {
    const [p] = placeLabels([{ x: 580, y: 200, width: 80 }], 20, box);
    expect(p.anchor).toBe('end');
    expect(p.x).toBeLessThan(580);
  });

  it('keeps two labels of nearby marks apart', () => {
    const [a, b] = placeLabels(
      [
        { x: 100, y: 200, width: 120 },
        { x: 110, y: 205, width: 120 },
      ],
      20,
      box,
    );
    const apart = a.anchor !== b.anchor || Math.abs(a.y - b.y) >= 16;
    expect(apart).toBe(true);
  });
});

describe('alongLineSpot', () => {
  it('keeps its first choice when nothing is in the way', () => {
    expect(alongLineSpot([0, 400], [400, 0], 100, 16, [])).toEqual({ t: 0.62, offset: 16 });
  });

  it('slides along the line past a label in the way', () => {
    // A label sitting just above the line at 62% of the way.
    const spot = alongLineSpot([0, 400], [400, 0], 100, 16, [{ x0: 220, x1: 260, y0: 120, y1: 150 }]);
    expect(spot).not.toEqual({ t: 0.62, offset: 16 });
  });

  it('stays within the box, on the other side of the line if it must', () => {
    const spot = alongLineSpot([0, 400], [400, 0], 300, 30, [], { x0: 0, x1: 400, y0: 0, y1: 400 });
    expect(spot.t).toBeGreaterThan(0.3);
  });
});

describe('placeLabels with obstacles', () => {
  it('keeps a label off a whisker beside its mark', () => {
    const whisker = { x0: 115, x1: 125, y0: 150, y1: 250 };
    const [p] = placeLabels([{ x: 100, y: 200, width: 80 }], 20, { x0: 0, x1: 600, y0: 0, y1: 400 }, 14, 9, [whisker]);
    const rect = { x0: p.anchor === 'start' ? p.x : p.x - 80, x1: p.anchor === 'start' ? p.x + 80 : p.x };
    const overlapsX = rect.x0 < whisker.x1 && whisker.x0 < rect.x1;
    const overlapsY = p.y - 16 < whisker.y1 && whisker.y0 < p.y + 4;
    expect(overlapsX && overlapsY).toBe(false);
  });
});
