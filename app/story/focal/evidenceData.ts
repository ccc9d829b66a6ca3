import { claimHolds, measured, measuredText, type MeasuredNumber } from '../../../src/claims/index.ts';
import type { Placement } from '../../../src/engine/index.ts';

/** Where one number comes from: a claim and one of its numbers. */
export type Source = readonly [claim: string, name: string];

/** The measured claims, as the evidence reads them (the app passes results.ts; tests pass their own). */
export interface Measurements {
  readonly n: (claim: string, name: string) => MeasuredNumber;
  readonly holds: (claim: string) => boolean;
  readonly text: (template: string) => string;
}

/** One network of the evidence chart: how much layer 3's inputs shift, and how soon it reaches 90%. */
export interface EvidenceNetwork {
  readonly placement: Placement;
  /** Its name on the chart. */
  readonly name: string;
  /** Layer 3's spread change per 100 steps, |Δ ln σ|, averaged over 3,000 steps. */
  readonly shift: Source;
  /** The first step at 90% test accuracy. */
  readonly steps: Source;
}

/** The six networks, each number from the claim that measured it (all the bn-paper network at lr 0.5, seeds 1–5). */
export const EVIDENCE_NETWORKS: readonly EvidenceNetwork[] = [
  { placement: 'none', name: 'plain', shift: ['lp-shift', 'plainSpread3'], steps: ['headline-steps', 'plainTo90'] },
  { placement: 'before', name: 'BN before', shift: ['lp-shift', 'bnSpread3'], steps: ['headline-steps', 'bnTo90'] },
  { placement: 'after', name: 'BN after', shift: ['shift-bn-after', 'afterSpread3'], steps: ['shift-bn-after', 'afterTo90'] },
  { placement: 'noisy', name: 'noisy BN', shift: ['noisy-shift', 'noisySpread3'], steps: ['noisy-trains', 'noisyTo90'] },
  { placement: 'l1-before', name: 'ℓ1 BN', shift: ['lp-shift', 'l1Spread3'], steps: ['lp-trains', 'l1To90'] },
  { placement: 'linf-before', name: 'ℓ∞ BN', shift: ['lp-shift', 'linfSpread3'], steps: ['lp-trains', 'linfTo90'] },
];

/** A network's measured point: medians and min–max over the seeds (null: 90% not reached within the run). */
export interface EvidencePoint {
  readonly placement: Placement;
  readonly name: string;
  readonly shift: MeasuredNumber;
  readonly steps: MeasuredNumber;
}

/** Every network's point, read from the measurements. */
export function evidencePoints(m: Measurements, networks: readonly EvidenceNetwork[] = EVIDENCE_NETWORKS): EvidencePoint[] {
  return networks.map((w) => ({ placement: w.placement, name: w.name, shift: m.n(...w.shift), steps: m.n(...w.steps) }));
}

/** Which side of "BN works by removing covariate shift" an item of evidence stands on. */
export type Side = 'against' | 'for' | 'smooth' | 'measured';

/** One line of the closing summary. */
export interface EvidenceItem {
  readonly side: Side;
  readonly text: string;
  /** The claims it rests on. */
  readonly claims: readonly string[];
  /** A few words for a slide, no numbers: the subject, and what was found where the item holds. */
  readonly short: string;
}

const median = (m: Measurements, claim: string, name: string) => m.n(claim, name).median;
const above = (a: number | null, b: number | null) => a !== null && (b === null || a > b);

/**
 * The measured evidence on both sides, one short item each, filled from the claims' medians. An item whose
 * claim failed (or whose comparison went the other way) says what was measured instead, under 'measured'.
 */
