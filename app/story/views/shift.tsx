import type { ReactNode } from 'react';
import { claimHolds, measuredText } from '../../../src/claims/index.ts';
import { Term } from '../../glossary/Term.tsx';
import { useStore } from '../../store/store.ts';
import { ChainLink } from '../ChainLink.tsx';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { DriftPanels } from '../focal/DriftPanels.tsx';
import { driftRunLine, unitBand, widening } from '../focal/drift.ts';
import { Tex } from '../Tex.tsx';
import type { SectionView } from './types.ts';
import { ClaimLines } from './ClaimLines.tsx';

/** The measured sentence: plain's widening over 5 seeds (the layer-wide shift is under More), or what was measured instead. */
function measuredLine(): string {
  if (!claimHolds('shift-plain')) return measuredText('{shift-plain}');
  return measuredText('Over 5 seeds, plain’s band widens {shift-plain.widening500:range} by step 500.');
}

/** The claim: the measured widening, then this run's own (as the chart labels it), and whether this seed agrees. */
function ShiftClaim(): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 250);
  const shape = useDemoState((s) => s.shape);
  const config = useDemoState((s) => s.config);
  const phase = useDemoState((s) => s.phase);
  const placements = shape?.placements ?? [];
  const layer = (config?.trackLayer ?? 3) - 1;
  const plainV = placements.indexOf('none');
  const bnV = placements.indexOf('before');
  const plain = plainV < 0 ? null : widening(unitBand(demo.history, plainV, layer, 'act'));
  const z = bnV < 0 ? null : widening(unitBand(demo.history, bnV, layer, 'z'));
  const run = driftRunLine(plain, z, phase === 'done', claimHolds('shift-plain'));
  return <ClaimLines measured={measuredLine()} run={run} />;
}

/** The lead: what BN holds by construction, and what the chart shows beyond it (shorter on a presenter's slide). */
function ShiftLead(): ReactNode {
  const presenting = useStore((s) => s.presenting);
  if (presenting) return <p>BN pins each unit’s batch mean and spread; plain’s band and BN’s z (hatched) move.</p>;
  return (
    <p>
      <Term id="ics">Internal covariate shift</Term>: a layer’s inputs drift as the layers below learn. BN pins each unit’s batch mean and spread to β and γ by
      construction; plain’s <Term id="band">band</Term> and BN’s own input z (hatched) are free to move.
    </p>
  );
}

/** Internal covariate shift: one unit's inputs drift without BN; with BN, what holds still is held by construction. */
export const shift: SectionView = {
  Chart: () => <DriftPanels title="One unit of the last hidden layer over 500 steps: plain beside BN, 15th–85th percentile band and median on 24 digits" />,
  Lead: ShiftLead,
  Claim: ShiftClaim,
  More: () => (
    <>
      {claimHolds('shift-plain') && <p>{measuredText('{shift-plain}')}</p>}
      <p>{measuredText('{shift-bn-after}')}</p>
      <p>
        Goodfellow, Bengio and Courville (§8.7.1) strip the problem to a chain of single units, <Tex tex="\hat y = x\,w_1 w_2 w_3" />: a step on{' '}
        <Tex tex="w_1" /> changes what <Tex tex="w_2" /> and <Tex tex="w_3" /> receive, so each update’s effect depends on all the others. One learning rate
        then cannot suit every weight.
      </p>
      <ChainLink />
    </>
  ),
};
