import { presetWatch } from '../src/claims/index.ts';
import { DEFAULT_CONFIG, quoteText, readLinkParams, parseConfig, partialFromQuery, type Config } from '../src/config/index.ts';
import { findPreset } from '../src/experiment/index.ts';
import { linkUiFromQuery, LINK_UI_KEYS, type LinkUi } from './linkUi.ts';
import { QA_KEYS } from './qa.ts';
import { scalingFromQuery, SCALING_KEYS } from './scaling/scalingQuery.ts';
import type { ScalingState } from './scaling/scalingStore.ts';
import type { NoticeKey } from './store/notices.ts';
import { parseSection, type SectionId } from './story/sections.ts';
import { parseView, type ViewId } from './views.ts';

/** A message the link's reading produced, as `notify` takes it. */
export interface LinkNotice {
  readonly text: string;
  readonly kind: 'info' | 'warning';
  readonly key?: NoticeKey;
}

/** Everything a page opened from a link starts with, and a notice for each value it ignored, clamped or chose. */
export interface LinkStart {
  readonly config: Config;
  readonly view: ViewId;
  readonly section: SectionId;
  readonly ui: LinkUi;
  readonly scaling: ScalingState;
  /** `parallel=1` / `0`, or null to choose by the number of cores. */
  readonly parallel: '1' | '0' | null;
  readonly notices: readonly LinkNotice[];
}

/**
 * Reads a page link (`?preset=NAME` starts from a preset, other fields override it). Every parameter follows
 * one rule for a repeated key (the last value wins), and every value that is dropped or moved gets a notice
 * saying what was ignored and what is used instead.
 */
export function readLink(query: string): LinkStart {
  const { params, notices: repeats } = readLinkParams(query);
  const presetName = params.get('preset');
  const preset = presetName === null ? undefined : findPreset(presetName);
  const fromUrl = partialFromQuery(query, ['preset', 'parallel', 'view', 'section', ...LINK_UI_KEYS, ...SCALING_KEYS, ...QA_KEYS]);
  const scaling = scalingFromQuery(query);
  const linkUi = linkUiFromQuery(query);
  // A link with a preset or settings but no view is a lab link (the gallery's and older links); a bare address opens the story.
  const labLink = params.get('view') === null && (presetName !== null || Object.keys(fromUrl.partial).length > 0);
  const view = labLink ? { view: 'lab' as const, notice: null } : parseView(params.get('view'));
  const start = parseConfig({ ...(preset?.config ?? {}), ...fromUrl.partial }, DEFAULT_CONFIG);
  const section = parseSection(params.get('section'));
  const parallelText = params.get('parallel');
  const parallel = parallelText === '1' || parallelText === '0' ? parallelText : null;

  const notices: LinkNotice[] = [];
  const warn = (text: string) => notices.push({ text, kind: 'warning' });
  for (const text of repeats) warn(`Link: ${text}`);
  if (view.notice !== null) warn(view.notice);
  if (section.notice !== null) warn(section.notice);
  for (const text of [...linkUi.notices, ...scaling.notices]) warn(text);
  if (parallelText !== null && parallel === null) warn(`parallel=${quoteText(parallelText)} is not 1 or 0; choosing by the number of cores.`);
  if (presetName !== null && preset === undefined) warn(`Unknown preset ${quoteText(presetName)} in the link; using the defaults.`);
  // A scenario link says what to watch, as the gallery's button does.
  if (preset !== undefined) notices.push({ text: `${preset.title}: ${presetWatch(preset)}`, kind: 'info', key: 'preset' });
  for (const n of [...fromUrl.notices, ...start.notices]) warn(`Link: ${n.message}`);
  return { config: start.config, view: view.view, section: section.section, ui: linkUi.ui, scaling: scaling.state, parallel, notices };
}
