import type { Config } from '../src/config/config.ts';
import { configToQuery } from '../src/config/url.ts';
import { DEFAULT_LINK_UI, LINK_VERSION, linkUiToQuery, type LinkUi } from './linkUi.ts';
import { FIRST_SECTION, type SectionId } from './story/sections.ts';
import { DEFAULT_VIEW, type ViewId } from './views.ts';

/**
 * The query string for a view (and, in the story, its section), config and page state ('' for the
 * defaults): the page's address, and its share link. Anything non-default starts with the link version.
 */
export function queryFor(view: ViewId, config: Config, parallel: string | null, section: SectionId = FIRST_SECTION, ui: LinkUi = DEFAULT_LINK_UI): string {
  const where = view === DEFAULT_VIEW ? '' : view === 'story' && section !== FIRST_SECTION ? `view=story&section=${section}` : `view=${view}`;
  const query = [where, configToQuery(config), linkUiToQuery(ui), parallel === null ? '' : `parallel=${parallel}`].filter(Boolean).join('&');
  return query ? `?v=${LINK_VERSION}&${query}` : '';
}
