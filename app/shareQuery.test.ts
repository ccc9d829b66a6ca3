import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/config.ts';
import { queryFor } from './shareQuery.ts';

describe('queryFor', () => {
  it('omits defaults and keeps the view, the changed config and the parallel flag', () => {
    expect(queryFor('lab', DEFAULT_CONFIG, null)).toBe('');
    expect(queryFor('scaling', DEFAULT_CONFIG, null)).toBe('?view=scaling');
    expect(queryFor('chain', { ...DEFAULT_CONFIG, lr: 0.25 }, '1')).toBe('?view=chain&lr=0.25&parallel=1');
  });
});
