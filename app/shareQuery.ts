import { configToQuery, type Config } from '../src/config/index.ts';
import { compactConfigQuery } from '../src/experiment/index.ts';
import { DEFAULT_LINK_UI, LINK_VERSION, linkUiToQuery, type LinkUi } from './linkUi.ts';
import { scalingToQuery } from './scaling/scalingQuery.ts';
import { useScalingStore } from './scaling/scalingStore.ts';
import { linkUiOf, type AppState } from './store/store.ts';
import { FIRST_SECTION, type SectionId } from './story/sections.ts';
import type { ViewId } from './views.ts';

/**
 * The query string for a view (and, in the story, its section), config and page state ('' for the
 * defaults): the page's address. Anything non-default starts with the link version.
 */
export function queryFor(
  view: ViewId,
  config: Config,
  parallel: string | null,
  section: SectionId = FIRST_SECTION,
  ui: LinkUi = DEFAULT_LINK_UI,
  scaling = '',
): string {
  return queryWith(view, configToQuery(config), parallel, section, ui, scaling);
}

/** queryFor with the config already in its query form (every field, or the compact preset form). */
function queryWith(view: ViewId, configText: string, parallel: string | null, section: SectionId, ui: LinkUi, scaling: string): string {
  const rest = [configText, scaling, linkUiToQuery(ui), parallel === null ? '' : `parallel=${parallel}`].filter(Boolean);
  // A link with settings but no view opens the lab (a preset or config link), so the story names itself then.
  const where = view !== 'story' ? `view=${view}` : section !== FIRST_SECTION ? `view=story&section=${section}` : rest.length > 0 ? 'view=story' : '';
  const query = [where, ...rest].filter(Boolean).join('&');
  return query ? `?v=${LINK_VERSION}&${query}` : '';
}

/** Whether the feature-scaling lab shows (its view, or the story's first section), so the link carries its settings. */
function scalingQueryOf(s: AppState): string {
  const shown = s.view === 'scaling' || (s.view === 'story' && s.section === 'scaling');
  return shown ? scalingToQuery(useScalingStore.getState()) : '';
}

/**
 * The whole page's link: view, section, config, page state and, where the feature-scaling lab shows (its
 * view, or the story's first section), that lab's settings.
 */
export function pageQuery(s: AppState, parallel: string | null): string {
  return queryFor(s.view, s.config, parallel, s.section, linkUiOf(s), scalingQueryOf(s));
}

/**
 * The link the page hands out (Copy link, the class's QR code): pageQuery's page, with the config in its
 * compact form (a preset and what differs from it, when shorter), so the QR code stays small. `forClass`
 * leaves presenter mode out: the students' phones open the page itself, not the talk.
 */
export function shareQuery(s: AppState, parallel: string | null, forClass = false): string {
  const ui = forClass ? { ...linkUiOf(s), present: false } : linkUiOf(s);
  return queryWith(s.view, compactConfigQuery(s.config), parallel, s.section, ui, scalingQueryOf(s));
}

/** The share link as an absolute address on this page's origin and path. */
export function shareLink(s: AppState, forClass = false): string {
  return `${location.origin}${location.pathname}${shareQuery(s, s.parallel, forClass)}`;
}

/** A link as it is read aloud or typed: without its scheme, and with the commas its lists are written with. */
export function readableLink(link: string): string {
  return link.replace(/^https?:\/\//, '').replace(/%2C/gi, ',');
}
