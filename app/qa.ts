import { readLinkParams } from '../src/config/index.ts';

/**
 * Testing flags read from the link, never shown in the UI (as PhET's `?ea` and `?fuzz`):
 * - `qa=throw:ID` makes the panel with that id throw while rendering, to prove that one failing panel
 *   leaves the rest of the page working (several flags are comma-separated);
 * - `ea` checks the page's invariants as it runs and reports a broken one as a console error;
 * - `qa=fastdemo` runs the story's demos at full speed instead of their watching pace, so a test that waits
 *   for a run's end does not wait ten seconds for it (the pace itself is unit-tested);
 * - `fuzz` also lets a seeded monkey loose on the controls (`fuzzSeed=N` replays a run; without it a seed
 *   is drawn and printed).
 */
const { params } = readLinkParams(globalThis.location?.search ?? '');
const flags = new Set((params.get('qa') ?? '').split(',').filter(Boolean));

/** The query keys that are testing flags rather than settings. */
export const QA_KEYS = ['qa', 'ea', 'fuzz', 'fuzzSeed'] as const;

/** Whether the story's demos skip their watching pace (a testing flag). */
export function qaFastDemos(): boolean {
  return flags.has('fastdemo');
}

/** Whether the link asks this panel to fail. */
export function qaThrows(panelId: string): boolean {
  return flags.has(`throw:${panelId}`);
}

const fuzzing = params.has('fuzz') && params.get('fuzz') !== '0';
const seedParam = Number(params.get('fuzzSeed'));
const seed = !fuzzing ? null : params.has('fuzzSeed') && Number.isSafeInteger(seedParam) ? seedParam : crypto.getRandomValues(new Uint32Array(1))[0];

/** The monkey's seed when the link asks for fuzzing (drawn once if the link gives none), else null. */
export function fuzzSeed(): number | null {
  return seed;
}

/** Whether invariants are checked (`ea`, or implied by `fuzz`). */
export function assertionsEnabled(): boolean {
  return (params.has('ea') && params.get('ea') !== '0') || fuzzSeed() !== null;
}

/** The testing flags of the current link, to keep them in the address when it is rewritten. */
export function qaQuery(): string {
  return QA_KEYS.filter((k) => params.has(k))
    .map((k) => `${k}=${encodeURIComponent(params.get(k) ?? '')}`)
    .join('&');
}
