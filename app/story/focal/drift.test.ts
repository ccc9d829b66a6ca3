import { describe, expect, it } from 'vitest';
import { packSnapshot, runLayout } from '../../../src/experiment/index.ts';
import type { RunShape } from '../../../src/worker/index.ts';
import { History } from '../../history/History.ts';
import { driftRunLine, formatWidening, pointAt, symmetricDomain, unitBand, widening, type BandPoint } from './drift.ts';

const bins = { lo: -1, hi: 1, count: 2 };
const shape: RunShape = { variantNames: ['Plain', 'BN'], placements: ['none', 'before'], sizes: [4, 5, 5, 3], nLayers: 2, bins, zBins: bins, probeRows: 3 };

/** A history whose variant v, layer 1, has band [step·(v+1)/100 ± w] with w = 0.1 + step/100 (z: half of it). */
function history(steps: readonly number[]): History {
  const h = new History(64);
  h.reset(7, shape);
  for (const step of steps) {
    const w = 0.1 + step / 100;
    const at: Record<string, number> = { unitP15: -w, unitP50: 0, unitP85: w, zUnitP15: -w / 2, zUnitP50: 0, zUnitP85: w / 2 };
    const layer = (v: number, l: number, key: string) => (l === 1 && key in at ? (step * (v + 1)) / 100 + at[key] : NaN);
    h.add(7, { step, ...packSnapshot(runLayout(shape), { layer }) });
  }
  return h;
}

const band = (points: [number, number, number][]): BandPoint[] => points.map(([step, lo, hi]) => ({ step, lo, mid: (lo + hi) / 2, hi }));

describe('drift helpers', () => {
  it('read a unit’s band per kept row, the nonlinearity’s input or z, for the layer asked', () => {
    const h = history([0, 100, 200]);
    const plain = unitBand(h, 0, 1, 'act');
    expect(plain.map((p) => p.step)).toEqual([0, 100, 200]);
    expect(plain[2].lo).toBeCloseTo(2 - 2.1, 5);
    expect(plain[2].hi).toBeCloseTo(2 + 2.1, 5);
    expect(unitBand(h, 1, 1, 'z')[1].hi).toBeCloseTo(2 + 0.55, 5);
    // Layer 0 was never filled (NaN): no points rather than zeros.
    expect(unitBand(h, 0, 0, 'act')).toEqual([]);
    expect(unitBand(h, 0, 5, 'act')).toEqual([]);
  });

  it('measure how many times wider the band is now than at step 0', () => {
    const h = history([0, 100, 200]);
    expect(widening(unitBand(h, 0, 1, 'act'))).toBeCloseTo(2.1 / 0.1, 4);
    expect(widening(band([[0, 0, 1]]))).toBeNull();
    expect(
      widening(
        band([
          [10, 0, 1],
          [20, 0, 3],
        ]),
      ),
    ).toBeNull();
    expect(
      widening(
        band([
          [0, 1, 1],
          [20, 0, 3],
        ]),
      ),
    ).toBeNull();
  });

  it('print a widening as the claims print a ratio', () => {
    expect(formatWidening(51.46)).toBe('51.5×');
    expect(formatWidening(2)).toBe('2.0×');
  });

  it('hold every band on a symmetric whole-number axis of at least ±4', () => {
    expect(symmetricDomain([band([[0, -0.5, 0.2]])])).toEqual([-4, 4]);
    expect(symmetricDomain([band([[0, -0.5, 0.2]]), band([[0, -4.2, 1]])])).toEqual([-5, 5]);
  });

  it('find the point at a fraction of the band’s steps', () => {
    const b = band([
      [0, 0, 1],
      [100, 0, 1],
      [200, 0, 1],
      [300, 0, 1],
    ]);
    expect(pointAt(b, 0.5)?.step).toBe(100);
    expect(pointAt(b, 1)?.step).toBe(300);
    expect(pointAt([], 0.5)).toBeUndefined();
  });

  it('say this run’s widening, and whether a finished seed goes against the measurements', () => {
    expect(driftRunLine(null, 2, true, true)).toBeNull();
    expect(driftRunLine(51.46, 2, false, true)).toEqual({ text: 'This run: 51.5× (BN’s z: 2.0×).', agrees: null });
    expect(driftRunLine(12, null, true, true)).toEqual({ text: 'This run: 12.0×.', agrees: true });
    expect(driftRunLine(1.5, null, true, true)?.agrees).toBe(false);
    expect(driftRunLine(1.5, null, true, false)?.agrees).toBe(true);
  });
});
