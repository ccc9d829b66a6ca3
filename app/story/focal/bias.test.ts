import { describe, expect, it } from 'vitest';
import { biasLabel, biasLayersLine, biasRunLine, biasSeries, decade, largestBiasGrad, sci } from './bias.ts';
import { addSnapshot, testHistory } from './testHistory.ts';

describe('bias helpers', () => {
  it('write numbers in scientific notation with superscripts', () => {
    expect(sci(0.0451)).toBe('4.5×10⁻²');
    expect(sci(8.6e-9)).toBe('8.6×10⁻⁹');
    expect(sci(3e-10)).toBe('3.0×10⁻¹⁰');
    expect(sci(12)).toBe('1.2×10¹');
    expect(sci(NaN)).toBe('—');
    expect(decade(1e-6)).toBe('10⁻⁶');
    expect(decade(1)).toBe('1');
  });
  it('label BN before as rounding of an exact zero, BN after as a real gradient', () => {
    expect(biasLabel('before', 'BN before', 8.6e-9)).toEqual({ text: 'BN before: 8.6×10⁻⁹', note: 'float rounding of an exact 0' });
    expect(biasLabel('after', 'BN after', 0.01).note).toBe('b before the sigmoid: a real gradient');
    expect(biasLabel('none', 'Plain', 0.045).note).toBeNull();
    expect(biasLabel('after', 'BN after', 0.01, true).note).toBe('a real gradient');
  });
  it('read the bias gradient from step 1 on, and BN before’s largest over every layer', () => {
    const h = testHistory(['none', 'before']);
    addSnapshot(h, 0, () => NaN);
    addSnapshot(
      h,
      5,
      () => NaN,
      (v, l, key) => (key === 'biasGradNorm' ? (v === 0 ? 0.01 * (l + 1) : 1e-9 * (l + 1)) : NaN),
    );
    addSnapshot(
      h,
      9,
      () => NaN,
      (v, l, key) => (key === 'biasGradNorm' ? (v === 0 ? 0.02 : l === 0 ? 7e-9 : 2e-9) : NaN),
    );
    expect(biasSeries(h, 0).map((p) => p.step)).toEqual([5, 9]);
    expect(biasSeries(h, 1).at(-1)?.value).toBeCloseTo(2e-9, 15);
    expect(largestBiasGrad(h, 1)).toBeCloseTo(7e-9, 15);
  });
  it('compose the claim line from this run’s numbers, or nothing before it has them', () => {
    expect(biasRunLine({ step: 200, latest: { none: 0.045, before: 8.6e-9, after: 0.01 } })).toBe(
      'Here, at step 200: 8.6×10⁻⁹ with BN before; plain 4.5×10⁻², BN after 1.0×10⁻².',
    );
    expect(biasRunLine({ step: 0, latest: { none: NaN, before: NaN } })).toBeNull();
    expect(biasLayersLine(2.1e-8, 3)).toBe('In this run, BN before’s ‖∂L/∂b‖ never exceeded 2.1×10⁻⁸ in any of its 3 layers, at any step.');
    expect(biasLayersLine(NaN, 3)).toBeNull();
  });
});
