import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, parseView, VIEWS } from './views.ts';

describe('parseView', () => {
  it('accepts every known view and defaults silently when none is given', () => {
    for (const v of VIEWS) expect(parseView(v.id)).toEqual({ view: v.id, notice: null });
    expect(parseView(null)).toEqual({ view: DEFAULT_VIEW, notice: null });
  });

  it('falls back with a notice that quotes (and shortens) the bad value', () => {
    const r = parseView('<script>' + 'x'.repeat(100));
    expect(r.view).toBe(DEFAULT_VIEW);
    expect(r.notice).toMatch(/^Unknown view "<script>x+…"/);
    expect(r.notice!.length).toBeLessThan(120);
  });
});
