import type { ReactNode } from 'react';
import { claimHolds, measuredText } from '../../../src/claims/index.ts';
import { INFER_POPULATION_BATCHES } from '../../../src/experiment/index.ts';
import { Term } from '../../glossary/Term.tsx';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { demoConfig, DEMOS } from '../demo/demoSpecs.ts';
import { epsLine, inferRunLine, inferSeries } from '../focal/inference.ts';
import { InferenceModes } from '../focal/InferenceModes.tsx';
import type { SectionView } from './types.ts';
import { ClaimLines } from './ClaimLines.tsx';

/** The measured sentences (medians over 5 seeds), then this run's numbers, and a warning where the run goes against them. */
function InferenceClaim(): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 250);
  const shape = useDemoState((s) => s.shape);
  const phase = useDemoState((s) => s.phase);
  const v = shape?.placements.indexOf('before') ?? -1;
  const run = v < 0 ? null : inferRunLine(inferSeries(demo.history, v));
  const measuredLine =
    claimHolds('inference-batch') && claimHolds('inference-momentum')
      ? measuredText('Over 5 seeds: a batch of 1, one class ({inference-batch.batch1}); Keras at step 50: {inference-momentum.kerasAt50}.')
      : `${measuredText('{inference-batch}')} ${measuredText('{inference-momentum}')}`;
  // Only a finished run is weighed against the medians; it goes against them if either of its lines does.
  const against = phase === 'done' && run !== null && (run.batchAgrees === false || run.momentumAgrees === false);
  return <ClaimLines measured={measuredLine} run={run === null ? null : { text: run.text, agrees: against ? false : null }} />;
}

/** This run's effect of Keras's ε, for the fold. */
function EpsLine(): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 500);
  const shape = useDemoState((s) => s.shape);
  const v = shape?.placements.indexOf('before') ?? -1;
  const line = v < 0 ? null : epsLine(inferSeries(demo.history, v).at(-1));
  return line === null ? null : <> {line}</>;
}

/** Batch, running or population statistics at test time, and the momentum conventions of the running averages. */
export const inference: SectionView = {
  Chart: () => <InferenceModes steps={DEMOS.inference?.steps ?? 300} every={DEMOS.inference === undefined ? 25 : demoConfig(DEMOS.inference, 1).inferEvery} />,
  Lead: () => (
    <p>
      At test time BN takes its mean and variance from <Term id="batchStats">the test batch</Term>, <Term id="running">running averages</Term> or{' '}
      <Term id="population">population statistics</Term>.
    </p>
  ),
  Claim: InferenceClaim,
  More: () => (
    <>
      <p>{measuredText('{inference-batch}')}</p>
      <p>{measuredText('{inference-momentum}')}</p>
      <p>
        <Term id="bnMomentum">Momentum</Term> is read two ways: PyTorch’s 0.1 puts 0.1 of the weight on each new batch, Keras’s 0.99 keeps 0.99 on the old
        average. Both start at mean 0 and variance 1; with 0.99, 37% of that start is still in the averages after 100 steps (0.99¹⁰⁰ ≈ 0.37).
      </p>
      <p>
        <Term id="eps">ε</Term> differs too: PyTorch adds 1e-5 to the variance, Keras 1e-3. It caps BN’s gain at 1/√ε, and matters only for units whose variance
        is about that small.
        <EpsLine />
      </p>
      <p>
        Population statistics, as in the BN paper, average the batch means and use the unbiased variance, m/(m − 1) times the mean batch variance; this probe
        takes them over {INFER_POPULATION_BATCHES} training batches.
      </p>
      <p>{measuredText('{tiny-batch}')}</p>
    </>
  ),
};
