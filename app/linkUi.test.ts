import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK_UI, HIDE_KEYS, linkUiFromQuery, linkUiToQuery, LOCK_KEYS, PANEL_IDS } from './linkUi.ts';

describe('the link page state', () => {
  it('reads presenter mode, the full-screen panel and the hidden controls', () => {
    expect(linkUiFromQuery('v=1&present=1&panel=curves&hide=controls,nav')).toEqual({
      ui: { ...DEFAULT_LINK_UI, present: true, panel: 'curves', hide: ['controls', 'nav'] },
      notices: [],
    });
    expect(linkUiFromQuery('')).toEqual({ ui: DEFAULT_LINK_UI, notices: [] });
  });

  it('drops bad values to their defaults, with a notice each', () => {
    const { ui, notices } = linkUiFromQuery('v=abc&present=yes&panel=%3Cscript%3E&hide=nav,everything');
    expect(ui).toEqual({ ...DEFAULT_LINK_UI, hide: ['nav'] });
    expect(notices).toHaveLength(4);
    expect(notices[0]).toMatch(/version "abc"/);
    expect(notices[1]).toMatch(/present="yes"/);
    expect(notices[2]).toMatch(/Unknown panel "<script>"/);
    expect(notices[3]).toMatch(/Cannot hide "everything"/);
  });

  it('warns when a link comes from a newer version, and still reads what it knows', () => {
    const { ui, notices } = linkUiFromQuery('v=7&present=1');
    expect(ui.present).toBe(true);
    expect(notices).toEqual([expect.stringMatching(/newer Shift Lab \(link version 7\)/)]);
  });

  it('reads an embedding: embed=1, locks by group or all, the theme; bad values dropped with a notice', () => {
    expect(linkUiFromQuery('embed=1&lock=run,data,run&theme=dark').ui).toEqual({ ...DEFAULT_LINK_UI, embed: true, lock: ['run', 'data'], theme: 'dark' });
    expect(linkUiFromQuery('lock=all').ui.lock).toEqual([...LOCK_KEYS]);
    expect(linkUiToQuery({ ...DEFAULT_LINK_UI, lock: [...LOCK_KEYS] })).toBe('lock=all');
    const { ui, notices } = linkUiFromQuery('embed=maybe&lock=run,storage&theme=neon');
    expect(ui).toEqual({ ...DEFAULT_LINK_UI, lock: ['run'] });
    expect(notices).toEqual([
      expect.stringMatching(/embed="maybe" is not 1 or 0/),
      expect.stringMatching(/Cannot lock "storage"/),
      expect.stringMatching(/theme="neon" is not light or dark/),
    ]);
  });

  it('writes defaults as nothing, and reads back what it writes', () => {
    expect(linkUiToQuery(DEFAULT_LINK_UI)).toBe('');
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.option(fc.constantFrom(...PANEL_IDS), { nil: null }),
        fc.subarray([...HIDE_KEYS]),
        fc.boolean(),
        fc.subarray([...LOCK_KEYS]),
        fc.option(fc.constantFrom('light' as const, 'dark' as const), { nil: null }),
        (present, panel, hide, embed, lock, theme) => {
          const ui = { present, panel, hide, embed, lock, theme };
          const back = linkUiFromQuery(linkUiToQuery(ui));
          expect(back.notices).toEqual([]);
          expect(back.ui).toEqual({
            present,
            panel,
            hide: HIDE_KEYS.filter((k) => hide.includes(k)),
            embed,
            lock: LOCK_KEYS.filter((k) => lock.includes(k)),
            theme,
          });
        },
      ),
    );
  });
});
