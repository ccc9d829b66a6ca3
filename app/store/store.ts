import { create } from 'zustand';
import { DEFAULT_CONFIG, changedFields, LIVE_FIELDS, needsReset, parseConfig, type Config } from '../../src/config/index.ts';
import type { WorkSlice } from '../../src/experiment/index.ts';
import type { Placement } from '../../src/engine/index.ts';
import type { RunShape, RunStatus, Speed } from '../../src/worker/index.ts';
import { FIRST_SECTION, type SectionId } from '../story/sections.ts';
import type { HideKey, LinkUi, LockKey, PanelId } from '../linkUi.ts';
import type { Theme } from '../viz/palette.ts';
import { DEFAULT_VIEW, type ViewId } from '../views.ts';
import { addNotice, type Notice, type NoticeKey } from './notices.ts';

export type { Notice, NoticeKey } from './notices.ts';

/** Each variant's latest scalars: the big live numbers. */
export interface VariantLive {
  readonly name: string;
  readonly placement: Placement;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly testAcc: number;
  readonly divergedAt: number;
  /** Milliseconds the latest landscape probe took (NaN without probes). */
  readonly probeMs: number;
  /** Milliseconds the latest inference probe took (NaN without). */
  readonly inferMs: number;
}

/** Where the current config came from: the page (user, URL, preset) or the worker (after a fallback or new seed). */
export type ConfigSource = 'page' | 'worker';

/** The config slice: the one serializable config (its serialized form is the URL) and who set it last. */
export interface ConfigSlice {
  config: Config;
  configSource: ConfigSource;
}

/** The run slice: what the trainer reports (status, step, steps/s, the run's shape, the latest scalars). */
export interface RunSlice {
  status: RunStatus;
  runId: number;
  step: number;
  stepsPerSecond: number;
  shape: RunShape | null;
  loading: { loaded: number; total: number | null } | null;
  live: readonly VariantLive[];
  /** What a trainer busy in a long step (or building, or replaying) last said it was doing, or null. */
  work: { readonly phase: WorkSlice['phase']; readonly variant: number } | null;
  /** Why the trainer stays stopped (replaced too often), or null while it runs: the controls are off then. */
  stopped: string | null;
}

/**
 * The ui slice: what the page shows. (The tracked layer and unit live in the config, because links carry
 * them and the worker measures them.)
 */
export interface UiSlice {
  view: ViewId;
  /** The story section shown when the view is the story. */
  section: SectionId;
  speed: Speed;
  logLoss: boolean;
  /** Time charts' step axis on a log scale, so the early phase keeps its room in a long run. */
  logSteps: boolean;
  /** The page's color theme (the toggle's choice, else the system's). */
  theme: Theme;
  /** Presenter mode: one section per screen, large type, the demo large. */
  presenting: boolean;
  /** The panel shown full screen (F), if any. */
  fullPanel: PanelId | null;
  /** The panel the reader last clicked or tabbed into: what F enlarges. */
  focusPanel: PanelId | null;
  /** Controls a classroom link hides. */
  hidden: readonly HideKey[];
  /** `embed=1`: the page is a view's demo in someone's slide or course page (no masthead or settings column). */
  embedded: boolean;
  /** Controls an embedding link locks (shown, disabled). */
  locked: readonly LockKey[];
  /** The theme the link names (kept in the links the page makes), or null for the reader's own. */
  linkTheme: Theme | null;
  /** Whether the keyboard shortcut sheet is open. */
  sheetOpen: boolean;
  /** Whether presenter mode shows the class a QR code of the page's link (Q). */
  qrOpen: boolean;
  notices: readonly Notice[];
  /** The id the next notice gets. */
  nextNoticeId: number;
  /** The link's `parallel` override (one worker per variant or not), carried by every link the page makes. */
  parallel: string | null;
}

/** The whole store: zustand's slices pattern, one flat state made of the three slices. */
export type AppState = ConfigSlice & RunSlice & UiSlice;

