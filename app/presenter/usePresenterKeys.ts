import { useEffect } from 'react';
import { queryFor } from '../shareQuery.ts';
import { linkUiOf, updateConfig, useStore } from '../store/store.ts';
import type { PanelId } from '../linkUi.ts';
import { flipPlacements, neighbourSlide, VARIANT_LAYOUTS, type Slide } from './deck.ts';

/** Whether a key press is typing into a field (buttons do not count: P or F on a focused button still works). */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
}

/** Shows a slide as a new history entry, so Back returns to the previous one. */
export function showSlide(slide: Slide): void {
  const s = useStore.getState();
  const section = slide.section ?? s.section;
  history.pushState(null, '', queryFor(slide.view, s.config, new URLSearchParams(location.search).get('parallel'), section, linkUiOf(s)) || location.pathname);
  useStore.setState({ view: slide.view, section, fullPanel: null });
  window.scrollTo({ top: 0 });
}

/** The panel F enlarges: the one last clicked or focused, if it is on screen, else the first on the page. */
function panelToEnlarge(): PanelId | null {
  const { focusPanel } = useStore.getState();
  if (focusPanel !== null && document.querySelector(`[data-panel="${focusPanel}"]`)) return focusPanel;
  const first = document.querySelector('main [data-panel]')?.getAttribute('data-panel');
  return (first as PanelId | undefined) ?? null;
}

/** Toggles the full-screen panel (key F and each panel's button). */
export function toggleFullPanel(id: PanelId | null = panelToEnlarge()): void {
  // A full-screen panel that is not on this page (a link's, or one left behind) counts as none.
  const shown = (s: { fullPanel: PanelId | null }) => s.fullPanel !== null && document.querySelector(`[data-panel="${s.fullPanel}"]`) !== null;
  useStore.setState((s) => ({ fullPanel: shown(s) ? null : id }));
}

/**
 * The presenter's keys. Anywhere: P toggles presenter mode, F the focused panel full screen, ? the shortcut
 * sheet, Esc leaves the innermost of these. In presenter mode: ← and → move through the talk, B moves every
 * normalization across its activation, 1/2/3 pick two, three or four variants. (Space, "." and R are the
 * run bar's.)
 */
export function usePresenterKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A control that used the key (the contour plot's start point takes the arrows) keeps it. Esc types
      // nothing, so it works from a field too (closing the shortcut sheet returns focus to one).
      const key = e.key;
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || (typing(e.target) && key !== 'Escape')) return;
      const s = useStore.getState();
      // Behind the open shortcut sheet nothing else acts; ? and Esc close it.
      if (s.sheetOpen && key !== '?' && key !== 'Escape') return;
      if (key === 'Escape') {
        if (s.sheetOpen) useStore.setState({ sheetOpen: false });
        else if (s.fullPanel !== null) useStore.setState({ fullPanel: null });
        else if (s.presenting) useStore.setState({ presenting: false });
        return;
      }
      if (key === 'p' || key === 'P') useStore.setState({ presenting: !s.presenting, fullPanel: null });
      else if (key === 'f' || key === 'F') toggleFullPanel();
      else if (key === '?') useStore.setState({ sheetOpen: !s.sheetOpen });
      else if (!s.presenting) return;
      else if (key === 'ArrowRight' || key === 'ArrowLeft') {
        const to = neighbourSlide(s.view, s.section, key === 'ArrowRight' ? 1 : -1);
        if (to !== null) showSlide(to);
      } else if (key === 'b' || key === 'B') updateConfig({ variants: flipPlacements(s.config.variants) });
      else if (key === '1' || key === '2' || key === '3') updateConfig({ variants: [...VARIANT_LAYOUTS[Number(key) - 1]] });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
