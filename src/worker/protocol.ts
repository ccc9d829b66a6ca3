import type { Config, DatasetName } from '../config/config.ts';
import { configSchema, VARIANTS_MAX } from '../config/schema.ts';
import type { Placement } from '../engine/spec.ts';
import type { HistogramBins } from '../experiment/snapshot.ts';
import type { WorkSlice } from '../experiment/work.ts';

/** Bumped whenever a message's shape changes; both sides refuse other versions. 3: snapshots carry targetStep. */
export const PROTOCOL_VERSION = 3 as const;
/** The version every message carries. */
type V = typeof PROTOCOL_VERSION;

/** Training speed: steps per second, or as fast as the machine goes. */
/** Steps per second: 0.5 is slow motion, one step every two seconds, for narrating single steps. */
export type Speed = number | 'max';
/** The speeds the lab's menu offers (the story's demos ask for their own paces). */
export const SPEEDS: readonly Speed[] = [0.5, 1, 10, 100, 'max'];
/** The slowest and fastest paced speeds a worker accepts, in steps per second. */
export const SPEED_RANGE = [0.1, 10_000] as const;

/** Messages from the page to the trainer worker. */
export type ToWorker =
  /**
   * Build a new paired experiment from this config (all variants reset together). With `only`, this worker
   * trains just that variant (one worker per variant; the batches stay the same in every worker).
   */
  | { v: V; type: 'configure'; config: Config; only?: number; request?: number; resumeAt?: number }
  /** Train at the set speed; with `until`, pause when the run reaches that step (a story demo's end). */
  | { v: V; type: 'play'; until?: number }
  | { v: V; type: 'pause' }
  /** Train exactly `count` paired steps, then pause. */
  | { v: V; type: 'step'; count: number }
  /** Start the same experiment over, from the same seed or from a new one. */
  | { v: V; type: 'reset'; seed: 'same' | 'new'; request?: number }
  | { v: V; type: 'setSpeed'; speed: Speed }
  /** Change the learning rate live, without a reset. */
  | { v: V; type: 'setLr'; lr: number }
  /** Track another hidden layer (1-based) and unit (0-based) in the drift probes. */
  | { v: V; type: 'track'; layer: number; unit: number }
  /** Are you there? Answered at once with a pong carrying the same id (the page's watchdog). */
  | { v: V; type: 'ping'; id: number }
  /** Send the per-step training losses of this run so far (the first LOSS_LOG_STEPS steps). */
  | { v: V; type: 'losses'; id: number }
  /**
   * Record a run trace (shift-lab-trace/1) of this run's first `steps` steps: the same config and seed
   * trained afresh beside the live run, which carries on untouched.
   */
  | { v: V; type: 'trace'; id: number; steps: number };

/** What the trainer is doing. */
export type RunStatus = 'loading' | 'idle' | 'playing' | 'paused';

/** The shape of the experiment a run's snapshots describe. */
export interface RunShape {
  readonly variantNames: readonly string[];
  readonly placements: readonly Placement[];
  /** [nIn, hidden…, nOut] */
  readonly sizes: readonly number[];
  readonly nLayers: number;
  readonly bins: HistogramBins;
  /** The bins of the z = xW + b histograms. */
  readonly zBins: HistogramBins;
  /** Rows of the probe batch (the length of each variant's unitZ block). */
  readonly probeRows: number;
}

/** Messages from the trainer worker to the page. Every one carries the step it describes. */
export type FromWorker =
  /** Progress of the MNIST download (bytes; total null when unknown). */
  | { v: V; type: 'loading'; step: number; loaded: number; total: number | null }
  /** The data could not be loaded: the run falls back to another data set. */
  | { v: V; type: 'dataError'; step: number; message: string; fallback: DatasetName }
  /**
   * A new run started (configure or reset): runId grows by one each time; step is 0. `request` echoes the
   * id of the configure or reset that started it, so the page can tell the answer to its latest request.
   */
  | { v: V; type: 'configured'; step: number; runId: number; request: number | null; config: Config; shape: RunShape }
  /** The run's state; layer, hist, zHist, unitZ and variant are packed as in src/experiment/snapshot.ts. */
  | {
      v: V;
      type: 'snapshot';
      step: number;
      runId: number;
      status: RunStatus;
      stepsPerSecond: number;
      variant: Float64Array;
      layer: Float32Array;
      hist: Float32Array;
      zHist: Float32Array;
      unitZ: Float32Array;
    }
  /**
   * Alive and working: a step (or step 0's measurements, or a replay) in progress, sent when nothing else went
   * out for PROGRESS_MS. `step` is the last completed one; phase and variant say what the trainer is doing.
   */
  | { v: V; type: 'progress'; step: number; runId: number; phase: WorkSlice['phase']; variant: number }
  /** Play, pause or the end of a step command. */
  | { v: V; type: 'status'; step: number; runId: number; status: RunStatus }
  /** A message that could not be handled, with why. Training state is unchanged. */
  | { v: V; type: 'error'; step: number; message: string }
  /** The answer to a ping. */
  | { v: V; type: 'pong'; step: number; id: number }
  /** Per-step training losses of steps 1..steps, step-major: losses[(s − 1)·names.length + v]. */
  | { v: V; type: 'losses'; step: number; runId: number; id: number; names: string[]; steps: number; losses: Float64Array }
  /** A run trace as JSON text (steps: how many it holds, which the size limit may have cut), or why none could be made. */
  | { v: V; type: 'trace'; step: number; id: number; steps: number; json: string | null; error: string | null };