/** The config slice for a config. */
function configSlice(config: Config): ConfigSlice {
  return { config, configSource: 'page' };
}

/** The run slice before the trainer has said anything. */
function runSlice(): RunSlice {
  return { status: 'loading', runId: 0, step: 0, stepsPerSecond: 0, shape: null, loading: null, live: [], work: null, stopped: null };
}

/** The ui slice's defaults. */
function uiSlice(): UiSlice {
  return {
    view: DEFAULT_VIEW,
    section: FIRST_SECTION,
    speed: 'max',
    logLoss: true,
    logSteps: true,
    theme: 'light',
    presenting: false,
    fullPanel: null,
    focusPanel: null,
    hidden: [],
    embedded: false,
    locked: [],
    linkTheme: null,
    sheetOpen: false,
    qrOpen: false,
    notices: [],
    nextNoticeId: 1,
    parallel: null,
  };
}

/** The initial state for a config. */
export function initialState(config: Config = DEFAULT_CONFIG): AppState {
  return { ...configSlice(config), ...runSlice(), ...uiSlice() };
}

export const useStore = create<AppState>(() => initialState());

/** The part of the state a link carries besides the config, view and section. */
export function linkUiOf(s: AppState): LinkUi {
  return { present: s.presenting, panel: s.fullPanel, hide: s.hidden, embed: s.embedded, lock: s.locked, theme: s.linkTheme };
}

/** Adds a notice; it replaces an earlier one of the same key or text (at most the four newest are kept). */
export function notify(text: string, kind: Notice['kind'] = 'info', key?: NoticeKey): void {
  useStore.setState((s) => {
    const notice: Notice = { id: s.nextNoticeId, text, kind, ...(key === undefined ? {} : { key }) };
    return { notices: addNotice(s.notices, notice), nextNoticeId: s.nextNoticeId + 1 };
  });
}

/** Removes a notice. */
export function dismiss(id: number): void {
  useStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}

/** Each setting as the controls name it, for notices (a reader should not meet `probeEvery`). */
export const FIELD_NAMES: Record<keyof Config, string> = {
  dataset: 'the data set',
  standardize: 'input standardization',
  depth: 'the number of hidden layers',
  width: 'the units per layer',
  activation: 'the activation',
  init: 'the initialization',
  initSigma: 'the init σ',
  variants: 'the variants',
  lr: 'the learning rate',
  momentum: 'the momentum',
  batchSize: 'the batch size',
  bnEps: 'BN’s ε',
  bnMomentum: 'BN’s running-average momentum',
  evalMode: 'the test-time statistics',
  evalEvery: 'how often the test set is scored',
  evalBatchSize: 'the test batch size',
  probeEvery: 'the smoothness probes',
  inferEvery: 'the inference measurements',
  seed: 'the seed',
  trackLayer: 'the tracked layer',
  trackUnit: 'the tracked unit',
};

/** "the depth", "the depth and the seed", "a, b and c". */
function listNames(keys: readonly (keyof Config)[]): string {
  const names = keys.map((k) => FIELD_NAMES[k]);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * Applies a change from the page: validated, tracking clamped into the new shape, and announced when it
 * restarts the run. Returns the notices about rejected values.
 */
export function updateConfig(partial: Partial<Config>): void {
  const current = useStore.getState().config;
  // Only the fields being changed are checked against the current config: a tracked layer that no longer
  // fits a shallower network moves silently unless it was itself the change.
  const { config, notices } = parseConfig(partial, current);
  for (const n of notices) notify(n.message, 'warning');
  if (changedFields(current, config).length === 0) return;
  if (needsReset(current, config)) {
    const what = listNames(changedFields(current, config).filter((k) => !LIVE_FIELDS.includes(k)));
    notify(`Changed ${what}: every variant restarted together from the same new weights, so they stay paired.`, 'info', 'restart');
  }
  useStore.setState({ config, configSource: 'page' });
}
