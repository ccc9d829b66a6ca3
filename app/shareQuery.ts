import type { Config } from '../src/config/config.ts';
import { configToQuery } from '../src/config/url.ts';
import { FIRST_SECTION, type SectionId } from './story/sections.ts';
import { DEFAULT_VIEW, type ViewId } from './views.ts';

/**
 * The query string for a view (and, in the story, its section) and config ('' for the defaults): the
 * page's address, and its share link.
 */
export function queryFor(view: ViewId, config: Config, parallel: string | null, section: SectionId = FIRST_SECTION): string {
  const where = view === DEFAULT_VIEW ? '' : view === 'story' && section !== FIRST_SECTION ? `view=story&section=${section}` : `view=${view}`;
  const query = [where, configToQuery(config), parallel === null ? '' : `parallel=${parallel}`].filter(Boolean).join('&');
  return query ? `?${query}` : '';
}
