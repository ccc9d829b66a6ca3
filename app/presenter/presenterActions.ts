import type { PanelId } from '../linkUi.ts';
import { navigate } from '../navigation/navigate.ts';
import { useStore } from '../store/store.ts';
import { setFullPanel } from '../store/uiActions.ts';
import type { Slide } from './deck.ts';

/** Shows a slide as a new history entry, so Back returns to the previous one. */
export function showSlide(slide: Slide): void {
  navigate({ view: slide.view, ...(slide.section === null ? {} : { section: slide.section }) });
}

/** Whether a panel is on this page. */
function onPage(id: PanelId): boolean {
  return document.querySelector(`[data-panel="${id}"]`) !== null;
}

/** The panel F enlarges: the one last clicked or focused, if it is on screen, else the first on the page. */
function panelToEnlarge(): PanelId | null {
  const { focusPanel } = useStore.getState();
  if (focusPanel !== null && onPage(focusPanel)) return focusPanel;
  const first = document.querySelector('main [data-panel]')?.getAttribute('data-panel');
  return (first as PanelId | undefined) ?? null;
}

/** Toggles the full-screen panel (key F and each panel's button). */
export function toggleFullPanel(id: PanelId | null = panelToEnlarge()): void {
  // A full-screen panel that is not on this page (a link's, or one left behind) counts as none.
  const { fullPanel } = useStore.getState();
  setFullPanel(fullPanel !== null && onPage(fullPanel) ? null : id);
}
