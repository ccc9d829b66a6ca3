import { measured, measuredText } from '../../../src/claims/index.ts';
import { AccuracyRace } from '../focal/AccuracyRace.tsx';
import { RaceClaim } from './RaceClaim.tsx';
import type { SectionView } from './types.ts';

/** Twenty times the learning rate, from scratch: plain stalls, BN learns. */
export const rates: SectionView = {
  Chart: () => <AccuracyRace steps={500} title="Test accuracy at learning rate 10, plain and with batch norm" />,
  Lead: () => <p>The same pair from the same start, at learning rate 10 instead of 0.5. The BN paper trained Inception at up to 30 times its usual rate.</p>,
  Claim: () => (
    <RaceClaim
      measured={measuredText(
        'Over 5 seeds at lr 10, BN reaches 90% at step {high-lr.bnTo90:range}; plain ends at {high-lr.plainFinal:range} after 1,000 steps.',
      )}
      medians={{ none: null, before: measured('high-lr', 'bnTo90').median }}
    />
  ),
  More: () => (
    <>
      <p>{measuredText('{high-lr}')}</p>
      <p>{measuredText('{headline-tuned}')}</p>
      <p>{measuredText('{regularization-gap}')}</p>
      <p>
        The lab’s learning-rate sweep runs any setup at seven rates from the same start: <a href="?view=lab&amp;preset=bn-paper">open the lab</a> and press “Run
        the sweep”.
      </p>
    </>
  ),
};
