import type { ViewId } from '../views.ts';

/** What a key asks for; the page decides how (the keymap only says which). */
export type Intent =
  | 'escape'
  | 'togglePresenting'
  | 'toggleFullPanel'
  | 'toggleSheet'
  | 'toggleQr'
  | 'previousSlide'
  | 'nextSlide'
  | 'flipPlacements'
  | 'twoVariants'
  | 'threeVariants'
  | 'fourVariants'
  | 'previousSection'
  | 'nextSection'
  | 'demoPlayPause'
  | 'demoReplay'
  | 'labPlayPause'
  | 'labStep'
  | 'labReset';

/**
 * Where a binding acts: anywhere on the page, in presenter mode, in the story (its section arrows only
 * outside presenter mode, where the presenter's arrows come first), or in the lab.
 */
export type KeyContext = 'anywhere' | 'presenter' | 'story' | 'lab';

/** One row of the shortcut sheet: its keys as shown, what they do, and each key's intent in its context. */
export interface Binding {
  readonly label: string;
  readonly what: string;
  readonly context: KeyContext;
  /** `KeyboardEvent.key` → intent. */
  readonly keys: Readonly<Record<string, Intent>>;
  /** Acts while typing in a field (Esc types nothing, so it still leaves what is open). */
  readonly inFields?: boolean;
  /** Acts behind the open shortcut sheet (the keys that close it). */
  readonly overSheet?: boolean;
}

/**
 * Every shortcut, in precedence order: the first binding whose context applies and that has the key wins
 * (so in presenter mode ← → move through the talk, not only through the story). The shortcut sheet lists
 * this table, so the sheet and the keys cannot disagree.
 */
export const BINDINGS: readonly Binding[] = [
  { label: 'P', what: 'presenter mode on or off', context: 'anywhere', keys: { p: 'togglePresenting', P: 'togglePresenting' } },
  { label: '← →', what: 'previous or next slide', context: 'presenter', keys: { ArrowLeft: 'previousSlide', ArrowRight: 'nextSlide' } },
  { label: '← →', what: 'previous or next section', context: 'story', keys: { ArrowLeft: 'previousSection', ArrowRight: 'nextSection' } },
  { label: 'Space', what: 'run, pause or go on with the section’s demo (skips an open prediction)', context: 'story', keys: { ' ': 'demoPlayPause' } },
  { label: 'R', what: 'replay the section’s demo from step 0', context: 'story', keys: { r: 'demoReplay', R: 'demoReplay' } },
  { label: 'Space', what: 'play or pause', context: 'lab', keys: { ' ': 'labPlayPause' } },
  { label: '.', what: 'one training step', context: 'lab', keys: { '.': 'labStep' } },
  { label: 'R', what: 'reset (same seed)', context: 'lab', keys: { r: 'labReset', R: 'labReset' } },
  { label: 'B', what: 'move every normalization across its activation', context: 'presenter', keys: { b: 'flipPlacements', B: 'flipPlacements' } },
  { label: '1 2 3', what: 'two, three or four variants', context: 'presenter', keys: { '1': 'twoVariants', '2': 'threeVariants', '3': 'fourVariants' } },
  { label: 'F', what: 'the focused panel full screen', context: 'anywhere', keys: { f: 'toggleFullPanel', F: 'toggleFullPanel' } },
  {
    label: 'Q',
    what: 'a QR code of this page’s link, for the class to open on their phones',
    context: 'presenter',
    keys: { q: 'toggleQr', Q: 'toggleQr' },
    overSheet: true,
  },
  { label: '?', what: 'this sheet', context: 'anywhere', keys: { '?': 'toggleSheet' }, overSheet: true },
  {
    label: 'Esc',
    what: 'close the sheet or the QR code, leave full screen, leave presenter mode',
    context: 'anywhere',
    keys: { Escape: 'escape' },
    inFields: true,
    overSheet: true,
  },
];

/** How the sheet names each context. */
export const CONTEXT_NAMES: Record<KeyContext, string> = { anywhere: 'anywhere', presenter: 'presenter mode', story: 'the story', lab: 'the lab' };

/** The page state that decides which bindings apply. */
export interface KeyScene {
  readonly view: ViewId;
  readonly presenting: boolean;
  readonly sheetOpen: boolean;
}

/** The parts of a KeyboardEvent the keymap reads. */
export interface KeyPress {
  readonly key: string;
  readonly target: EventTarget | null;
  readonly defaultPrevented?: boolean;
  readonly isComposing?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly altKey?: boolean;
}

const FIELD_TAGS = ['INPUT', 'SELECT', 'TEXTAREA'];
/** Controls that Space activates by itself: a focused one keeps Space (it is not typing, so P or F still work). */
const SPACE_TAGS = ['BUTTON', 'A', 'SUMMARY'];

/** The target's tag name and editability, read without DOM globals (so this runs in Node tests too). */
function element(target: EventTarget | null): { tagName: string; isContentEditable: boolean } | null {
  if (target === null || typeof target !== 'object' || !('tagName' in target)) return null;
  const t = target as { tagName: unknown; isContentEditable?: unknown };
  return typeof t.tagName === 'string' ? { tagName: t.tagName.toUpperCase(), isContentEditable: t.isContentEditable === true } : null;
}

/** Whether a key press is typing into a field (an input, select, textarea or editable text): the page's one notion of it. */
export function isTyping(target: EventTarget | null): boolean {
  const el = element(target);
  return el !== null && (el.isContentEditable || FIELD_TAGS.includes(el.tagName));
}

/** Whether the target is a control that Space presses by itself (a button, link or disclosure summary). */
export function pressesOnSpace(target: EventTarget | null): boolean {
  const el = element(target);
  return el !== null && SPACE_TAGS.includes(el.tagName);
}

/** Whether a binding's context applies to the page now. */
function applies(context: KeyContext, scene: KeyScene): boolean {
  switch (context) {
    case 'anywhere':
      return true;
    case 'presenter':
      return scene.presenting;
    case 'story':
      return scene.view === 'story';
    case 'lab':
      return scene.view === 'lab';
  }
}

/**
 * The intent of a key press on the page as it is, or null when it is not a shortcut here: a key a control
 * already used (default prevented), a chord with Ctrl, Meta or Alt, typing in a field (Esc aside), a key
 * behind the open sheet (? and Esc aside), or Space on a control that presses itself.
 */
export function intentFor(press: KeyPress, scene: KeyScene): Intent | null {
  if (press.defaultPrevented === true || press.isComposing === true || press.ctrlKey === true || press.metaKey === true || press.altKey === true) return null;
  const typing = isTyping(press.target);
  if (press.key === ' ' && pressesOnSpace(press.target)) return null;
  for (const b of BINDINGS) {
    if (!Object.hasOwn(b.keys, press.key) || !applies(b.context, scene)) continue;
    const intent = b.keys[press.key];
    if (typing && b.inFields !== true) return null;
    if (scene.sheetOpen && b.overSheet !== true) return null;
    return intent;
  }
  return null;
}
