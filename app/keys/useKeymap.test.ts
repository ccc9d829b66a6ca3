import { describe, expect, it } from 'vitest';
import { KeyHandlers } from './useKeymap.ts';

describe('KeyHandlers', () => {
  it('runs the newest registration of an intent, and the older again once the newer is gone', () => {
    const keys = new KeyHandlers();
    const ran: string[] = [];
    keys.on({ escape: () => void ran.push('page'), toggleSheet: () => void ran.push('sheet') });
    const off = keys.on({ escape: () => void ran.push('section') });
    expect(keys.run('escape')).toBe(true);
    expect(keys.run('toggleSheet')).toBe(true);
    off();
    keys.run('escape');
    expect(ran).toEqual(['section', 'sheet', 'page']);
  });

  it('reports a key as unused when no handler has it or the handler declines', () => {
    const keys = new KeyHandlers();
    expect(keys.run('labStep')).toBe(false);
    keys.on({ labStep: () => false });
    expect(keys.run('labStep')).toBe(false);
  });
});
