import { describe, expect, it } from 'vitest';
import { clampInput } from './clampInput.ts';

describe('typed values', () => {
  it('are kept when valid, clamped when out of range, and rejected when not numbers, always saying why', () => {
    expect(clampInput('60', 10, 1, 512, true, 'Batch size')).toEqual({ value: 60, message: null });
    expect(clampInput('2000', 10, 1, 512, true, 'Batch size')).toEqual({ value: 512, message: 'Batch size: 2000 is above 512; using 512.' });
    expect(clampInput('0', 10, 1, 512, true, 'Batch size').value).toBe(1);
    expect(clampInput('abc', 10, 1, 512, true, 'Batch size')).toEqual({ value: 10, message: 'Batch size: "abc" is not a number; keeping 10.' });
    expect(clampInput('12.6', 10, 1, 512, true, 'Batch size')).toEqual({ value: 13, message: 'Batch size: 12.6 rounded to 13.' });
    expect(clampInput('0,05', 0.1, 1e-5, 100, false, 'Learning rate')).toEqual({ value: 0.05, message: null });
  });
});
