import { z } from 'zod';
import { DATASETS, type Config, type DatasetName } from '../config/config.ts';
import { configSchema, VARIANTS_MAX } from '../config/schema.ts';
import { PLACEMENTS, type Placement } from '../engine/spec.ts';
import { WORK_PHASES } from '../experiment/work.ts';

/** Bumped whenever a message's shape changes; both sides refuse other versions. 3: snapshots carry targetStep. */
export const PROTOCOL_VERSION = 3 as const;

/** Training speed: steps per second, or as fast as the machine goes. */
/** Steps per second: 0.5 is slow motion, one step every two seconds, for narrating single steps. */
export type Speed = number | 'max';
/** The speeds the lab's menu offers (the story's demos ask for their own paces). */
export const SPEEDS: readonly Speed[] = [0.5, 1, 10, 100, 'max'];
/** The slowest and fastest paced speeds a worker accepts, in steps per second. */
export const SPEED_RANGE = [0.1, 10_000] as const;

/** An integer in lo..hi, refused in words that name it (`what`). */
const int = (lo: number, hi: number, what: string) =>
  z.custom<number>((x) => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi, {
    error: (i) => `${what} ${String(i.input)} is not an integer in ${lo}..${hi}`,
  });
const steps = int(1, 100_000_000, 'until');
const version = z.literal(PROTOCOL_VERSION, { error: (i) => `protocol version ${String(i.input)} is not ${PROTOCOL_VERSION}` });
/** A config as sent: any object; the receiver checks it field by field with parseConfig (bad fields get notices). */
const sentConfig = z.custom<Config>((c) => typeof c === 'object' && c !== null && !Array.isArray(c), 'configure needs a config');
const id = z.number().int();

