import { DEFAULT_CONFIG, type Config } from '../config/config.ts';
import { configToQuery } from '../config/url.ts';
import { PRESETS, type Preset } from './presets.ts';

/**
 * The config a `?preset=NAME` link starts from before its overrides: the defaults under the preset's fields,
 * as the link reader spreads them (unclamped, so the overrides then land exactly where the reader puts them).
 */
export function presetBase(preset: Preset): Config {
  return { ...DEFAULT_CONFIG, ...preset.config };
}

/**
 * The shortest query-string form of a config for a share link (and its QR code): `preset=NAME` and the fields
 * that differ from that preset, or, when no preset gives a shorter one, the fields that differ from the
 * defaults (configToQuery's form; '' for the defaults). A tie keeps the form without a preset.
 */
export function compactConfigQuery(config: Config, presets: readonly Preset[] = PRESETS): string {
  let best = configToQuery(config);
  for (const preset of presets) {
    const rest = configToQuery(config, presetBase(preset));
    const query = `preset=${encodeURIComponent(preset.name)}${rest === '' ? '' : `&${rest}`}`;
    if (query.length < best.length) best = query;
  }
  return best;
}
