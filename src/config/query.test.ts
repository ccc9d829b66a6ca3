import { describe, expect, it } from 'vitest';
import { quoteText, readLinkParams, repeatsKeys } from './query.ts';

describe('reading a link', () => {
  it('quotes at most 40 characters of a value, with an ellipsis', () => {
    expect(quoteText('bn-paper')).toBe('"bn-paper"');
    expect(quoteText('x'.repeat(100_000))).toBe(`"${'x'.repeat(40)}…"`);
  });

  it('takes the last value of a repeated key, and says so when the values differ', () => {
    const { params, notices } = readLinkParams('?lr=0.1&view=lab&lr=0.2&view=chain&seed=3&seed=3');
    expect([params.get('lr'), params.get('view'), params.get('seed')]).toEqual(['0.2', 'chain', '3']);
    expect(params.getAll('lr')).toEqual(['0.2']);
    expect(notices).toEqual(['"lr" is given 2 times; using the last value, "0.2".', '"view" is given 2 times; using the last value, "chain".']);
  });

  it('quotes a repeated key and value briefly', () => {
    const { notices } = readLinkParams(`${'k'.repeat(500)}=a&${'k'.repeat(500)}=${'b'.repeat(500)}`);
    expect(notices).toHaveLength(1);
    expect(notices[0].length).toBeLessThan(140);
  });

  it('tells a link with a repeated key from one without', () => {
    expect(repeatsKeys('a=1&b=2')).toBe(false);
    expect(repeatsKeys('a=1&b=2&a=1')).toBe(true);
  });
});
