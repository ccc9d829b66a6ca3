import type { ReactNode } from 'react';
import { claimHolds, measuredText } from '../../../src/claims/index.ts';
import { Term } from '../../glossary/Term.tsx';
import { useStore } from '../../store/store.ts';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { unitBand } from '../focal/drift.ts';
import { TransformChart } from '../focal/TransformChart.tsx';
import { transformRunLine, widthNear } from '../focal/transform.ts';
import { Tex } from '../Tex.tsx';
import type { SectionView } from './types.ts';
import { ClaimLines } from './ClaimLines.tsx';

/** The measured sentence: γ grows and y's band widens over 5 seeds, or what was measured instead. */
function measuredLine(): string {
  if (!claimHolds('shift-bn-gamma')) return measuredText('{shift-bn-gamma}');
  return measuredText(
    'Over 5 seeds, γ grows to {shift-bn-gamma.gamma3000:range} by step 3,000 and y’s band widens from {shift-bn-gamma.band100} to {shift-bn-gamma.band3000}.',
  );
}

/** The claim: γ and β are learned and move y again (measured over seeds), then this run's own γ and β. */
function TransformClaim(): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 250);
  const shape = useDemoState((s) => s.shape);
  const config = useDemoState((s) => s.config);
  const phase = useDemoState((s) => s.phase);
  const step = useDemoState((s) => s.step);
  const v = shape?.placements.indexOf('before') ?? -1;
  const layer = (config?.trackLayer ?? 3) - 1;
  const stat = (key: 'unitGamma' | 'unitBeta') => (v < 0 ? NaN : demo.history.layerAt(-1, v, layer, key));
  const band = v < 0 ? [] : unitBand(demo.history, v, layer, 'act');
  const now = band.at(-1);
  const run = transformRunLine(
    stat('unitGamma'),
    stat('unitBeta'),
    widthNear(band, 100),
    now === undefined ? NaN : now.hi - now.lo,
    step,
    phase === 'done',
    claimHolds('shift-bn-gamma'),
  );
  return <ClaimLines measured={measuredLine()} run={run} />;
}

/** ε's cap on the gain, 1/√ε, for this demo's ε. */
function EpsCap(): ReactNode {
  const eps = useDemoState((s) => s.config?.bnEps ?? 1e-5);
  return <>{Math.round(1 / Math.sqrt(eps)).toLocaleString('en-US')}</>;
}

/** The lead: standardize, then scale and shift by learned γ and β (shorter on a presenter's slide). */
function TransformLead(): ReactNode {
  const presenting = useStore((s) => s.presenting);
  if (presenting) return <p>BN standardizes each unit over the batch, then scales and shifts it by learned γ and β.</p>;
  return (
    <p>
      BN standardizes each unit over the batch, then scales and shifts it by two numbers it learns, <Term id="gamma">γ</Term> and <Term id="beta">β</Term>. The
      chart: one unit on 24 digits as the network trains, one digit in black.
    </p>
  );
}

/** The BN transform, live: x → x̂ → y for one unit on one batch, and γ, β learned away from 1 and 0. */
export const transform: SectionView = {
  Chart: () => <TransformChart title="Batch norm’s transform of one unit on 24 digits: x, then x̂, then y, each digit linked across" />,
  Lead: TransformLead,
  Claim: TransformClaim,
  More: () => (
    <>
      <p>
        ε keeps the division safe and caps the gain at <Tex tex="1/\sqrt{\varepsilon}" />: with this run’s ε no input is multiplied by more than <EpsCap />.
      </p>
      <p>
        With <Tex tex="\gamma = \sqrt{\sigma_B^2 + \varepsilon}" /> and <Tex tex="\beta = \mu_B" /> the layer gives back its input unchanged: BN can undo
        itself, so it takes nothing away that the network cannot learn back.
      </p>
      <p>The paper puts BN before the nonlinearity, on z = xW + b, as here; many put it after. The bias section runs both.</p>
    </>
  ),
};
