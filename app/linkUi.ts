import { z } from 'zod';
import { quoteText as quote, readLinkParams } from '../src/config/index.ts';
import type { Theme } from './viz/palette.ts';

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

/**
 * What an embedding page can lock (`lock=…`, or `lock=all`): the run's buttons and keys, or one group of
 * settings. A locked control shows, disabled, so an exercise stays on its point.
 */
export const LOCK_KEYS = ['run', 'presets', 'variants', 'testtime', 'network', 'training', 'data'] as const;
export type LockKey = (typeof LOCK_KEYS)[number];

export interface LinkUi {
  readonly present: boolean;
  readonly panel: PanelId | null;
  readonly hide: readonly HideKey[];
  /** `embed=1`: only the view's demo, sized to its frame (slides, course pages). */
  readonly embed: boolean;
  readonly lock: readonly LockKey[];
  /** `theme=light|dark`: the link's theme, over the reader's stored choice and the system's (null: theirs). */
  readonly theme: Theme | null;
}

export const DEFAULT_LINK_UI: LinkUi = { present: false, panel: null, hide: [], embed: false, lock: [], theme: null };

/** The query keys read here (the config reader skips them). */
export const LINK_UI_KEYS = ['v', 'present', 'panel', 'hide', 'embed', 'lock', 'theme'] as const;

const versionSchema = z.coerce.number().int().positive();
const flagSchema = z.enum(['1', '0', 'true', 'false']).transform((t) => t === '1' || t === 'true');
const panelSchema = z.enum(PANEL_IDS);
const hideSchema = z.enum(HIDE_KEYS);
const lockSchema = z.enum(LOCK_KEYS);
const themeSchema = z.enum(['light', 'dark']);

/** A comma-separated list of known keys: the known ones in order without repeats, and the unknown ones. */
function readList<K extends string>(text: string, schema: z.ZodType<K>): { keys: K[]; unknown: string[] } {
  const keys: K[] = [];
  const unknown: string[] = [];
  for (const part of text.split(',').filter(Boolean)) {
    const parsed = schema.safeParse(part);
    if (!parsed.success) unknown.push(part);
    else if (!keys.includes(parsed.data)) keys.push(parsed.data);
  }
  return { keys, unknown };
}

/** A 1/0 flag, or false with a notice. */
function readFlag(params: URLSearchParams, key: string, off: string, notices: string[]): boolean {
  const text = params.get(key);
  if (text === null) return false;
  const parsed = flagSchema.safeParse(text);
  if (parsed.success) return parsed.data;
  notices.push(`${key}=${quote(text)} is not 1 or 0; ${off}.`);
  return false;
}

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
  const present = readFlag(params, 'present', 'presenter mode stays off', notices);
  const embed = readFlag(params, 'embed', 'the page shows whole, not embedded', notices);
  let panel: PanelId | null = null;
  const panelText = params.get('panel');
  if (panelText !== null) {
    const parsed = panelSchema.safeParse(panelText);
    if (parsed.success) panel = parsed.data;
    else notices.push(`Unknown panel ${quote(panelText)} in the link; no panel is shown full screen.`);
  }
  const hideList = readList(params.get('hide') ?? '', hideSchema);
  if (hideList.unknown.length > 0) notices.push(`Cannot hide ${hideList.unknown.map(quote).join(', ')}: the link can hide ${HIDE_KEYS.join(', ')}.`);
  const lockText = params.get('lock') ?? '';
  const lockList = lockText === 'all' ? { keys: [...LOCK_KEYS], unknown: [] } : readList(lockText, lockSchema);
  if (lockList.unknown.length > 0) notices.push(`Cannot lock ${lockList.unknown.map(quote).join(', ')}: the link can lock ${LOCK_KEYS.join(', ')}, or all.`);
  let theme: Theme | null = null;
  const themeText = params.get('theme');
  if (themeText !== null) {
    const parsed = themeSchema.safeParse(themeText);
    if (parsed.success) theme = parsed.data;
    else notices.push(`theme=${quote(themeText)} is not light or dark; using the reader's theme.`);
  }
  return { ui: { present, panel, hide: hideList.keys, embed, lock: lockList.keys, theme }, notices };
}

/** The query-string form (defaults omitted; hidden groups in a fixed order so equal states give equal links). */
export function linkUiToQuery(ui: LinkUi): string {
  const parts: string[] = [];
  if (ui.present) parts.push('present=1');
  if (ui.panel !== null) parts.push(`panel=${ui.panel}`);
  if (ui.hide.length > 0) parts.push(`hide=${HIDE_KEYS.filter((k) => ui.hide.includes(k)).join(',')}`);
  if (ui.embed) parts.push('embed=1');
  if (ui.lock.length === LOCK_KEYS.length) parts.push('lock=all');
  else if (ui.lock.length > 0) parts.push(`lock=${LOCK_KEYS.filter((k) => ui.lock.includes(k)).join(',')}`);
  if (ui.theme !== null) parts.push(`theme=${ui.theme}`);
  return parts.join('&');
}
