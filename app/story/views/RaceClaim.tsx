import type { ReactNode } from 'react';
import type { Placement } from '../../../src/engine/index.ts';
import { VARIANT_STYLES } from '../../viz/palette.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { evalSeries, firstReach } from '../focal/race.ts';
import { raceRunLine } from './raceClaim.ts';
import { ClaimLines } from './ClaimLines.tsx';

/** A variant's short name inside a sentence: "plain", "BN before", "LN before". */
const sentenceName = (short: string) => (/^[A-Zℓ][A-Z]/.test(short) ? short : short.charAt(0).toLowerCase() + short.slice(1));

/**
 * A race section's claim: the measured sentence (median over seeds, from the claims), then this run's own
 * numbers, and a warning when this seed's order goes against the medians.
 */
export function RaceClaim({
  measured,
  medians,
  target = 0.9,
  higherFirst = false,
}: {
  measured: string;
  /** Per variant, the measured median that ranks the runners: steps to the target, or (higherFirst) an accuracy. */
  medians: Partial<Record<Placement, number | null>>;
  target?: number;
  higherFirst?: boolean;
}): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 250);
  const shape = useDemoState((s) => s.shape);
  const phase = useDemoState((s) => s.phase);
  const step = useDemoState((s) => s.step);
  const placements = shape?.placements ?? [];
  const runners = placements
    .filter((p) => p in medians)
    .map((p) => ({
      name: sentenceName(VARIANT_STYLES[p].short),
      reached: firstReach(evalSeries(demo.history, placements.indexOf(p)), target),
      median: medians[p] ?? null,
    }));
  const run = runners.length > 0 ? raceRunLine(runners, step, target, phase === 'done', higherFirst) : null;
  return <ClaimLines measured={measured} run={run} />;
}
