import type { Config, DatasetName } from '../config/config.ts';
import type { SweepRow } from '../experiment/lrSweep.ts';

/** Bumped whenever a sweep message's shape changes; both sides refuse other versions. */
export const SWEEP_PROTOCOL_VERSION = 1;
/** Most factors one start may ask for. */
export const MAX_SWEEP_FACTORS = 12;

/** Messages from the page to the sweep worker. */
export type ToSweep =
  /**
   * Sweep the learning rate of this config (checked with parseConfig) over `factors` (default SWEEP_FACTORS).
   * Supersedes any sweep in progress: that one sends nothing more, not even `done`.
   */
  | { v: 1; type: 'start'; request: number; config: Config; factors?: number[] }
  /** Stop the sweep in progress; it answers `done` with cancelled: true. Nothing running: no answer. */
  | { v: 1; type: 'cancel' };

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
  const m = data as Record<string, unknown>;
  if (m.v !== SWEEP_PROTOCOL_VERSION) return { ok: false, reason: `protocol version ${String(m.v)} is not ${SWEEP_PROTOCOL_VERSION}` };
  switch (m.type) {
    case 'start': {
      if (!Number.isInteger(m.request)) return { ok: false, reason: `start: request ${String(m.request)} is not an integer` };
      if (typeof m.config !== 'object' || m.config === null || Array.isArray(m.config)) return { ok: false, reason: 'start needs a config object' };
      const reason = m.factors === undefined ? null : factorsProblem(m.factors);
      return reason === null ? { ok: true, msg: m as ToSweep } : { ok: false, reason: `start: ${reason}` };
    }
    case 'cancel':
      return { ok: true, msg: m as ToSweep };
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(m.type)}` };
  }
}

function factorsProblem(factors: unknown): string | null {
  if (!Array.isArray(factors) || factors.length < 1 || factors.length > MAX_SWEEP_FACTORS) {
    return `factors must be a list of 1–${MAX_SWEEP_FACTORS} numbers`;
  }
  const bad = factors.find((f) => typeof f !== 'number' || !Number.isFinite(f) || f <= 0);
  if (bad === undefined) return null;
  return `factor ${typeof bad === 'number' ? String(bad) : (JSON.stringify(bad) ?? String(bad))} is not a finite positive number`;
}
