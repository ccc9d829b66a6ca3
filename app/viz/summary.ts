import { formatStep, formatTick } from './format.ts';

/**
 * Text alternatives for the live charts: what a sighted reader takes from the picture now, in a sentence a
 * screen reader can speak. Kept in hidden elements each chart points at (aria-describedby).
 */

/** "At step 348: Plain 0.130; BN before 0.174." (non-finite values read as "no value yet"). */
export function seriesSummary(step: number, entries: readonly { name: string; value: number }[], format: (v: number) => string): string {
  if (entries.length === 0) return 'No run yet.';
  const values = entries.map((e) => `${e.name} ${Number.isFinite(e.value) ? format(e.value) : 'no value yet'}`);
  return `At step ${formatStep(step)}: ${values.join('; ')}.`;
}

/** "Reached 90%: BN before at step 100; Plain not yet." */
export function targetSummary(target: string, entries: readonly { name: string; reached: number }[]): string {
  if (entries.length === 0) return '';
  return `Reached ${target}: ${entries.map((e) => (e.reached >= 0 ? `${e.name} at step ${formatStep(e.reached)}` : `${e.name} not yet`)).join('; ')}.`;
}

/** "median −0.84, middle 70% from −1.2 to −0.45" for a 15th/50th/85th percentile triple. */
export function spreadSummary(p15: number, p50: number, p85: number): string {
  if (![p15, p50, p85].every(Number.isFinite)) return 'no values yet';
  return `median ${formatTick(round(p50))}, middle 70% from ${formatTick(round(p15))} to ${formatTick(round(p85))}`;
}

/** "Step 348, z = xW + b (before BN). Tracked unit: median …. Whole layer: median …." for one drift chart. */
export function driftSummary(step: number, quantity: string, unit: readonly [number, number, number], layer: readonly [number, number, number]): string {
  return `Step ${formatStep(step)}, ${quantity}. Tracked unit: ${spreadSummary(...unit)}. Whole layer: ${spreadSummary(...layer)}.`;
}

/** "Step 348, into the sigmoid (after BN): median …, middle 70% from … to …; 52% saturated." for one histogram. */
export function histogramSummary(step: number, quantity: string, layer: readonly [number, number, number], note: string): string {
  return `Step ${formatStep(step)}, ${quantity}: ${spreadSummary(...layer)}${note === '' ? '' : `; ${note}`}.`;
}

/** Two significant digits: enough to hear, short enough to listen to. */
function round(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(2));
}
