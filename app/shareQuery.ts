import type { Config } from '../src/config/config.ts';
import { configToQuery } from '../src/config/url.ts';
import { DEFAULT_VIEW, type ViewId } from './views.ts';

/** The query string for a view and config ('' for the defaults): the page's address, and its share link. */
export function queryFor(view: ViewId, config: Config, parallel: string | null): string {
  const query = [view === DEFAULT_VIEW ? '' : `view=${view}`, configToQuery(config), parallel === null ? '' : `parallel=${parallel}`].filter(Boolean).join('&');
  return query ? `?${query}` : '';
}