export function evidenceItems(m: Measurements): EvidenceItem[] {
  const item = (
    side: Side,
    claims: readonly string[],
    ok: boolean,
    text: string,
    otherwise: string,
    [subject, found]: readonly [string, string],
  ): EvidenceItem =>
    ok ? { side, claims, text: m.text(text), short: `${subject}: ${found}` } : { side: 'measured', claims, text: m.text(otherwise), short: subject };
  const med = (claim: string, name: string) => median(m, claim, name);
  const noisyMore = m.holds('noisy-shift');
  const afterShiftsMore = above(med('shift-bn-after', 'afterSpread3'), med('lp-shift', 'bnSpread3'));
  const afterFaster = above(med('headline-steps', 'bnTo90'), med('shift-bn-after', 'afterTo90'));
  const linfMost = above(med('lp-shift', 'linfSpread3'), med('lp-shift', 'l1Spread3'));
  const linfLater = above(med('lp-trains', 'linfTo90'), med('headline-steps', 'bnTo90'));
  const cosHigher = above(med('ics-gradient', 'bnCos3'), med('ics-gradient', 'plainCos3'));
  return [
    item(
      'against',
      ['noisy-shift', 'noisy-trains'],
      noisyMore && m.holds('noisy-trains'),
      'Noisy BN shifts more than plain ({noisy-shift.noisySpread3}; {noisy-shift.plainSpread3}), yet reaches 90% at step {noisy-trains.noisyTo90} (plain {noisy-trains.plainTo90}).',
      noisyMore
        ? 'Noisy BN shifts more than plain ({noisy-shift.noisySpread3}; {noisy-shift.plainSpread3}) and reaches 90% at step {noisy-trains.noisyTo90} (plain {noisy-trains.plainTo90}), not first on every seed.'
        : 'Noisy BN’s inputs shift less than plain’s here ({noisy-shift.noisySpread3}; {noisy-shift.plainSpread3}).',
      ['noisy BN', 'more shift, still fast'],
    ),
    item(
      'against',
      ['shift-bn-after', 'lp-shift', 'headline-steps'],
      m.holds('shift-bn-after') && afterShiftsMore && afterFaster,
      'BN after shifts more than BN before ({shift-bn-after.afterSpread3}; {lp-shift.bnSpread3}), yet reaches 90% sooner (step {shift-bn-after.afterTo90}; {headline-steps.bnTo90}).',
      'BN after the sigmoid: its sigmoid inputs shift {shift-bn-after.afterSpread3} per 100 steps (BN before {lp-shift.bnSpread3}, plain {shift-bn-after.plainSpread3}); 90% at step {shift-bn-after.afterTo90} (BN before {headline-steps.bnTo90}).',
      ['BN after', 'more shift than BN before, faster'],
    ),
    item(
      'against',
      ['ics-gradient'],
      m.holds('ics-gradient'),
      'By Santurkar’s ‖G − G′‖, BN shifts no less than plain in layer 3 ({ics-gradient.bnDiff3}; {ics-gradient.plainDiff3}).',
      'Santurkar’s ‖G − G′‖ in layer 3: BN {ics-gradient.bnDiff3}, plain {ics-gradient.plainDiff3}.',
      ['‖G − G′‖', 'BN’s gradient shifts as much'],
    ),
    item(
      'for',
      ['lp-shift', 'lp-trains', 'headline-steps'],
      m.holds('lp-shift') && m.holds('lp-trains') && linfLater,
      `ℓ∞ BN shifts ${linfMost ? 'most of the norms' : 'more than BN'} ({lp-shift.linfSpread3}; BN {lp-shift.bnSpread3}): 90% later than BN ({lp-trains.linfTo90}; {headline-steps.bnTo90}), ends below plain ({lp-trains.linfFinal}; {lp-trains.plainFinal}).`,
      'ℓ∞ BN shifts {lp-shift.linfSpread3} (BN {lp-shift.bnSpread3}), reaches 90% at step {lp-trains.linfTo90} (BN {headline-steps.bnTo90}) and ends at {lp-trains.linfFinal} (plain {lp-trains.plainFinal}).',
      ['ℓ∞ BN', `${linfMost ? 'most shift' : 'more shift than BN'}, slower than BN, ends below plain`],
    ),
    item(
      'for',
      ['ics-gradient'],
      cosHigher,
      'BN’s gradient turns less as the layers below update: cos(G, G′) {ics-gradient.bnCos3}, plain {ics-gradient.plainCos3}.',
      'cos(G, G′) in layer 3: BN {ics-gradient.bnCos3}, plain {ics-gradient.plainCos3}.',
      ['cos(G, G′)', 'BN’s gradient turns less'],
    ),
    item(
      'smooth',
      ['smoothness'],
      m.holds('smoothness'),
      'Modestly: plain’s β-smoothness is {smoothness.betaRatio} BN’s.',
      'β-smoothness: plain’s is {smoothness.betaRatio} BN’s, not larger on every seed.',
      ['the landscape', 'modestly smoother with BN'],
    ),
  ];
}

/** The committed measurements, as the evidence reads them. */
export const MEASURED: Measurements = { n: measured, holds: claimHolds, text: measuredText };
