import { formatAmount, formatRate } from '../../scaling/contourGeometry.ts';
import { onLinkClick, useHref } from '../../navigation/navigate.ts';
import { useStore } from '../../store/store.ts';
import { ScalingFocal } from '../focal/ScalingFocal.tsx';
import { stepsOf, STORY_RUNS } from '../focal/scalingStory.ts';
import type { SectionView } from './types.ts';

const [RAW, STD] = STORY_RUNS;
const steps = (r: typeof RAW) => stepsOf(r.result).toLocaleString('en-US');
const share = (r: typeof RAW) => `${Math.round((100 * r.lr) / r.limit)}%`;

/** A link to the full feature-scaling lab, opened in place (a new history entry, so Back returns). */
function LabLink() {
  const section = useStore((s) => s.section);
  const href = useHref({ view: 'scaling', section });
  return (
    <p>
      <a href={href} onClick={onLinkClick({ view: 'scaling' })}>
        Open the full feature-scaling lab: drag the start, set each rate, measure area in m², add momentum →
      </a>
    </p>
  );
}

/** The lead; in presenter mode a slide's shorter version (the speaker says the rest). */
function Lead() {
  const presenting = useStore((s) => s.presenting);
  return presenting ? (
    <p>
      One learning rate for every weight. Features on different scales: a long, thin valley. Standardized: a round bowl. Batch norm: what if every layer’s
      inputs were standardized?
    </p>
  ) : (
    <p>
      One learning rate serves every weight. Here two weights price a house: per room (1–8) and per 10 m² of floor (2–40). Scales this different make the loss a
      long, thin valley; standardized, a round bowl. Batch norm asks: what if every layer’s inputs were standardized?
    </p>
  );
}

/** Feature scaling: one learning rate for two weights on very different scales, raw and standardized. */
export const scaling: SectionView = {
  Chart: ScalingFocal,
  animates: true,
  Lead,
  Claim: () => (
    <p className="claim-measured">
      Standardized: <span data-testid="claim-steps-standardized">{steps(STD)}</span> steps. Raw: <span data-testid="claim-steps-raw">{steps(RAW)}</span>, in a
      valley κ = {formatAmount(RAW.f.condition)} times more curved across than along.
    </p>
  ),
  More: () => (
    <>
      <p>
        κ, the condition number, says how many times more sharply the bowl curves in its steepest direction than in its flattest:{' '}
        {formatAmount(RAW.f.condition)} for the raw features, {formatAmount(STD.f.condition)} standardized. The steepest direction sets the largest rate that
        does not diverge (2/λmax); along the flattest, each such step then closes only a sliver of the gap, about 2/κ of it. So the steps grow with κ.
      </p>
      <p>
        Each plot uses the rate, among 1–99% of its limit, that converges in the fewest steps: η = {formatRate(RAW.lr)} raw ({share(RAW)} of its limit), η ={' '}
        {formatRate(STD.lr)} standardized ({share(STD)}). Converged means the loss above its minimum is down to a millionth of where it started.
      </p>
      <LabLink />
    </>
  ),
};
