import { describe, expect, it } from 'vitest';
import type { Workspace } from '../engine/workspace.ts';
import { InputShiftMeter } from './inputShift.ts';

/** A stand-in workspace whose one hidden layer holds `values` ([rows, n]) as the nonlinearity's input. */
const ws = (values: number[], rows: number) => ({ rows, layers: [{ actIn: Float32Array.from(values) }] }) as unknown as Workspace;

describe('input shift', () => {
  it('measures how far each unit moves in units of its earlier spread, and how its spread changes', () => {
    const meter = new InputShiftMeter([2]);
    // Unit 0: values ±1 (μ 0, σ 1); unit 1: ±2 around 5 (μ 5, σ 2).
    meter.observe(ws([-1, 3, 1, 7], 2));
    expect(meter.layers[0].location).toBeNaN();
    // Unit 0 moves to μ 0.5 (0.5 σ) with σ 2 (ln 2); unit 1 stays.
    meter.observe(ws([-1.5, 3, 2.5, 7], 2));
    expect(meter.layers[0].location).toBeCloseTo((0.5 / 1 + 0) / 2, 6);
    expect(meter.layers[0].spread).toBeCloseTo((Math.log(2) + 0) / 2, 6);
    // The first window is left out of the averages.
    expect(meter.layers[0].windows).toBe(0);
    expect(meter.layers[0].locationAvg).toBeNaN();
    meter.observe(ws([-1.5, 3, 2.5, 7], 2));
    meter.observe(ws([-3.5, 3, 4.5, 7], 2));
    // Windows 2 and 3: no move, then unit 0 keeps μ 0.5 with σ 4 (ln 2 again).
    expect(meter.layers[0].windows).toBe(2);
    expect(meter.layers[0].locationAvg).toBeCloseTo(0, 6);
    expect(meter.layers[0].spreadAvg).toBeCloseTo((0 + Math.log(2) / 2) / 2, 6);
  });

  it('leaves out units that are constant on the probe batch', () => {
    const meter = new InputShiftMeter([2]);
    meter.observe(ws([0, 1, 0, 3], 2));
    meter.observe(ws([0, 2, 0, 4], 2));
    // Unit 0 is constant (σ 0): only unit 1 counts, moving 1 σ with the same spread.
    expect(meter.layers[0].location).toBeCloseTo(1, 6);
    expect(meter.layers[0].spread).toBeCloseTo(0, 6);
  });
});
