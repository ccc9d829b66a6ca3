import { z } from 'zod';
import { quoteText as quote, readLinkParams } from '../src/config/index.ts';

/**
 * The link's page state besides the config, view and section: its format version, presenter mode, the panel
 * shown full screen, and the classroom flags that hide controls. One zod schema per parameter reads it; a
 * bad value falls back to its default with a notice saying what was ignored and why.
 */

/** The version of the link format this page writes (`v=1`); a link without `v` is read as version 1. */
export const LINK_VERSION = 1;

/** Every panel that can be shown full screen (their `data-panel` ids). */
export const PANEL_IDS = [
  'curves',
  'histograms',
  'drift',
  'network',
  'landscape',
  'inference-probe',
  'lr-sweep',
  'bn-live',
  'bias',
  'inference',
  'scaling',
  'chain',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/**
 * What a classroom link can hide, as Playground's flags do: the section links, the story's contents, the
 * whole settings column, or one group of settings.
 */
export const HIDE_KEYS = ['nav', 'contents', 'controls', 'presets', 'variants', 'testtime', 'network', 'training', 'data', 'export'] as const;
export type HideKey = (typeof HIDE_KEYS)[number];

export interface LinkUi {
  readonly present: boolean;
  readonly panel: PanelId | null;
  readonly hide: readonly HideKey[];
}

export const DEFAULT_LINK_UI: LinkUi = { present: false, panel: null, hide: [] };

/** The query keys read here (the config reader skips them). */
export const LINK_UI_KEYS = ['v', 'present', 'panel', 'hide'] as const;

const versionSchema = z.coerce.number().int().positive();
const presentSchema = z.enum(['1', '0', 'true', 'false']).transform((t) => t === '1' || t === 'true');
const panelSchema = z.enum(PANEL_IDS);
const hideSchema = z.enum(HIDE_KEYS);

/**
 * Reads the page state from a query string: valid parts kept, the rest dropped with a notice each. A repeated
 * key takes its last value, as every link parameter does.
 */
export function linkUiFromQuery(query: string): { ui: LinkUi; notices: string[] } {
  const { params } = readLinkParams(query);
  const notices: string[] = [];
  const v = params.get('v');
  if (v !== null) {
    const version = versionSchema.safeParse(v);
    if (!version.success) notices.push(`Link version ${quote(v)} is not a number; reading it as version ${LINK_VERSION}.`);
    else if (version.data > LINK_VERSION)
      notices.push(`This link was made by a newer Shift Lab (link version ${version.data}); settings this version does not know are ignored.`);
  }
  let present = false;
  const presentText = params.get('present');
  if (presentText !== null) {
    const parsed = presentSchema.safeParse(presentText);
    if (parsed.success) present = parsed.data;
    else notices.push(`present=${quote(presentText)} is not 1 or 0; presenter mode stays off.`);
  }
  let panel: PanelId | null = null;
  const panelText = params.get('panel');
  if (panelText !== null) {
    const parsed = panelSchema.safeParse(panelText);
    if (parsed.success) panel = parsed.data;
    else notices.push(`Unknown panel ${quote(panelText)} in the link; no panel is shown full screen.`);
  }
  const hide: HideKey[] = [];
  const hideText = params.get('hide');
  if (hideText !== null) {
    const unknown: string[] = [];
    for (const part of hideText.split(',').filter(Boolean)) {
      const parsed = hideSchema.safeParse(part);
      if (parsed.success) {
        if (!hide.includes(parsed.data)) hide.push(parsed.data);
      } else unknown.push(part);
    }
    if (unknown.length > 0) notices.push(`Cannot hide ${unknown.map(quote).join(', ')}: the link can hide ${HIDE_KEYS.join(', ')}.`);
  }
  return { ui: { present, panel, hide }, notices };
}

/** The query-string form (defaults omitted; hidden groups in a fixed order so equal states give equal links). */
export function linkUiToQuery(ui: LinkUi): string {
  const parts: string[] = [];
  if (ui.present) parts.push('present=1');
  if (ui.panel !== null) parts.push(`panel=${ui.panel}`);
  if (ui.hide.length > 0) parts.push(`hide=${HIDE_KEYS.filter((k) => ui.hide.includes(k)).join(',')}`);
  return parts.join('&');
}
