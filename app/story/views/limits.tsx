import { measured, measuredText } from '../../../src/claims/index.ts';
import { AccuracyRace } from '../focal/AccuracyRace.tsx';
import { RaceClaim } from './RaceClaim.tsx';
import type { SectionView } from './types.ts';

/** Batches of two: BN's statistics are too noisy, layer norm needs none. */
export const limits: SectionView = {
  Chart: () => <AccuracyRace steps={2000} target={0.8} title="Test accuracy trained on batches of two: plain, batch norm and layer norm" />,
  Lead: () => (
    <p>
      BN’s mean and variance come from the batch; with two digits they are very noisy. Layer norm normalizes each digit over its own units. ReLU and momentum
      here, so plain trains too.
    </p>
  ),
  Claim: () => (
    <RaceClaim
      target={0.8}
      higherFirst
      measured={measuredText('Medians of 5 seeds at step 2,000: LN {tiny-batch-ln.ln2}, plain {tiny-batch-ln.plain2}, BN {tiny-batch-ln.bn2}.')}
      medians={{
        none: measured('tiny-batch-ln', 'plain2').median,
        before: measured('tiny-batch-ln', 'bn2').median,
        'ln-before': measured('tiny-batch-ln', 'ln2').median,
      }}
    />
  ),
  More: () => (
    <>
      <p>{measuredText('{tiny-batch-ln}')}</p>
      <p>{measuredText('{tiny-batch}')}</p>
      <p>
        Batch statistics are noisy estimates, which is said to regularize a little, as dropout does. The same noise hurts when batches are tiny, and it ties
        every prediction in training to its batch. Batch renormalization, layer norm and group norm came from this.
      </p>
    </>
  ),
};
