import { DEFAULT_LINK_UI } from './linkUi.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../src/config/index.ts';
import { queryFor } from './shareQuery.ts';

describe('queryFor', () => {
  it('omits defaults and keeps the view, the changed config and the parallel flag, after the link version', () => {
    expect(queryFor('story', DEFAULT_CONFIG, null)).toBe('');
    expect(queryFor('lab', DEFAULT_CONFIG, null)).toBe('?v=1&view=lab');
    expect(queryFor('lab', { ...DEFAULT_CONFIG, lr: 0.25 }, null)).toBe('?v=1&view=lab&lr=0.25');
    expect(queryFor('scaling', DEFAULT_CONFIG, null)).toBe('?v=1&view=scaling');
    expect(queryFor('chain', { ...DEFAULT_CONFIG, lr: 0.25 }, '1')).toBe('?v=1&view=chain&lr=0.25&parallel=1');
  });

  it('names the story when it carries settings, since a link with settings and no view opens the lab', () => {
    expect(queryFor('story', { ...DEFAULT_CONFIG, lr: 0.25 }, null)).toBe('?v=1&view=story&lr=0.25');
    expect(queryFor('story', DEFAULT_CONFIG, null, 'shift')).toBe('?v=1&view=story&section=shift');
  });

  it('carries presenter mode, the full-screen panel and the classroom flags', () => {
    expect(queryFor('story', DEFAULT_CONFIG, null, 'bias', { ...DEFAULT_LINK_UI, present: true, panel: 'bias', hide: ['nav', 'controls'] })).toBe(
      '?v=1&view=story&section=bias&present=1&panel=bias&hide=nav,controls',
    );
  });

  it('carries the embedding, the locks and the theme', () => {
    expect(queryFor('lab', DEFAULT_CONFIG, null, 'opening', { ...DEFAULT_LINK_UI, panel: 'curves', embed: true, lock: ['run', 'data'], theme: 'dark' })).toBe(
      '?v=1&view=lab&panel=curves&embed=1&lock=run,data&theme=dark',
    );
  });
});
