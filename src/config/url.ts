import { DEFAULT_CONFIG, type Config } from './config.ts';
import { readLinkParams } from './query.ts';
import { parseConfig, parseFields, type ConfigNotice, type ParsedConfig } from './schema.ts';

/**
 * The query-string form of a config: only fields that differ from `base` (the defaults, or a preset's
 * config for a `preset=` link), lists comma-separated.
 */
export function configToQuery(config: Config, base: Config = DEFAULT_CONFIG): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof Config)[]) {
    const value = config[key];
    const fallback = base[key];
    if (JSON.stringify(value) === JSON.stringify(fallback)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params.toString();
}

/**
 * Reads a config from a query string. Each value is converted to its field's type, then checked by the
 * schema: a bad value becomes its default with a notice naming it; unknown parameters get a notice too.
 * `preset`-style parameters the app handles itself can be listed in `ignore`.
 */
export function configFromQuery(query: string, ignore: readonly string[] = []): ParsedConfig {
  const { partial, notices } = partialFromQuery(query, ignore);
  const parsed = parseConfig(partial);
  return { config: parsed.config, notices: [...notices, ...parsed.notices] };
}

/**
 * Only the fields a query string sets, each valid (so they can override a preset), plus a notice for every
 * parameter that was dropped. A repeated key takes its last value (see readLinkParams). The tracked layer and
 * unit are kept as given: the config they end up in (a preset's, perhaps) clamps them, with a notice.
 */
export function partialFromQuery(query: string, ignore: readonly string[] = []): { partial: Partial<Config>; notices: readonly ConfigNotice[] } {
  const raw: Record<string, unknown> = {};
  for (const [key, text] of readLinkParams(query).params) {
    if (!ignore.includes(key)) raw[key] = convert(key, text);
  }
  const { config, notices } = parseFields(raw);
  const bad = new Set(notices.map((n) => n.field));
  const partial = Object.fromEntries(
    Object.keys(raw)
      .filter((k) => Object.hasOwn(DEFAULT_CONFIG, k) && !bad.has(k))
      .map((k) => [k, config[k as keyof Config]]),
  );
  return { partial: partial as Partial<Config>, notices };
}

function convert(key: string, text: string): unknown {
  if (!Object.hasOwn(DEFAULT_CONFIG, key)) return text;
  const fallback = DEFAULT_CONFIG[key as keyof Config];
  if (Array.isArray(fallback)) return text === '' ? [] : text.split(',');
  if (typeof fallback === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  // Text that is not a number stays text, so the notice quotes what the link said.
  if (typeof fallback === 'number') return text.trim() === '' || !Number.isFinite(Number(text)) ? text : Number(text);
  return text;
}
