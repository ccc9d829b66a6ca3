import { useStore } from '../store/store.ts';
import { showPage } from '../store/uiActions.ts';
import { pageHref, type LinkState, type Place } from './pageLink.ts';

/**
 * Every change of view or section: a new history entry (so Back returns; only when the place changes), the
 * store's view and section, and the top of the page. Unnamed parts stay as they are.
 */
export function navigate(to: Partial<Place>): void {
  const s = useStore.getState();
  const place = { view: to.view ?? s.view, section: to.section ?? s.section };
  if (place.view !== s.view || place.section !== s.section) history.pushState(null, '', pageHref(s, place, location.pathname));
  showPage(place.view, place.section);
  window.scrollTo({ top: 0 });
}

/** The link to a place, derived in render from the current state (it follows every change of it). */
export function useHref(to: Place): string {
  const s: LinkState = {
    config: useStore((st) => st.config),
    view: useStore((st) => st.view),
    section: useStore((st) => st.section),
    presenting: useStore((st) => st.presenting),
    fullPanel: useStore((st) => st.fullPanel),
    hidden: useStore((st) => st.hidden),
    embedded: useStore((st) => st.embedded),
    locked: useStore((st) => st.locked),
    linkTheme: useStore((st) => st.linkTheme),
    parallel: useStore((st) => st.parallel),
  };
  return pageHref(s, to, location.pathname);
}

/** A link's click: a plain left click navigates in place; a modified or middle click keeps the browser's own (a new tab). */
export function onLinkClick(
  to: Partial<Place>,
): (e: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; button: number; preventDefault(): void }) => void {
  return (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
}
