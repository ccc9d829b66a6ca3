import { z } from 'zod';
import type { Config } from '../../../src/config/index.ts';
import type { Placement } from '../../../src/engine/index.ts';
import type { RunStatus } from '../../../src/worker/index.ts';
import type { DemoPhase } from '../../story/demo/DemoClient.ts';
import type { SectionId } from '../../story/sections.ts';
import type { ViewId } from '../../views.ts';

/** The namespace every message of the API carries, both ways: a message without it is not for us. */
export const NAMESPACE = 'shift-lab';

/** Longest callback id taken (a string id is echoed back, so it must not be a megabyte). */
export const CALLBACK_ID_MAX = 200;

/** What a variant is doing: its run loading, training, paused (or not started), or frozen after diverging. */
export type VariantStatus = 'loading' | 'training' | 'paused' | 'diverged';

/** One variant as the host sees it. Numbers not measured yet (a run loading, before its first test) are null. */
export interface ApiVariant {
  readonly name: string;
  readonly placement: Placement;
  readonly trainLoss: number | null;
  readonly testAcc: number | null;
  readonly status: VariantStatus;
}

/** A story section's demo run: its phase ('done' once it has reached its target and holds), step and target, and a count bumped by each new run. */
export interface ApiDemo {
  readonly phase: DemoPhase;
  readonly step: number;
  readonly target: number;
  readonly run: number;
}

/**
 * The state every event and getState carry: the run the frame shows (the lab's run; on the story view, the
 * section's demo run), the page shown, the lab's config. Nothing private.
 */
export interface ApiState {
  readonly step: number;
  readonly playing: boolean;
  /** The run's status: loading, idle (built, not started; a section without a run), playing, paused. */
  readonly status: RunStatus;
  readonly view: ViewId;
  /** The story section shown, or null on another view. */
  readonly section: SectionId | null;
  /** The lab's config (what setConfig and loadPreset change; a story section's demo runs its own). */
  readonly config: Config;
  readonly variants: readonly ApiVariant[];
  /** On the story view, the section's demo run; null on the other views. */
  readonly demo: ApiDemo | null;
}

/** A reply to a call that carried a callbackId: `result` on success, `error` (a reason in words) on refusal. */
export type CallbackMessage =
  | {
      readonly namespace: typeof NAMESPACE;
      readonly event: 'callback';
      readonly method: string | null;
      readonly callbackId: string | number;
      readonly result: unknown;
    }
  | {
      readonly namespace: typeof NAMESPACE;
      readonly event: 'callback';
      readonly method: string | null;
      readonly callbackId: string | number;
      readonly error: string;
    };

/** A refused call that carried no callbackId: the host still hears why. */
export interface ErrorMessage {
  readonly namespace: typeof NAMESPACE;
  readonly event: 'error';
  readonly method: string | null;
  readonly error: string;
}

/** The page's own news: loaded, a change of run, config or view, and training progress. */
export interface StateEvent {
  readonly namespace: typeof NAMESPACE;
  readonly event: 'ready' | 'statechanged' | 'step';
  readonly state: ApiState;
}

/** Everything the page posts to its parent. */
export type OutgoingMessage = CallbackMessage | ErrorMessage | StateEvent;

const callbackId = z.union([z.string().max(CALLBACK_ID_MAX), z.number().finite()]);

/** A call's envelope (its args are checked by the method's own parameters). */
const callSchema = z.object({
  namespace: z.literal(NAMESPACE),
  method: z.string({ error: 'method must be a string' }).max(100, 'method is not a known method'),
  args: z.array(z.unknown(), { error: 'args must be an array, e.g. [5]' }).max(8, 'args has too many items').optional(),
  callbackId: callbackId.optional(),
});

/** A message read: not ours (no namespace), malformed (with why), or a call to check further. */
export type Envelope =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'malformed'; readonly reason: string; readonly method: string | null; readonly callbackId: string | number | null }
  | { readonly kind: 'call'; readonly method: string; readonly args: readonly unknown[]; readonly callbackId: string | number | null };

/** Reads a message's envelope; never throws on any input. */
export function readEnvelope(data: unknown): Envelope {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { kind: 'ignore' };
  const record = data as Record<string, unknown>;
  if (!Object.hasOwn(record, 'namespace') || record.namespace !== NAMESPACE) return { kind: 'ignore' };
  const parsed = callSchema.safeParse(data);
  if (parsed.success) return { kind: 'call', method: parsed.data.method, args: parsed.data.args ?? [], callbackId: parsed.data.callbackId ?? null };
  const id = callbackId.safeParse(record.callbackId);
  const issue = parsed.error.issues[0];
  const reason =
    issue?.path[0] === 'callbackId'
      ? `callbackId must be a string of at most ${CALLBACK_ID_MAX} characters or a finite number`
      : issue?.path[0] === 'method' && record.method === undefined
        ? 'the message names no method'
        : (issue?.message ?? 'malformed message');
  return { kind: 'malformed', reason, method: typeof record.method === 'string' ? shorten(record.method) : null, callbackId: id.success ? id.data : null };
}

/** Longest piece of the host's input quoted back in a message. */
const QUOTE_MAX = 40;

/** A string cut to QUOTE_MAX characters. */
export function shorten(text: string): string {
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX)}…`;
}

/** Any value as short JSON for a reason; never throws (cycles, BigInt, symbols become a word). */
export function quoteValue(value: unknown): string {
  // JSON would write NaN and Infinity as null.
  if (typeof value === 'number') return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) text = typeof value === 'bigint' ? `${value}n` : `a ${typeof value}`;
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX)}… (${text.length} characters)`;
}
