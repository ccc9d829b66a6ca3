import { z } from 'zod';
import { quoteText as quote, readLinkParams } from '../../src/config/index.ts';
import { ANIMATION_SPEEDS, AREA_UNITS, clampStart, DEFAULT_START, defaultRawRate, defaultScalingState, problemFor, type ScalingState } from './scalingStore.ts';

/**
 * The feature-scaling lab's settings in a link: area unit, each plot's rate, momentum, start point and
 * animation speed. Defaults are omitted; each parameter has a zod schema and falls back with a notice.
 */
export const SCALING_KEYS = ['area', 'rawLr', 'stdLr', 'descentMomentum', 'start', 'anim'] as const;

const area = z.coerce.number().pipe(z.union(AREA_UNITS.map((u) => z.literal(u)) as [z.ZodLiteral<1>, z.ZodLiteral<10>, z.ZodLiteral<100>]));
/** The typed-rate field's own range. */
const rate = z.coerce.number().min(1e-12).max(1e6);
const momentum = z.coerce.number().min(0).max(0.99);
const start = z
  .string()
  .transform((t) => t.split(',').map(Number))
  .pipe(z.tuple([z.number().finite(), z.number().finite()]));
const anim = z.enum(ANIMATION_SPEEDS.map(String) as [string, ...string[]]).transform((t) => (t === 'all' ? 'all' : (Number(t) as ScalingState['speed'])));

/** Reads the scaling lab's state from a query string over its defaults (a repeated key takes its last value). */
export function scalingFromQuery(query: string, base: ScalingState = defaultScalingState()): { state: ScalingState; notices: string[] } {
  const { params } = readLinkParams(query);
  const notices: string[] = [];
  const read = <T>(key: (typeof SCALING_KEYS)[number], schema: z.ZodType<T>, what: string): T | undefined => {
    const text = params.get(key);
    if (text === null) return undefined;
    const parsed = schema.safeParse(text);
    if (parsed.success) return parsed.data;
    notices.push(`${key}=${quote(text)} is not ${what}; the feature-scaling lab uses its default.`);
    return undefined;
  };
  const unit = read('area', area, 'one of 1, 10, 100') ?? base.areaUnit;
  const state: ScalingState = {
    ...base,
    areaUnit: unit,
    // A new unit brings its own default raw rate, as the unit menu does.
    lr: {
      raw: read('rawLr', rate, 'a rate in [1e-12, 1e6]') ?? (unit === base.areaUnit ? base.lr.raw : defaultRawRate(unit)),
      standardized: read('stdLr', rate, 'a rate in [1e-12, 1e6]') ?? base.lr.standardized,
    },
    momentum: read('descentMomentum', momentum, 'a momentum in [0, 0.99]') ?? base.momentum,
    speed: read('anim', anim, `one of ${ANIMATION_SPEEDS.join(', ')}`) ?? base.speed,
  };
  const s = read('start', start, 'two numbers, comma-separated');
  state.start = s === undefined ? base.start : clampStart(s, problemFor(unit).standardized.minimum);
  return { state, notices };
}

/** The query-string form: only what differs from the defaults (the raw rate's default depends on the unit). */
export function scalingToQuery(s: ScalingState): string {
  const d = defaultScalingState();
  const params: string[] = [];
  if (s.areaUnit !== d.areaUnit) params.push(`area=${s.areaUnit}`);
  if (s.lr.raw !== defaultRawRate(s.areaUnit)) params.push(`rawLr=${s.lr.raw}`);
  if (s.lr.standardized !== d.lr.standardized) params.push(`stdLr=${s.lr.standardized}`);
  if (s.momentum !== d.momentum) params.push(`descentMomentum=${s.momentum}`);
  if (s.start[0] !== DEFAULT_START[0] || s.start[1] !== DEFAULT_START[1]) params.push(`start=${s.start.map((v) => Number(v.toPrecision(6))).join(',')}`);
  if (s.speed !== d.speed) params.push(`anim=${s.speed}`);
  return params.join('&');
}
