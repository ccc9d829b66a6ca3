import type { Preset } from '../experiment/presets.ts';
import { measuredText } from './results.ts';

/** A preset's "what to watch" line, its numbers filled from the measured claims. */
export function presetWatch(p: Preset): string {
  return measuredText(p.watch);
}

/** A preset's "why these numbers", its measurements filled from the claims. */
export function presetWhy(p: Preset): string {
  return measuredText(p.why);
}
