import { claimHolds, measured, measuredText } from '../../../src/claims/index.ts';
import { AccuracyRace, type RaceNote } from '../focal/AccuracyRace.tsx';
import { RaceClaim } from './RaceClaim.tsx';
import type { SectionView } from './types.ts';

/**
 * The section's other half, written on the chart once the run is under way: the noisy network's inputs shift
 * more than plain's (measured over the seeds), in the empty lower right, below the lines near the top.
 */
function shiftNote(series: readonly (readonly { step: number }[])[]): RaceNote[] {
  const last = Math.max(0, ...series.map((s) => s.at(-1)?.step ?? 0));
  if (last < 100 || !claimHolds('noisy-shift')) return [];
  return [{ step: 400, acc: 0.18, text: measuredText('noisy BN’s inputs shift {noisy-shift.noisySpread3} per 100 steps, plain’s {noisy-shift.plainSpread3}') }];
}

/** Santurkar et al.'s first test: add shift on purpose, and see whether training slows. */
export const noisy: SectionView = {
  Chart: () => <AccuracyRace steps={500} notes={shiftNote} title="Test accuracy of plain, batch norm and noisy batch norm" />,
  Lead: () => (
    <p>
      If BN helps by holding layer inputs still, shaking them should undo the help. Santurkar and colleagues (2018) added a random shift and scale to every unit
      after BN, new at every step.
    </p>
  ),
  Claim: () => (
    <RaceClaim
      measured={measuredText(
        'Over 5 seeds: its layer-3 inputs shift {noisy-shift.noisySpread3} per 100 steps (plain {noisy-shift.plainSpread3}); 90% at step {noisy-trains.noisyTo90} (BN {noisy-trains.bnTo90}, plain {noisy-trains.plainTo90}).',
      )}
      medians={{
        none: measured('noisy-trains', 'plainTo90').median,
        before: measured('noisy-trains', 'bnTo90').median,
        noisy: measured('noisy-trains', 'noisyTo90').median,
      }}
    />
  ),
  More: () => (
    <>
      <p>{measuredText('{noisy-shift}')}</p>
      <p>{measuredText('{noisy-trains}')}</p>
    </>
  ),
};
