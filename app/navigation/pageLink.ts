import { queryFor } from '../shareQuery.ts';
import type { AppState } from '../store/store.ts';
import type { SectionId } from '../story/sections.ts';
import type { ViewId } from '../views.ts';

/** Where the page can go: a view and, in the story, a section. */
export interface Place {
  readonly view: ViewId;
  readonly section: SectionId;
}

/** The state a link to another place carries: the config and the page state besides the view. */
export type LinkState = Pick<
  AppState,
  'config' | 'view' | 'section' | 'presenting' | 'fullPanel' | 'hidden' | 'embedded' | 'locked' | 'linkTheme' | 'parallel'
>;

/**
 * The link to a place from the page as it is: the same config, presenter mode, hidden controls and `parallel`
 * override; the full-screen panel only when the place is this page (moving ends it). `path` stands for the
 * defaults (an empty query would link to the current address, not to the defaults).
 */
export function pageHref(s: LinkState, to: Place, path: string): string {
  const here = to.view === s.view && to.section === s.section;
  return (
    queryFor(to.view, s.config, s.parallel, to.section, {
      present: s.presenting,
      panel: here ? s.fullPanel : null,
      hide: s.hidden,
      embed: s.embedded,
      lock: s.locked,
      theme: s.linkTheme,
    }) || path
  );
}
