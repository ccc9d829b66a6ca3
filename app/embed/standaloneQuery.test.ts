import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import { initialState } from '../store/store.ts';
import { standaloneQuery } from './OpenInLab.tsx';

describe('standaloneQuery', () => {
  it('opens the same view, panel, config, flags and theme whole: without the embedding and the locks', () => {
    const s = {
      ...initialState({ ...DEFAULT_CONFIG, lr: 0.25 }),
      view: 'lab' as const,
      fullPanel: 'curves' as const,
      hidden: ['nav' as const],
      embedded: true,
      locked: ['run' as const, 'data' as const],
      linkTheme: 'dark' as const,
      parallel: '0',
    };
    expect(standaloneQuery(s)).toBe('?v=1&view=lab&lr=0.25&panel=curves&hide=nav&theme=dark&parallel=0');
  });

  it('keeps the story section an embedded section names', () => {
    const s = { ...initialState(), view: 'story' as const, section: 'rates' as const, embedded: true, locked: ['run' as const] };
    expect(standaloneQuery(s)).toBe('?v=1&view=story&section=rates');
  });
});
