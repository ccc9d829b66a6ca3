import type { ReactNode } from 'react';
import { Term } from '../../glossary/Term.tsx';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { DEMOS } from '../demo/demoSpecs.ts';
import { biasLayersLine, biasRunLine, biasSeries, largestBiasGrad } from '../focal/bias.ts';
import { BiasGradient } from '../focal/BiasGradient.tsx';
import { Tex } from '../Tex.tsx';
import type { SectionView } from './types.ts';

/** The claim line: this run's own numbers only (the cancellation is algebra, so no seeds are needed). */
function BiasClaim(): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 250);
  const shape = useDemoState((s) => s.shape);
  const placements = shape?.placements ?? [];
  const latest = Object.fromEntries(placements.map((p, v) => [p, biasSeries(demo.history, v).at(-1)?.value ?? NaN]));
  const step = Math.max(0, ...placements.map((_, v) => biasSeries(demo.history, v).at(-1)?.step ?? 0));
  const line = biasRunLine({ step, latest });
  return (
    <>
      <p className="claim-measured">
        By construction b gets no gradient; <Term id="beta">β</Term> takes its job. Frameworks drop b.
      </p>
      {line !== null && (
        <p className="claim-run" data-testid="claim-run">
          {line}
        </p>
      )}
    </>
  );
}

/** This run's bound on BN before's bias gradient over every layer, for the fold. */
function LayersLine(): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 500);
  const shape = useDemoState((s) => s.shape);
  const before = shape?.placements.indexOf('before') ?? -1;
  const line = before < 0 ? null : biasLayersLine(largestBiasGrad(demo.history, before), shape?.nLayers ?? 0);
  return line === null ? null : <p>{line}</p>;
}

/** The dense layer's bias before BN: cancelled by the mean subtraction, so its gradient is zero. */
export const bias: SectionView = {
  Chart: () => <BiasGradient steps={DEMOS.bias?.steps ?? 200} />,
  Lead: () => (
    <>
      <p>
        The bias b adds the same to every digit of the batch; <Term id="bn">BN</Term> subtracts the batch mean:
      </p>
      <Tex block tex={String.raw`(z + b) - \mu_B(z + b) = z - \mu_B(z)`} />
    </>
  ),
  Claim: BiasClaim,
  More: () => (
    <>
      <LayersLine />
      <p>
        So frameworks build the layer before BN without a bias (in PyTorch, <code>nn.Linear(…, bias=False)</code> before <code>nn.BatchNorm1d</code>): b would
        cost memory and an update every step and change nothing.
      </p>
      <p>
        With BN after the activation, b sits before the sigmoid, and the sigmoid is not a shift: moving its input changes its output differently for every
        digit, so the mean subtraction downstream cannot undo it. That bias keeps a real gradient, as the chart shows.
      </p>
      <p>
        Why not exactly 0 on the chart? The network computes in float32, about 7 significant digits: the batch mean is subtracted after rounding, and what is
        left of b’s gradient is rounding error: the shaded zone.
      </p>
    </>
  ),
};
