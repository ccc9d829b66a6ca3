import { configSchema, DEFAULT_CONFIG, needsReset, parseConfig, type Config } from '../../../src/config/index.ts';
import { PRESETS } from '../../../src/experiment/index.ts';
import type { AppState } from '../../store/store.ts';
import type { SectionId } from '../../story/sections.ts';
import type { ViewId } from '../../views.ts';
import { apiState } from './apiState.ts';
import type { DemoControl } from './demoApi.ts';
import { checkArgs, isMethod, type MethodName } from './methods.ts';
import { placeAll, type Side } from './placement.ts';
import { NAMESPACE, quoteValue, readEnvelope, shorten, type OutgoingMessage } from './protocol.ts';

/** The lab's run control the API drives (TrainerClient's intents). */
export interface RunControl {
  play(): void;
  pause(): void;
  step(count: number): void;
  reset(seed: 'same'): void;
}

/** What the handler reads and changes: the store's state and actions, the lab's run, and the way to the parent. */
export interface ApiDeps {
  readonly getState: () => AppState;
  /** Applies a validated partial config, as the controls do (the run restarts when it must). */
  readonly updateConfig: (partial: Partial<Config>) => void;
  /** Shows a view and section without a history entry (the address follows through main.tsx's writer). */
  readonly showPage: (view: ViewId, section: SectionId) => void;
  readonly trainer: RunControl;
  /** The story section's demo: the run methods drive it on the story view. */
  readonly demo: DemoControl;
  readonly post: (msg: OutgoingMessage) => void;
}

/** A refusal: the reason goes back to the host, and nothing has changed. */
class Refused extends Error {}

/** The run methods act on the lab's run where the lab is shown (and on a story section's demo: storyRun). */
function requireLab(s: AppState, method: MethodName): void {
  if (s.view !== 'lab') throw new Refused(`${method} acts on the lab’s run, and the page shows the ${s.view} view: call goTo('lab') first`);
  if (s.stopped !== null) throw new Refused(`the lab’s trainer has stopped (${s.stopped}); reload the frame`);
}

/** Step and reset need a built run (as the keys do): play and pause are taken while it loads. */
function requireLoaded(s: AppState, method: MethodName): void {
  requireLab(s, method);
  if (s.status === 'loading')
    throw new Refused(`${method} is refused while the run loads: wait for the ready event (or a statechanged whose status is not loading)`);
}

/** A partial config checked field by field against the link schema: the fields, or the first bad one named. */
function checkConfig(input: Record<string, unknown>, current: Config): Partial<Config> {
  const reasons: string[] = [];
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(configSchema, key)) {
      reasons.push(`unknown config field ${quoteValue(key)}`);
      continue;
    }
    const result = configSchema[key as keyof Config].safeParse(input[key]);
    if (!result.success) reasons.push(`${key}: ${quoteValue(input[key])} is not valid (${result.error.issues[0]?.message ?? 'invalid'})`);
  }
  // Fields valid alone may still not fit together (a tracked layer deeper than the network).
  if (reasons.length === 0) reasons.push(...parseConfig(input, current).notices.map((n) => n.message));
  if (reasons.length > 0) throw new Refused(`setConfig refused, nothing changed: ${reasons.join('; ')}`);
  return input as Partial<Config>;
}

/**
 * A run method on the story view, where it drives the section's demo as its own bar does: play goes on (or, at
 * the end, plays the run again), pause holds it (a run still loading starts held), reset replays it from step 0.
 * A demo runs to its own end, so step is refused there.
 */
function storyRun(demo: DemoControl, s: AppState, method: 'play' | 'pause' | 'step' | 'reset'): void {
  const { phase } = demo.store.getState();
  if (method === 'step')
    throw new Refused(
      `step counts the lab’s steps; the ${s.section} section’s demo runs to its own end (play, pause and reset act on it): call goTo('lab') first`,
    );
  if (phase === 'idle') throw new Refused(`the ${s.section} section has no demo run to ${method}`);
  if (method === 'pause') demo.pause();
  else if (method === 'reset' || phase === 'done' || phase === 'error') demo.replay();
  else demo.resume();
}

