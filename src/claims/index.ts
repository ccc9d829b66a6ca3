/** The measured claims' surface for app/: their committed results, how to format them, and their types. */
export { claimHolds, measured, measuredText } from './results.ts';
/** Filling a claim's text with its numbers. */
export { fillTemplate, formatValue } from './format.ts';
/** A preset's "what to watch" sentence. */
export { presetWatch } from './presetText.ts';
export type { ClaimResults, MeasuredNumber, Unit } from './types.ts';
