import { measured, measuredText } from '../../../src/claims/index.ts';
import { AccuracyRace, type RaceNote } from '../focal/AccuracyRace.tsx';
import type { RacePoint } from '../focal/race.ts';
import { RaceClaim } from './RaceClaim.tsx';
import type { SectionView } from './types.ts';

/** While plain is still near chance past its first 100 steps, the chart says why it is flat. */
function plateauNote(series: readonly (readonly RacePoint[])[], names: readonly string[]): RaceNote[] {
  const plain = names.indexOf('Plain');
  const s = plain < 0 ? undefined : series[plain];
  const last = s?.at(-1);
  if (s === undefined || last === undefined || last.step < 100 || last.acc > 0.3) return [];
  return [{ step: last.step / 2, acc: Math.max(...s.map((p) => p.acc)), text: 'plain is still on its plateau' }];
}

/** The first picture: the same network, the same start and batches, with and without BN, racing to 90%. */
export const opening: SectionView = {
  Chart: () => <AccuracyRace steps={500} notes={plateauNote} title="Test accuracy over the first 500 steps, plain and with batch norm" />,
  Lead: () => (
    <p>
      Two copies of one network learn to read handwritten digits: the same starting weights, the same batches, the same learning rate. One has batch
      normalization before each sigmoid. Watch which passes 90% first.
    </p>
  ),
  Claim: () => (
    <RaceClaim
      measured={measuredText('Over 5 seeds, BN reaches 90% at step {headline-steps.bnTo90:range} and plain at step {headline-steps.plainTo90:range}.')}
      medians={{ none: measured('headline-steps', 'plainTo90').median, before: measured('headline-steps', 'bnTo90').median }}
    />
  ),
  More: () => (
    <>
      <p>{measuredText('{headline-tuned}')}</p>
      <p>{measuredText('{headline-final}')}</p>
      <p>
        The network is the one of Ioffe and Szegedy’s Figure 1 (three hidden layers of 100 sigmoid units, small Gaussian weights, batches of 60), trained here
        on 8,000 MNIST digits for thousands of steps rather than 50,000: what shows is a faster start, not a higher end.
      </p>
    </>
  ),
};
