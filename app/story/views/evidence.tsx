import type { ReactNode } from 'react';
import { measuredText } from '../../../src/claims/index.ts';
import { Term } from '../../glossary/Term.tsx';
import { useStore } from '../../store/store.ts';
import { evidenceItems, MEASURED, type Side } from '../focal/evidenceData.ts';
import { EvidenceScatter } from '../focal/EvidenceScatter.tsx';
import type { SectionView } from './types.ts';

/** Each side's tag, written before its items. */
const TAGS: Record<Side, string> = { against: 'against', for: 'for', smooth: 'smoother', measured: 'not as planned' };
const ORDER: readonly Side[] = ['against', 'for', 'smooth', 'measured'];

/** The closing summary: the question, then the measured evidence on each side, one short line per finding. */
function Ledger(): ReactNode {
  const items = evidenceItems(MEASURED).sort((a, b) => ORDER.indexOf(a.side) - ORDER.indexOf(b.side));
  const presenting = useStore((s) => s.presenting);
  if (presenting) {
    // On a slide, a few words per finding, readable from the back of the hall; the measured sentences are in the speaker notes.
    return (
      <div className="evidence-ledger">
        <p className="evidence-question">Which explanation do your numbers support? On “BN works by removing covariate shift”:</p>
        <ul>
          {items.map((i) => (
            <li key={i.text} data-side={i.side} data-claims={i.claims.join(' ')}>
              <span className="evidence-tag">{TAGS[i.side]}</span> {i.short}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="evidence-ledger">
      <p className="evidence-question">Which explanation do your numbers support? On “BN works by removing covariate shift”:</p>
      <ul>
        {items.map((i) => (
          <li key={i.text} data-side={i.side} data-claims={i.claims.join(' ')}>
            <span className="evidence-tag">{TAGS[i.side]}</span> {i.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The closing section: every network's shift against its speed, and the evidence on both sides. */
export const evidence: SectionView = {
  Chart: EvidenceScatter,
  Lead: () => (
    <p>
      Six networks, 5 seeds each: <Term id="inputShift">input shift</Term> against steps to 90%.
    </p>
  ),
  Claim: Ledger,
  More: () => (
    <>
      <p>{measuredText('{noisy-shift} {noisy-trains}')}</p>
      <p>{measuredText('{shift-bn-after}')}</p>
      <p>{measuredText('{lp-shift} {lp-trains}')}</p>
      <p>{measuredText('{ics-gradient}')}</p>
      <p>{measuredText('{smoothness}')}</p>
      <p>
        All six are the same network as in the first section (three sigmoid layers of 100, learning rate 0.5), each on seeds 1 to 5. The shift is the average,
        over 3,000 steps, of how much each unit’s spread on a fixed batch of 24 digits changes per 100 steps. Ioffe and Szegedy (2015) proposed that BN helps by
        removing this shift; Santurkar et al. (2018) argued it helps by smoothing the landscape.
      </p>
    </>
  ),
};
