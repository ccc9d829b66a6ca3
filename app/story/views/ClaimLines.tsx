import type { ReactNode } from 'react';

/**
 * A section's claim as it is shown: the measured sentence (medians over the seeds), then this run's own line,
 * with a warning when this seed goes against the medians (`agrees` false; null while it cannot tell yet).
 */
export function ClaimLines({ measured, run }: { measured: ReactNode; run: { text: ReactNode; agrees: boolean | null } | null }): ReactNode {
  return (
    <>
      <p className="claim-measured">{measured}</p>
      {run !== null && (
        <p className="claim-run" data-testid="claim-run">
          {run.text}
          {run.agrees === false && <strong className="against"> This seed goes against the median over 5 seeds: try another.</strong>}
        </p>
      )}
    </>
  );
}
