import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import { initialState, updateConfig, useStore } from '../store/store.ts';
import { navigate } from './navigate.ts';
import { pageHref, type LinkState } from './pageLink.ts';

const base: LinkState = { ...initialState(DEFAULT_CONFIG), view: 'story', section: 'shift', parallel: '0' };

describe('pageHref', () => {
  it('keeps the parallel override, the config and the page state in a story section link', () => {
    const s: LinkState = { ...base, config: { ...DEFAULT_CONFIG, seed: 7 }, hidden: ['nav'] };
    const href = new URLSearchParams(pageHref(s, { view: 'story', section: 'bias' }, '/'));
    expect(href.get('view')).toBe('story');
    expect(href.get('section')).toBe('bias');
    expect(href.get('parallel')).toBe('0');
    expect(href.get('seed')).toBe('7');
    expect(href.get('hide')).toBe('nav');
  });

  it('carries the full-screen panel only to the page it is on, since moving ends it', () => {
    const s: LinkState = { ...base, view: 'lab', fullPanel: 'drift' };
    expect(pageHref(s, { view: 'lab', section: 'shift' }, '/')).toMatch(/panel=drift/);
    expect(pageHref(s, { view: 'scaling', section: 'shift' }, '/')).not.toMatch(/panel=/);
  });

  it('links the defaults by the path, not by an empty href (which would mean the current address)', () => {
    const s: LinkState = { ...base, section: 'opening', parallel: null };
    expect(pageHref(s, { view: 'story', section: 'opening' }, '/shift-lab/')).toBe('/shift-lab/');
  });
});

describe('navigate', () => {
  const pushState = vi.fn();
  const scrollTo = vi.fn();
  beforeEach(() => {
    useStore.setState({ ...initialState(DEFAULT_CONFIG), view: 'story', section: 'shift', parallel: '1', fullPanel: 'chain' });
    vi.stubGlobal('history', { pushState });
    vi.stubGlobal('location', { pathname: '/' });
    vi.stubGlobal('window', { scrollTo });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    pushState.mockReset();
  });

  it('pushes a link made from the current state, then shows the place and ends full screen', () => {
    updateConfig({ seed: 5 });
    navigate({ section: 'bias' });
    expect(pushState).toHaveBeenCalledTimes(1);
    const pushed = new URLSearchParams(String(pushState.mock.calls[0][2]));
    expect([pushed.get('view'), pushed.get('section'), pushed.get('parallel'), pushed.get('seed'), pushed.get('panel')]).toEqual([
      'story',
      'bias',
      '1',
      '5',
      null,
    ]);
    const s = useStore.getState();
    expect([s.view, s.section, s.fullPanel]).toEqual(['story', 'bias', null]);
    expect(scrollTo).toHaveBeenCalled();
  });

  it('adds no history entry when the place does not change', () => {
    navigate({ view: 'story' });
    expect(pushState).not.toHaveBeenCalled();
    expect(useStore.getState().fullPanel).toBe('chain');
  });
});
