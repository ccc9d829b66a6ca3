import { headlineEarly, headlineFinal, headlineFinalLoss, headlinePlateau, headlineSteps, regularizationGap } from './defs/headline.ts';
import { inferenceBatch, inferenceMomentum, reluPlacement, scalesClaim, tinyBatchInference, tinyBatchLn } from './defs/limits.ts';
import { lpShift, lpTrains } from './defs/lpNorms.ts';
import { headlineTuned, highLrClaim } from './defs/rates.ts';
import { icsClaim, noisyShift, noisyTrains, smoothnessClaim } from './defs/santurkar.ts';
import { shiftBnAfter, shiftBnGamma, shiftPlain } from './defs/shift.ts';
import type { Claim } from './types.ts';

/** Every claim the story, the presets, the gallery and the README may state, in the story's order. */
export const CLAIMS: readonly Claim[] = [
  headlineSteps,
  headlineEarly,
  headlineFinal,
  headlineFinalLoss,
  headlinePlateau,
  headlineTuned,
  shiftPlain,
  shiftBnGamma,
  shiftBnAfter,
  inferenceBatch,
  inferenceMomentum,
  tinyBatchInference,
  highLrClaim,
  regularizationGap,
  noisyShift,
  noisyTrains,
  icsClaim,
  smoothnessClaim,
  lpShift,
  lpTrains,
  tinyBatchLn,
  reluPlacement,
  scalesClaim,
] as Claim[];

/** The claim with this id, or undefined. */
export function findClaim(id: string): Claim | undefined {
  return CLAIMS.find((c) => c.id === id);
}
