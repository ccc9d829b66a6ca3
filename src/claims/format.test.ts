import { describe, expect, it } from 'vitest';
import { fillTemplate, formatNumber, formatSpan, formatValue } from './format.ts';
import type { ClaimResults, MeasuredNumber } from './types.ts';

const n = (unit: MeasuredNumber['unit'], values: (number | null)[], median: number | null, min: number | null, max: number | null): MeasuredNumber => ({
  label: 'x',
  unit,
  values,
  median,
  min,
  max,
});

describe('formatValue', () => {
  it('reads each unit as prose', () => {
    expect(formatValue(1200, 'step')).toBe('1,200');
    expect(formatValue(null, 'step')).toBe('not reached');
    expect(formatValue(0.9125, 'accuracy')).toBe('91.3%');
    expect(formatValue(-0.0032, 'points')).toBe('\u22120.3 points');
    expect(formatValue(0.6, 'share')).toBe('60%');
    expect(formatValue(0.0075, 'share')).toBe('0.8%');
    expect(formatValue(4.81, 'ratio')).toBe('4.8×');
    expect(formatValue(1.5, 'lr')).toBe('1.5');
    expect(formatValue(-0.4712, 'value')).toBe('\u22120.47');
  });
});

describe('formatSpan and formatNumber', () => {
  it('writes a range once, with its unit at the end', () => {
    expect(formatSpan({ median: 0.9, min: 0.901, max: 0.913 }, 'accuracy')).toBe('90.1–91.3%');
    expect(formatSpan({ median: 250, min: 200, max: 300 }, 'step')).toBe('200–300');
    expect(formatSpan({ median: 250, min: 250, max: 250 }, 'step')).toBe('250');
    expect(formatSpan({ median: 1200, min: 1050, max: null }, 'step')).toBe('1,050 to not reached');
  });
  it('gives the median, with its range, alone or at either end', () => {
    const steps = n('step', [200, 300, 250, 300, 250], 250, 200, 300);
    expect(formatNumber(steps, '')).toBe('250');
    expect(formatNumber(steps, 'range')).toBe('250 (200–300)');
    expect(formatNumber(steps, 'span')).toBe('200–300');
    expect(formatNumber(steps, 'min')).toBe('200');
    expect(formatNumber(n('step', [5, 5], 5, 5, 5), 'range')).toBe('5 (every seed)');
    expect(() => formatNumber(steps, 'mean')).toThrow(/unknown number form/);
  });
});

describe('fillTemplate', () => {
  const results: ClaimResults = {
    format: 'shift-lab-claims/1',
    seeds: [1, 2, 3],
    claims: {
      'headline-steps': {
        title: 't',
        what: 'w',
        condition: 'c',
        holds: true,
        text: 'BN is faster.',
        numbers: { bnTo90: n('step', [200, 250, 300], 250, 200, 300) },
      },
    },
  };
  it('fills its own numbers, other claims’ numbers and whole claim texts', () => {
    const own = { plainTo90: n('step', [1000, 1100, 1200], 1100, 1000, 1200) };
    expect(fillTemplate('plain {plainTo90:range}, BN {headline-steps.bnTo90}. {headline-steps}', results, own)).toBe(
      'plain 1,100 (1,000–1,200), BN 250. BN is faster.',
    );
  });
  it('refuses a reference to a number nobody measured', () => {
    expect(() => fillTemplate('{headline-steps.plainTo85}', results)).toThrow(/no measured claim/);
    expect(() => fillTemplate('{nothing}', results)).toThrow(/no measured claim/);
  });
  it('leaves text without references alone', () => {
    expect(fillTemplate('no numbers here', results)).toBe('no numbers here');
  });
});
