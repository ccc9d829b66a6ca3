import data from './results.json' with { type: 'json' };
import { fillTemplate } from './format.ts';
import type { ClaimResults, MeasuredNumber } from './types.ts';

/** The committed measurements (npm run claims writes them; npm run claims -- --check keeps them current). */
export const RESULTS = data as unknown as ClaimResults;

/** A measured number of a claim; throws when it was never measured, so no text can show a stale or missing one. */
export function measured(claim: string, name: string): MeasuredNumber {
  const n = RESULTS.claims[claim]?.numbers[name];
  if (n === undefined) throw new Error(`claim ${claim} has no measured number ${name}`);
  return n;
}

/** Whether a claim's condition held over the seeds. */
export function claimHolds(claim: string): boolean {
  const c = RESULTS.claims[claim];
  if (c === undefined) throw new Error(`claim ${claim} was never measured`);
  return c.holds;
}

/** A template filled from the committed measurements ({claim-id.name:form}, {claim-id} for a claim's text). */
export function measuredText(template: string): string {
  return fillTemplate(template, RESULTS);
}
