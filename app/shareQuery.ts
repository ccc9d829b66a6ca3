import { configToQuery, type Config } from '../src/config/index.ts';
import { DEFAULT_LINK_UI, LINK_VERSION, linkUiToQuery, type LinkUi } from './linkUi.ts';
import { scalingToQuery } from './scaling/scalingQuery.ts';
import { useScalingStore } from './scaling/scalingStore.ts';
import { linkUiOf, type AppState } from './store/store.ts';
import { FIRST_SECTION, type SectionId } from './story/sections.ts';
import type { ViewId } from './views.ts';

/**
 * The query string for a view (and, in the story, its section), config and page state ('' for the
 * defaults): the page's address, and its share link. Anything non-default starts with the link version.
 */
export function queryFor(
  view: ViewId,
  config: Config,
  parallel: string | null,
  section: SectionId = FIRST_SECTION,
  ui: LinkUi = DEFAULT_LINK_UI,
  scaling = '',
): string {
  const rest = [configToQuery(config), scaling, linkUiToQuery(ui), parallel === null ? '' : `parallel=${parallel}`].filter(Boolean);
  // A link with settings but no view opens the lab (a preset or config link), so the story names itself then.
  const where = view !== 'story' ? `view=${view}` : section !== FIRST_SECTION ? `view=story&section=${section}` : rest.length > 0 ? 'view=story' : '';
  const query = [where, ...rest].filter(Boolean).join('&');
  return query ? `?v=${LINK_VERSION}&${query}` : '';
}

/**
 * The whole page's link: view, section, config, page state and, where the feature-scaling lab shows (its
 * view, or the story's first section), that lab's settings.
 */
export function pageQuery(s: AppState, parallel: string | null): string {
  const scalingShown = s.view === 'scaling' || (s.view === 'story' && s.section === 'scaling');
  return queryFor(s.view, s.config, parallel, s.section, linkUiOf(s), scalingShown ? scalingToQuery(useScalingStore.getState()) : '');
}