/** Messages from the page to the trainer worker: the schema, and the type inferred from it. */
export const toWorkerSchema = z.discriminatedUnion('type', [
  /**
   * Build a new paired experiment from this config (all variants reset together). With `only`, this worker
   * trains just that variant (one worker per variant; the batches stay the same in every worker).
   * `resumeAt`: replay a lost run quietly up to that step first.
   */
  z.object({
    v: version,
    type: z.literal('configure'),
    config: sentConfig,
    only: int(0, VARIANTS_MAX - 1, 'variant index').optional(),
    request: id.optional(),
    resumeAt: int(0, 100_000_000, 'resumeAt').optional(),
  }),
  /** Train at the set speed; with `until`, pause when the run reaches that step (a story demo's end). */
  z.object({ v: version, type: z.literal('play'), until: steps.optional() }),
  z.object({ v: version, type: z.literal('pause') }),
  /** Train exactly `count` paired steps, then pause. */
  z.object({ v: version, type: z.literal('step'), count: int(1, 1_000_000, 'step count') }),
  /** Start the same experiment over, from the same seed or from a new one. */
  z.object({ v: version, type: z.literal('reset'), seed: z.enum(['same', 'new']), request: id.optional() }),
  z.object({ v: version, type: z.literal('setSpeed'), speed: z.union([z.literal('max'), z.number().min(SPEED_RANGE[0]).max(SPEED_RANGE[1])]) }),
  /** Change the learning rate live, without a reset. */
  z.object({
    v: version,
    type: z.literal('setLr'),
    lr: z.custom<number>((x) => configSchema.lr.safeParse(x).success, { error: (i) => `learning rate ${String(i.input)} is not a number in [0.00001, 100]` }),
  }),
  /** Track another hidden layer (1-based) and unit (0-based) in the drift probes (clamped into the network). */
  z.object({ v: version, type: z.literal('track'), layer: z.number().int(), unit: z.number().int() }),
  /** Are you there? Answered at once with a pong carrying the same id (the page's watchdog). */
  z.object({ v: version, type: z.literal('ping'), id }),
  /** Send the per-step training losses of this run so far (the first LOSS_LOG_STEPS steps). */
  z.object({ v: version, type: z.literal('losses'), id }),
  /**
   * Record a run trace (shift-lab-trace/1) of this run's first `steps` steps: the same config and seed
   * trained afresh beside the live run, which carries on untouched.
   */
  z.object({ v: version, type: z.literal('trace'), id, steps: int(1, 1_000_000, 'trace step count') }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** What the trainer is doing. */
export const RUN_STATUSES = ['loading', 'idle', 'playing', 'paused'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const bins = z.object({ lo: z.number(), hi: z.number(), count: z.number().int() });
/** The shape of the experiment a run's snapshots describe. */
export const runShapeSchema = z
  .object({
    variantNames: z.array(z.string()).readonly(),
    placements: z.array(z.enum(PLACEMENTS as [Placement, ...Placement[]])).readonly(),
    /** [nIn, hidden…, nOut] */
    sizes: z.array(z.number().int()).readonly(),
    nLayers: z.number().int(),
    bins: bins.readonly(),
    /** The bins of the z = xW + b histograms. */
    zBins: bins.readonly(),
    /** Rows of the probe batch (the length of each variant's unitZ block). */
    probeRows: z.number().int(),
  })
  .readonly();
export type RunShape = z.infer<typeof runShapeSchema>;

const runStatus = z.enum(RUN_STATUSES);
const phase = z.enum(WORK_PHASES);

/** Messages from the trainer worker to the page, every one with the step it describes: the schema and its type. */
export const fromWorkerSchema = z.discriminatedUnion('type', [
  /** Progress of the MNIST download (bytes; total null when unknown). */
  z.object({ v: version, type: z.literal('loading'), step: z.number(), loaded: z.number(), total: z.number().nullable() }),
  /** The data could not be loaded: the run falls back to another data set. */
  z.object({ v: version, type: z.literal('dataError'), step: z.number(), message: z.string(), fallback: z.enum(DATASETS as [DatasetName, ...DatasetName[]]) }),
  /**
   * A new run started (configure or reset): runId grows by one each time; step is 0. `request` echoes the
   * id of the configure or reset that started it, so the page can tell the answer to its latest request.
   */
  z.object({
    v: version,
    type: z.literal('configured'),
    step: z.number(),
    runId: z.number(),
    request: z.number().nullable(),
    config: sentConfig,
    shape: runShapeSchema,
  }),
  /** The run's state; layer, hist, zHist, unitZ and variant are packed as in src/experiment/snapshot.ts (read them with snapshotReader.ts). */
  z.object({
    v: version,
    type: z.literal('snapshot'),
    step: z.number(),
    runId: z.number(),
    status: runStatus,
    stepsPerSecond: z.number(),
    variant: z.instanceof(Float64Array),
    layer: z.instanceof(Float32Array),
    hist: z.instanceof(Float32Array),
    zHist: z.instanceof(Float32Array),
    unitZ: z.instanceof(Float32Array),
  }),
  /**
   * Alive and working: a step (or step 0's measurements, or a replay) in progress, sent when nothing else went
   * out for PROGRESS_MS. `step` is the last completed one; phase and variant say what the trainer is doing.
   */
  z.object({ v: version, type: z.literal('progress'), step: z.number(), runId: z.number(), phase, variant: z.number().int() }),
  /** Play, pause or the end of a step command. */
  z.object({ v: version, type: z.literal('status'), step: z.number(), runId: z.number(), status: runStatus }),
  /** A message that could not be handled, with why. Training state is unchanged. */
  z.object({ v: version, type: z.literal('error'), step: z.number(), message: z.string() }),
  /** The answer to a ping. */
  z.object({ v: version, type: z.literal('pong'), step: z.number(), id }),
  /** Per-step training losses of steps 1..steps, step-major: losses[(s − 1)·names.length + v]. */
  z.object({
    v: version,
    type: z.literal('losses'),
    step: z.number(),
    runId: z.number(),
    id,
    names: z.array(z.string()),
    steps: z.number().int(),
    losses: z.instanceof(Float64Array),
  }),
  /** A run trace as JSON text (steps: how many it holds, which the size limit may have cut), or why none could be made. */
  z.object({ v: version, type: z.literal('trace'), step: z.number(), id, steps: z.number().int(), json: z.string().nullable(), error: z.string().nullable() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** A message's shape checked against a schema: typed, or the first problem in words. */
function check<T>(schema: z.ZodType<T>, data: unknown): { ok: true; msg: T } | { ok: false; reason: string } {
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'message is not an object' };
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, msg: r.data };
  const issue = r.error.issues[0];
  const type = (data as { type?: unknown }).type;
  if (issue.code === 'invalid_union' && issue.path.join('.') === 'type') return { ok: false, reason: `unknown message type ${JSON.stringify(type)}` };
  // Our own refusals name what they refuse; zod's generic ones get the message type and field in front.
  if (issue.code === 'custom' || issue.path[0] === 'v') return { ok: false, reason: issue.message };
  return { ok: false, reason: `${String(type)}: ${issue.path.join('.')}: ${issue.message}` };
}

/** Checks an incoming message's shape; returns it typed, or a reason it is not one. */
export function parseToWorker(data: unknown): { ok: true; msg: ToWorker } | { ok: false; reason: string } {
  return check(toWorkerSchema, data);
}

/** Checks a message from a trainer worker (the page's side); returns it typed, or a reason it is not one. */
export function parseFromWorker(data: unknown): { ok: true; msg: FromWorker } | { ok: false; reason: string } {
  return check(fromWorkerSchema, data);
}

/** Ends a switch that handles every case: a new message type or state is then a type error there. */
export { assertNever } from '../engine/floatArray.ts';
