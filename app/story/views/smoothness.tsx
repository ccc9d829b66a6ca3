import type { ReactNode } from 'react';
import { claimHolds, measured, measuredText } from '../../../src/claims/index.ts';
import { Term } from '../../glossary/Term.tsx';
import { useDemo, useDemoState, useHistoryVersion } from '../demo/DemoContext.ts';
import { demoConfig, DEMOS } from '../demo/demoSpecs.ts';
import { landscapeSeries, rougherCount, smoothRunLine, summarize, turns } from '../focal/landscape.ts';
import { LandscapeSmoothness } from '../focal/LandscapeSmoothness.tsx';
import type { SectionView } from './types.ts';
import { ClaimLines } from './ClaimLines.tsx';

/** Per layer with a layer below it, how BN's gradient turns against plain's, with both medians: "in layer 3 BN’s turns less (0.89 against plain’s 0.81)". */
function turnSentence(): string {
  const parts = [3, 2].map((l) => {
    const how = turns(measured('ics-gradient', `bnCos${l}`).median, measured('ics-gradient', `plainCos${l}`).median) ?? 'unmeasured';
    return measuredText(`in layer ${l} BN’s turns ${how} ({ics-gradient.bnCos${l}} against plain’s {ics-gradient.plainCos${l}})`);
  });
  return `Over 5 seeds, ${parts.join('; ')}.`;
}

/** The measured sentence (it says itself how modest the difference is), then this run's numbers. */
function SmoothnessClaim(): ReactNode {
  const demo = useDemo();
  useHistoryVersion(demo.history, 250);
  const shape = useDemoState((s) => s.shape);
  const phase = useDemoState((s) => s.phase);
  const placements = shape?.placements ?? [];
  const plain = placements.indexOf('none');
  const bn = placements.indexOf('before');
  const run =
    plain < 0 || bn < 0
      ? null
      : (() => {
          const p = landscapeSeries(demo.history, plain);
          const b = landscapeSeries(demo.history, bn);
          return smoothRunLine(summarize(p), summarize(b), rougherCount(p, b), measured('smoothness', 'betaRatio').median);
        })();
  return (
    <ClaimLines
      measured={
        claimHolds('smoothness')
          ? measuredText(
              'Over 5 seeds plain’s β-smoothness is {smoothness.betaRatio} BN’s, larger at {smoothness.rougherShare} of probes; loss range {smoothness.plainLossRange} vs {smoothness.bnLossRange}. Modest: probes overlap.',
            )
          : measuredText('{smoothness}')
      }
      // Only a finished run is weighed against the medians.
      run={run === null ? null : { text: run.text, agrees: phase === 'done' ? run.agrees : null }}
    />
  );
}

/** Santurkar et al.'s explanation: BN makes the loss smoother along the gradient; and their measure of covariate shift. */
export const smoothness: SectionView = {
  Chart: () => (
    <LandscapeSmoothness steps={DEMOS.smoothness?.steps ?? 500} every={DEMOS.smoothness === undefined ? 25 : demoConfig(DEMOS.smoothness, 1).probeEvery} />
  ),
  Lead: () => <p>Santurkar et al. (2018): BN smooths the loss, so a step lands where its gradient predicted.</p>,
  Claim: SmoothnessClaim,
  More: () => (
    <>
      <p>
        <Term id="betaSmooth">Effective β-smoothness</Term> is the largest change of the gradient per distance moved along it: a small value means the gradient
        at the start of a step still holds at its end, so a larger step is safe.
      </p>
      <p>
        They also measured <Term id="ics">internal covariate shift</Term> by what it does to training: how a layer’s gradient changes when only the layers below
        it take their step (layer 1 has none below it, so no shift by definition). Two numbers say it.
      </p>
      <p>
        How far the gradient moves, <Term id="gradDiff">‖G − G′‖</Term> (0: no shift).{' '}
        {claimHolds('ics-gradient')
          ? measuredText(
              'Over 5 seeds BN’s is at least as large: layer 3 {ics-gradient.bnDiff3:range} against plain’s {ics-gradient.plainDiff3:range}, layer 2 {ics-gradient.bnDiff2} against {ics-gradient.plainDiff2}. By this measure BN does not reduce the shift.',
            )
          : measuredText(
              'Over 5 seeds, layer 3: BN {ics-gradient.bnDiff3:range}, plain {ics-gradient.plainDiff3:range}; layer 2: BN {ics-gradient.bnDiff2}, plain {ics-gradient.plainDiff2}.',
            )}
      </p>
      <p>
        Whether it still points the same way, <Term id="gradCos">cos(G, G′)</Term> (1: not turned at all). {turnSentence()}
      </p>
    </>
  ),
};
