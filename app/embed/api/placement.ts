import type { Placement } from '../../../src/engine/index.ts';
import { flipPlacements } from '../../presenter/deck.ts';

/** The side of its activation a normalization sits on. */
export type Side = 'before' | 'after';

/**
 * Every normalization moved to `side` of its activation, as key B moves them across (plain and noisy BN stay):
 * a placement on the other side is flipped, one already there stays.
 */
export function placeAll(variants: readonly Placement[], side: Side): Placement[] {
  return variants.map((p) => {
    const flipped = flipPlacements([p])[0];
    return flipped !== p && flipped.endsWith(side) ? flipped : p;
  });
}
