import { describe, expect, it } from 'vitest';
import { fillTemplate, type ClaimResults, type MeasuredNumber, type Unit } from '../../../src/claims/index.ts';
import { EVIDENCE_NETWORKS, evidenceItems, evidencePoints, type Measurements } from './evidenceData.ts';

const UNITS: Record<string, Unit> = { Spread3: 'share', To90: 'step', Final: 'accuracy', Diff3: 'value', Cos3: 'value', betaRatio: 'ratio' };
const unitOf = (name: string): Unit => Object.entries(UNITS).find(([suffix]) => name.endsWith(suffix))?.[1] ?? 'value';

/** Test measurements: every named number, with the medians given and ±10% ranges; conditions as given. */
function fake(medians: Record<string, number | null>, failed: readonly string[] = []): Measurements {
  const claims: Record<string, { numbers: Record<string, MeasuredNumber>; holds: boolean; text: string }> = {};
  for (const [key, median] of Object.entries(medians)) {
    const [claim, name] = key.split('.');
    const c = (claims[claim] ??= { numbers: {}, holds: !failed.includes(claim), text: `(${claim} as measured)` });
    c.numbers[name] = {
      label: name,
      unit: unitOf(name),
      median,
      min: median === null ? null : median * 0.9,
      max: median === null ? null : median * 1.1,
      values: [],
    };
  }
  const results = { format: 'test', seeds: [1, 2, 3, 4, 5], claims } as unknown as ClaimResults;
  return {
    n: (claim, name) => {
      const n = claims[claim]?.numbers[name];
      if (n === undefined) throw new Error(`no ${claim}.${name}`);
      return n;
    },
    holds: (claim) => claims[claim]?.holds ?? false,
    text: (t) => fillTemplate(t, results),
  };
}

const MEDIANS: Record<string, number | null> = {
  'lp-shift.plainSpread3': 0.12,
  'lp-shift.bnSpread3': 0.03,
  'lp-shift.l1Spread3': 0.05,
  'lp-shift.linfSpread3': 0.09,
  'headline-steps.plainTo90': 1100,
  'headline-steps.bnTo90': 250,
  'shift-bn-after.afterSpread3': 0.11,
  'shift-bn-after.plainSpread3': 0.12,
  'shift-bn-after.afterTo90': 150,
  'shift-bn-after.plainTo90': 1100,
  'noisy-shift.noisySpread3': 0.2,
  'noisy-shift.plainSpread3': 0.12,
  'noisy-trains.noisyTo90': 350,
  'noisy-trains.plainTo90': 1100,
  'lp-trains.l1To90': 275,
  'lp-trains.linfTo90': 400,
  'lp-trains.linfFinal': 0.9,
  'lp-trains.plainFinal': 0.935,
  'ics-gradient.bnDiff3': 0.5,
  'ics-gradient.plainDiff3': 0.3,
  'ics-gradient.bnCos3': 0.95,
  'ics-gradient.plainCos3': 0.8,
  'smoothness.betaRatio': 1.3,
};

describe('evidencePoints', () => {
  it('reads one point per network from the claim that measured it', () => {
    const points = evidencePoints(fake(MEDIANS));
    expect(points.map((p) => p.placement)).toEqual(EVIDENCE_NETWORKS.map((n) => n.placement));
    const noisy = points.find((p) => p.placement === 'noisy');
    expect(noisy?.shift.median).toBe(0.2);
    expect(noisy?.steps.median).toBe(350);
  });
});

describe('evidenceItems', () => {
  it('puts each finding on its side when its claims hold, with the measured numbers', () => {
    const items = evidenceItems(fake(MEDIANS));
    expect(items.filter((i) => i.side === 'against')).toHaveLength(3);
    expect(items.filter((i) => i.side === 'for')).toHaveLength(2);
    expect(items.filter((i) => i.side === 'smooth')).toHaveLength(1);
    const noisy = items.find((i) => i.claims.includes('noisy-shift'));
    expect(noisy?.text).toContain('20%');
    expect(noisy?.text).toContain('350');
    expect(items.find((i) => i.claims[0] === 'lp-shift')?.text).toContain('most of the norms');
  });

  it('says what was measured, under "measured", when a claim failed', () => {
    const items = evidenceItems(fake(MEDIANS, ['noisy-shift', 'smoothness']));
    const noisy = items.find((i) => i.claims.includes('noisy-shift'));
    expect(noisy?.side).toBe('measured');
    expect(noisy?.text).toMatch(/shift less than plain/);
    expect(items.find((i) => i.claims.includes('smoothness'))?.side).toBe('measured');
  });

  it('does not count ℓ∞ or the cosine for the covariate-shift view when the numbers go the other way', () => {
    const items = evidenceItems(fake({ ...MEDIANS, 'lp-trains.linfTo90': 200, 'ics-gradient.bnCos3': 0.7 }));
    expect(items.filter((i) => i.side === 'for')).toHaveLength(0);
    expect(items.filter((i) => i.side === 'measured')).toHaveLength(2);
  });

  it('says “more than BN” when ℓ∞ does not shift most of the normalizations', () => {
    const items = evidenceItems(fake({ ...MEDIANS, 'lp-shift.l1Spread3': 0.1 }));
    expect(items.find((i) => i.claims[0] === 'lp-shift')?.text).toContain('shifts more than BN');
  });
});
