import { DEFAULT_LINK_UI } from '../linkUi.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/index.ts';
import { initialState, useStore } from './store.ts';
import { leaveInnermost, openPage, setQrOpen, showPage, stopPresenting, togglePresenting, toggleQr } from './uiActions.ts';

describe('ui actions', () => {
  beforeEach(() => useStore.setState(initialState(DEFAULT_CONFIG)));

  it('Esc closes the sheet, then the full-screen panel, then presenter mode, one at a time', () => {
    useStore.setState({ sheetOpen: true, fullPanel: 'drift', presenting: true });
    const open = () => {
      const s = useStore.getState();
      return [s.sheetOpen, s.fullPanel, s.presenting];
    };
    expect(leaveInnermost()).toBe(true);
    expect(open()).toEqual([false, 'drift', true]);
    expect(leaveInnermost()).toBe(true);
    expect(open()).toEqual([false, null, true]);
    expect(leaveInnermost()).toBe(true);
    expect(open()).toEqual([false, null, false]);
    expect(leaveInnermost()).toBe(false);
  });

  it('the QR code opens in presenter mode only, closes the sheet it is opened from, and Esc closes it before full screen', () => {
    toggleQr();
    expect(useStore.getState().qrOpen).toBe(false);
    useStore.setState({ presenting: true, sheetOpen: true, fullPanel: 'curves' });
    toggleQr();
    expect(useStore.getState()).toMatchObject({ qrOpen: true, sheetOpen: false });
    expect(leaveInnermost()).toBe(true);
    expect(useStore.getState()).toMatchObject({ qrOpen: false, fullPanel: 'curves', presenting: true });
    setQrOpen(true);
    stopPresenting();
    expect(useStore.getState()).toMatchObject({ qrOpen: false, presenting: false });
  });

  it('moving to another view or section ends full screen; staying does not', () => {
    useStore.setState({ view: 'lab', fullPanel: 'curves' });
    showPage('lab', useStore.getState().section);
    expect(useStore.getState().fullPanel).toBe('curves');
    showPage('scenarios', useStore.getState().section);
    expect(useStore.getState()).toMatchObject({ view: 'scenarios', fullPanel: null });
  });

  it('P toggles presenter mode and leaves full screen', () => {
    useStore.setState({ fullPanel: 'curves' });
    togglePresenting();
    expect(useStore.getState()).toMatchObject({ presenting: true, fullPanel: null });
    togglePresenting();
    expect(useStore.getState().presenting).toBe(false);
  });

  it('opens the page at what its link says, parallel override included', () => {
    openPage({
      config: { ...DEFAULT_CONFIG, seed: 4 },
      view: 'story',
      section: 'bias',
      ui: { ...DEFAULT_LINK_UI, present: true, panel: 'bias', hide: ['nav'] },
      parallel: '0',
    });
    expect(useStore.getState()).toMatchObject({ view: 'story', section: 'bias', presenting: true, fullPanel: 'bias', hidden: ['nav'], parallel: '0' });
    expect(useStore.getState().config.seed).toBe(4);
  });
});
