import { z } from 'zod';
import { PRESETS } from '../../../src/experiment/index.ts';
import { SECTIONS } from '../../story/sections.ts';
import { VIEWS } from '../../views.ts';
import { quoteValue } from './protocol.ts';

/** Most steps one `step` call trains: a host's typo (1e9) must not hold the run for hours. */
export const STEP_MAX = 1000;

/** One argument of a method: its name, its check (refusing in words that name it), and its line in the docs. */
export interface Param {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly doc: string;
  readonly optional?: boolean;
}

/** A method of the API: its arguments, in order, and what it does (one line; the README's table is made of these). */
export interface MethodSpec {
  readonly params: readonly Param[];
  readonly what: string;
}

/** A value that must be one of `ids`, refused with the list. */
function oneOf(name: string, ids: readonly string[]): z.ZodType<string> {
  return z.custom<string>((x) => typeof x === 'string' && ids.includes(x), {
    error: (i) => `${name} ${quoteValue(i.input)} is not one of ${ids.join(', ')}`,
  });
}

const stepCount = z.custom<number>((x) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= STEP_MAX, {
  error: (i) => `n ${quoteValue(i.input)} is not an integer in 1..${STEP_MAX}`,
});
const plainObject = z.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x) && [Object.prototype, null].includes(Object.getPrototypeOf(x) as object | null),
  { error: (i) => `config ${quoteValue(i.input)} is not an object of config fields` },
);

const VIEW_IDS = VIEWS.map((v) => v.id);
const SECTION_IDS = SECTIONS.map((s) => s.id);
const PRESET_NAMES = PRESETS.map((p) => p.name);

/** The API's methods: the single source of what a host may call, how it is checked, and the README's table. */
export const METHODS = {
  play: {
    params: [],
    what: 'Plays the lab’s run; sent while the run loads, it plays as soon as it has loaded. On the story view, plays the section’s demo on (at its end, again from step 0).',
  },
  pause: { params: [], what: 'Pauses the lab’s run (sent while it loads, it cancels an earlier play), or on the story view the section’s demo.' },
  step: {
    params: [{ name: 'n', schema: stepCount, doc: `integer 1–${STEP_MAX}, default 1`, optional: true }],
    what: 'Trains exactly n more steps of the lab’s run, then pauses. Refused while the run loads, and on the story view.',
  },
  reset: {
    params: [],
    what: 'Starts the run over from step 0 with the same seed (as R does). Refused while the run loads. On the story view, replays the section’s demo.',
  },
  loadPreset: {
    params: [{ name: 'name', schema: oneOf('preset', PRESET_NAMES), doc: `one of ${PRESET_NAMES.join(', ')}` }],
    what: 'Loads a preset as the Preset menu does: its settings, the seed kept, the run restarted from step 0, paused.',
  },
  setPlacement: {
    params: [{ name: 'side', schema: oneOf('side', ['before', 'after']), doc: 'before or after' }],
    what: 'Moves every normalization before or after its activation (as key B does). Refused if two variants would become the same.',
  },
  goTo: {
    params: [
      { name: 'view', schema: oneOf('view', VIEW_IDS), doc: `one of ${VIEW_IDS.join(', ')}` },
      { name: 'section', schema: oneOf('section', SECTION_IDS), doc: 'a story section (view story only)', optional: true },
    ],
    what: 'Shows a view, and a section of the story, without adding a browser history entry.',
  },
  setConfig: {
    params: [{ name: 'config', schema: plainObject, doc: 'an object of config fields (see Config)' }],
    what: 'Changes config fields, each checked as a link’s are. One bad field refuses the whole call, naming it; nothing changes.',
  },
  getState: { params: [], what: 'Answers with the state (below).' },
} as const satisfies Record<string, MethodSpec>;

export type MethodName = keyof typeof METHODS;

/** Whether `name` is a method of the API (an own key: `constructor` or `__proto__` are not). */
export function isMethod(name: string): name is MethodName {
  return Object.hasOwn(METHODS, name);
}

/** A method's arguments checked against its parameters: the values, or the first reason to refuse them. */
export function checkArgs(method: MethodName, args: readonly unknown[]): { ok: true; values: readonly unknown[] } | { ok: false; reason: string } {
  const params: readonly Param[] = METHODS[method].params;
  if (args.length > params.length)
    return {
      ok: false,
      reason: `${method} takes ${params.length === 0 ? 'no' : `at most ${params.length}`} argument${params.length === 1 ? '' : 's'}, got ${args.length}`,
    };
  const values: unknown[] = [];
  for (const [i, p] of params.entries()) {
    const value = args[i];
    if (value === undefined) {
      if (p.optional === true) {
        values.push(undefined);
        continue;
      }
      return { ok: false, reason: `${method} needs its argument ${p.name} (${p.doc})` };
    }
    const parsed = p.schema.safeParse(value);
    if (!parsed.success) return { ok: false, reason: `${method}: ${parsed.error.issues[0]?.message ?? `${p.name} is not valid`}` };
    values.push(value);
  }
  return { ok: true, values };
}

/** The README's row for a method: `| name | args | what it does |`. */
export function tableRow(method: MethodName): string {
  const params: readonly Param[] = METHODS[method].params;
  const args = params.length === 0 ? 'none' : params.map((p) => `\`${p.name}\`${p.optional === true ? ' (optional)' : ''}: ${p.doc}`).join('; ');
  return `| \`${method}\` | ${args} | ${METHODS[method].what} |`;
}