/** Carries out a checked call; throws Refused with the reason when it must not. Returns the result. */
function run(deps: ApiDeps, method: MethodName, values: readonly unknown[]): unknown {
  const s = deps.getState();
  if (s.view === 'story' && (method === 'play' || method === 'pause' || method === 'step' || method === 'reset')) {
    storyRun(deps.demo, s, method);
    return apiState(deps.getState(), deps.demo);
  }
  switch (method) {
    case 'play':
      requireLab(s, method);
      deps.trainer.play();
      break;
    case 'pause':
      requireLab(s, method);
      deps.trainer.pause();
      break;
    case 'step':
      requireLoaded(s, method);
      deps.trainer.step((values[0] as number | undefined) ?? 1);
      break;
    case 'reset':
      requireLoaded(s, method);
      deps.trainer.reset('same');
      break;
    case 'loadPreset': {
      const preset = PRESETS.find((p) => p.name === values[0]);
      if (preset === undefined) throw new Refused(`no preset ${quoteValue(values[0])}`);
      // As the Preset menu does (app/trainer/startFresh.ts): a preset that changes only live fields restarts too.
      // Off the lab, its trainer has not started: it builds from the config when the lab opens.
      const before = s.config;
      deps.updateConfig({ ...DEFAULT_CONFIG, seed: before.seed, ...preset.config });
      if (s.view === 'lab' && !needsReset(before, deps.getState().config)) deps.trainer.reset('same');
      break;
    }
    case 'setPlacement': {
      const variants = placeAll(s.config.variants, values[0] as Side);
      if (new Set(variants).size !== variants.length) {
        throw new Refused(
          `setPlacement('${String(values[0])}') would make two variants the same (${s.config.variants.join(', ')}); choose the variants with setConfig`,
        );
      }
      deps.updateConfig({ variants });
      break;
    }
    case 'goTo': {
      const view = values[0] as ViewId;
      const section = values[1] as SectionId | undefined;
      if (section !== undefined && view !== 'story') throw new Refused(`goTo: a section applies to the story view only, not ${view}`);
      deps.showPage(view, section ?? s.section);
      break;
    }
    case 'setConfig':
      deps.updateConfig(checkConfig(values[0] as Record<string, unknown>, s.config));
      break;
    case 'getState':
      break;
  }
  return apiState(deps.getState(), deps.demo);
}

/**
 * The API's message handler: reads a message from the parent, checks it (envelope, method, arguments),
 * carries it out through the page's own actions, and answers a call that carried a callbackId. A message
 * without the namespace is ignored; a malformed or refused one changes nothing and is answered with an error
 * (an `error` event when it carried no callbackId). Never throws.
 */
export function createHandler(deps: ApiDeps): (data: unknown) => void {
  const answer = (method: string | null, callbackId: string | number | null, outcome: { result: unknown } | { error: string }) => {
    if (callbackId !== null) deps.post({ namespace: NAMESPACE, event: 'callback', method, callbackId, ...outcome });
    else if ('error' in outcome) deps.post({ namespace: NAMESPACE, event: 'error', method, error: outcome.error });
  };
  return (data) => {
    try {
      const envelope = readEnvelope(data);
      if (envelope.kind === 'ignore') return;
      if (envelope.kind === 'malformed') {
        answer(envelope.method, envelope.callbackId, { error: `malformed message: ${envelope.reason}` });
        return;
      }
      const { method, args, callbackId } = envelope;
      if (!isMethod(method)) {
        answer(shorten(method), callbackId, { error: `unknown method ${quoteValue(method)}` });
        return;
      }
      const checked = checkArgs(method, args);
      if (!checked.ok) {
        answer(method, callbackId, { error: checked.reason });
        return;
      }
      let outcome: { result: unknown } | { error: string };
      try {
        outcome = { result: run(deps, method, checked.values) };
      } catch (e) {
        outcome = { error: e instanceof Refused ? e.message : `${method} failed: ${e instanceof Error ? e.message : String(e)}` };
      }
      answer(method, callbackId, outcome);
    } catch {
      // A message no check foresaw (a hostile object's getters): dropped, the page goes on.
    }
  };
}
