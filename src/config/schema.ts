import { z } from 'zod';
import { ACTIVATIONS } from '../engine/activationNames.ts';
import { INIT_KINDS } from '../engine/init.ts';
import { INFERENCE_MODES } from '../engine/modes.ts';
import { PLACEMENTS } from '../engine/spec.ts';
import { DATASETS, DEFAULT_CONFIG, type Config } from './config.ts';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const num = (min: number, max: number) => z.number().finite().min(min).max(max);

/** How many variants a run compares: two at least (the point is the comparison), four at most (legibility). */
export const VARIANTS_MIN = 2;
export const VARIANTS_MAX = 4;

/** One schema per field: the single source of every range (docs, URL codec, CLI and app all use it). */
export const configSchema = {
  dataset: z.enum(DATASETS),
  standardize: z.boolean(),
  depth: int(1, 6),
  width: int(8, 256),
  activation: z.enum(ACTIVATIONS),
  init: z.enum(INIT_KINDS),
  initSigma: num(1e-4, 10),
  variants: z
    .array(z.enum(PLACEMENTS))
    .min(VARIANTS_MIN)
    .max(VARIANTS_MAX)
    .refine((v) => new Set(v).size === v.length, 'placements must differ'),
  lr: num(1e-5, 100),
  momentum: num(0, 0.99),
  batchSize: int(1, 512),
  bnEps: num(1e-10, 1),
  bnMomentum: num(1e-4, 1),
  evalMode: z.enum(INFERENCE_MODES),
  evalEvery: int(1, 100_000),
  evalBatchSize: int(1, 10_000),
  probeEvery: int(0, 10_000),
  inferEvery: int(0, 10_000),
  seed: int(0, 2 ** 32 - 1),
  trackLayer: int(1, 6),
  trackUnit: int(0, 255),
} satisfies { [K in keyof Config]: z.ZodType<Config[K]> };

/** A field that was rejected and replaced by its default (or adjusted), with why. */
export interface ConfigNotice {
  readonly field: string;
  readonly message: string;
}

/** The outcome of reading a config: always a valid Config, plus a notice for everything that was fixed. */
export interface ParsedConfig {
  readonly config: Config;
  readonly notices: readonly ConfigNotice[];
}

/** Longest quoted value in a notice: a 10,000-character link value must not become a 10,000-character message. */
const QUOTE_MAX = 40;

/** A value as JSON for a message, shortened with its length when too long. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= QUOTE_MAX ? text : `${text.slice(0, QUOTE_MAX)}… (${text.length} characters)`;
}

/**
 * Reads a partial config. Missing fields take their defaults; a field that fails its schema takes its
 * default and yields a notice; unknown fields yield a notice. The tracked layer and unit are then clamped
 * into the model's shape. The result is always usable.
 */
export function parseConfig(input: unknown, base: Config = DEFAULT_CONFIG): ParsedConfig {
  const fields = parseFields(input, base);
  const notices = [...fields.notices];
  const given = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  return { config: clampTracking(fields.config, given, notices), notices };
}

/**
 * Checks each field on its own against its schema, as parseConfig does, but leaves the tracked layer and unit
 * as given: a link's `trackLayer=5` must reach the preset's depth-6 model, not be clamped to the default depth first.
 */
export function parseFields(input: unknown, base: Config = DEFAULT_CONFIG): ParsedConfig {
  const notices: ConfigNotice[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { config: base, notices: [{ field: '(config)', message: 'expected an object of fields; using the defaults' }] };
  }
  const record = input as Record<string, unknown>;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(configSchema, key)) {
      notices.push({ field: key, message: `unknown field ${quote(key)} ignored` });
      continue;
    }
    const field = key as keyof Config;
    const result = configSchema[field].safeParse(record[key]);
    if (result.success) {
      out[field] = result.data;
    } else {
      const why = result.error.issues[0]?.message ?? 'invalid';
      notices.push({ field, message: `${field}: ${quote(record[key])} is not valid (${why}); using ${JSON.stringify(base[field])}` });
    }
  }
  return { config: out as unknown as Config, notices };
}

/**
 * Keeps the tracked layer and unit inside the model: layer ≤ depth, unit < width. A value the input set
 * is reported when it has to move; a default that no longer fits (the last layer of a shallower model)
 * moves silently.
 */
function clampTracking(config: Config, given: Record<string, unknown>, notices: ConfigNotice[]): Config {
  let { trackLayer, trackUnit } = config;
  if (trackLayer > config.depth) {
    if (Object.hasOwn(given, 'trackLayer')) {
      notices.push({ field: 'trackLayer', message: `trackLayer ${trackLayer} exceeds depth ${config.depth}; tracking layer ${config.depth}` });
    }
    trackLayer = config.depth;
  }
  if (trackUnit >= config.width) {
    if (Object.hasOwn(given, 'trackUnit')) {
      notices.push({ field: 'trackUnit', message: `trackUnit ${trackUnit} exceeds width ${config.width}; tracking unit 0` });
    }
    trackUnit = 0;
  }
  return trackLayer === config.trackLayer && trackUnit === config.trackUnit ? config : { ...config, trackLayer, trackUnit };
}

/** A one-line description of each field's range, for docs and error messages. */
export function describeRange(field: keyof Config): string {
  const schema = configSchema[field] as z.ZodType;
  const json = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<string, unknown>;
  if (Array.isArray(json.enum)) return `one of ${json.enum.join(', ')}`;
  if (json.type === 'boolean') return 'true or false';
  if (json.type === 'array') {
    const items = json.items as Record<string, unknown>;
    return `${json.minItems}–${json.maxItems} distinct of ${(items.enum as string[]).join(', ')}`;
  }
  const kind = json.type === 'integer' ? 'integer' : 'number';
  return `${kind} in [${json.minimum}, ${json.maximum}]`;
}
