import { z } from 'zod';
import type { Config, DatasetName } from '../config/config.ts';
import type { SweepRow } from '../experiment/lrSweep.ts';

/** Bumped whenever a sweep message's shape changes; both sides refuse other versions. */
export const SWEEP_PROTOCOL_VERSION = 1;
/** Most factors one start may ask for. */
export const MAX_SWEEP_FACTORS = 12;

const version = z.literal(SWEEP_PROTOCOL_VERSION, { error: (i) => `protocol version ${String(i.input)} is not ${SWEEP_PROTOCOL_VERSION}` });
const factors = z.custom<number[]>((f) => factorsProblem(f) === null, { error: (i) => `start: ${factorsProblem(i.input) ?? ''}` });

/** Messages from the page to the sweep worker: the schema, and the type inferred from it. */
export const toSweepSchema = z.discriminatedUnion('type', [
  /**
   * Sweep the learning rate of this config (checked with parseConfig) over `factors` (default SWEEP_FACTORS).
   * Supersedes any sweep in progress: that one sends nothing more, not even `done`.
   */
  z.object({
    v: version,
    type: z.literal('start'),
    request: z.custom<number>((r) => Number.isInteger(r), { error: (i) => `start: request ${String(i.input)} is not an integer` }),
    config: z.custom<Config>((c) => typeof c === 'object' && c !== null && !Array.isArray(c), 'start needs a config object'),
    factors: factors.optional(),
  }),
  /** Stop the sweep in progress; it answers `done` with cancelled: true. Nothing running: no answer. */
  z.object({ v: version, type: z.literal('cancel') }),
]);
export type ToSweep = z.infer<typeof toSweepSchema>;

/**
 * Messages from the sweep worker to the page. All but a parse error carry the request they answer, so the
 * page can drop those of a start it has since replaced.
 */
export type FromSweep =
  /** Progress of the MNIST download (bytes; total null when unknown). */
  | { v: 1; type: 'loading'; request: number; loaded: number; total: number | null }
  /** The data could not be loaded: the sweep runs on another data set. */
  | { v: 1; type: 'dataError'; request: number; message: string; fallback: DatasetName }
  /** `done` of `total` steps (a rate that ends early counts its whole budget); factor null once finished. */
  | { v: 1; type: 'progress'; request: number; done: number; total: number; factor: number | null }
  /** One learning rate's result, in factor order. */
  | { v: 1; type: 'row'; request: number; row: SweepRow }
  /** The sweep ended: every row sent, or cancelled (by `cancel` or by an error). */
  | { v: 1; type: 'done'; request: number; cancelled: boolean }
  /** A message that could not be handled, or a failure of the sweep (request null: not about one). */
  | { v: 1; type: 'error'; request: number | null; message: string };

/** Checks an incoming message's shape; returns it typed, or a reason it is not one. The config is checked later. */
export function parseToSweep(data: unknown): { ok: true; msg: ToSweep } | { ok: false; reason: string } {
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'message is not an object' };
  const r = toSweepSchema.safeParse(data);
  if (r.success) return { ok: true, msg: r.data };
  const issue = r.error.issues[0];
  if (issue.code === 'invalid_union' && issue.path.join('.') === 'type')
    return { ok: false, reason: `unknown message type ${JSON.stringify((data as { type?: unknown }).type)}` };
  return { ok: false, reason: issue.message };
}

function factorsProblem(factors: unknown): string | null {
  if (!Array.isArray(factors) || factors.length < 1 || factors.length > MAX_SWEEP_FACTORS) {
    return `factors must be a list of 1–${MAX_SWEEP_FACTORS} numbers`;
  }
  const bad = factors.find((f) => typeof f !== 'number' || !Number.isFinite(f) || f <= 0);
  if (bad === undefined) return null;
  return `factor ${typeof bad === 'number' ? String(bad) : (JSON.stringify(bad) ?? String(bad))} is not a finite positive number`;
}