/** Checks an incoming message's shape; returns it typed, or a reason it is not one. */
export function parseToWorker(data: unknown): { ok: true; msg: ToWorker } | { ok: false; reason: string } {
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'message is not an object' };
  const m = data as Record<string, unknown>;
  if (m.v !== PROTOCOL_VERSION) return { ok: false, reason: `protocol version ${String(m.v)} is not ${PROTOCOL_VERSION}` };
  switch (m.type) {
    case 'configure':
      if (typeof m.config !== 'object' || m.config === null) return { ok: false, reason: 'configure needs a config' };
      if (m.only !== undefined && !(Number.isInteger(m.only) && (m.only as number) >= 0 && (m.only as number) < VARIANTS_MAX)) {
        return { ok: false, reason: `configure: only ${String(m.only)} is not a variant index 0–${VARIANTS_MAX - 1}` };
      }
      if (m.resumeAt !== undefined && !(Number.isInteger(m.resumeAt) && (m.resumeAt as number) >= 0 && (m.resumeAt as number) <= 100_000_000)) {
        return { ok: false, reason: `configure: resumeAt ${String(m.resumeAt)} is not a step count` };
      }
      return { ok: true, msg: m as ToWorker };
    case 'play':
      if (m.until !== undefined && !(Number.isInteger(m.until) && (m.until as number) >= 1 && (m.until as number) <= 100_000_000)) {
        return { ok: false, reason: `play: until ${String(m.until)} is not a step count` };
      }
      return { ok: true, msg: m as ToWorker };
    case 'pause':
      return { ok: true, msg: m as ToWorker };
    case 'step':
      return Number.isInteger(m.count) && (m.count as number) >= 1 && (m.count as number) <= 1_000_000
        ? { ok: true, msg: m as ToWorker }
        : { ok: false, reason: `step count ${String(m.count)} is not an integer in 1..1000000` };
    case 'reset':
      return m.seed === 'same' || m.seed === 'new' ? { ok: true, msg: m as ToWorker } : { ok: false, reason: 'reset seed must be "same" or "new"' };
    case 'setSpeed':
      return m.speed === 'max' || (typeof m.speed === 'number' && m.speed >= SPEED_RANGE[0] && m.speed <= SPEED_RANGE[1])
        ? { ok: true, msg: m as ToWorker }
        : { ok: false, reason: `speed ${String(m.speed)} is not max or a number of steps per second in ${SPEED_RANGE[0]}..${SPEED_RANGE[1]}` };
    case 'setLr':
      return configSchema.lr.safeParse(m.lr).success ? { ok: true, msg: m as ToWorker } : { ok: false, reason: `learning rate ${String(m.lr)} is not a number in [0.00001, 100]` };
    case 'track':
      return Number.isInteger(m.layer) && Number.isInteger(m.unit) ? { ok: true, msg: m as ToWorker } : { ok: false, reason: 'track needs integer layer and unit' };
    case 'trace':
      return Number.isInteger(m.id) && Number.isInteger(m.steps) && (m.steps as number) >= 1 && (m.steps as number) <= 1_000_000
        ? { ok: true, msg: m as ToWorker }
        : { ok: false, reason: 'trace needs an integer id and a step count in 1..1000000' };
    case 'ping':
    case 'losses':
      return Number.isInteger(m.id) ? { ok: true, msg: m as ToWorker } : { ok: false, reason: `${m.type} needs an integer id` };
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(m.type)}` };
  }
}
