import { describe, expect, it } from 'vitest';
import { landscapeSeries, rougherCount, smoothRunLine, summarize, turns, type LandscapePoint } from './landscape.ts';
import type { SeriesPoint } from './probeSeries.ts';
import { addSnapshot, testHistory } from './testHistory.ts';

const point = (step: number, beta: number, lossLo: number, lossHi: number): SeriesPoint<LandscapePoint> => ({ step, value: { beta, lossLo, lossHi, ms: 30 } });

describe('landscape helpers', () => {
  it('read one point per landscape probe, none before the first', () => {
    const h = testHistory(['none', 'before']);
    for (const s of [0, 10, 25, 30, 50]) {
      const probed = s >= 25 ? Math.floor(s / 25) * 25 : NaN;
      addSnapshot(h, s, (v, key) =>
        key === 'probeStep'
          ? probed
          : key === 'betaSmooth'
            ? Number.isFinite(probed)
              ? 2 + v
              : NaN
            : key === 'lossLo'
              ? 1
              : key === 'lossHi'
                ? 2
                : key === 'probeMs'
                  ? 30
                  : NaN,
      );
    }
    expect(landscapeSeries(h, 1).map((p) => [p.step, p.value.beta])).toEqual([
      [25, 3],
      [50, 3],
    ]);
  });
  it('sum up as the claim does: mean β-smoothness and mean loss range, and how often plain is rougher', () => {
    const plain = [point(25, 3, 2, 4), point(50, 1, 2, 2.5), point(75, 2, 1, 1.5)];
    const bn = [point(25, 2, 1, 1.5), point(50, 1.5, 0.5, 0.7)];
    expect(summarize(plain)).toEqual({ probes: 3, meanBeta: 2, meanRange: 1 });
    expect(summarize([]).meanBeta).toBeNaN();
    expect(rougherCount(plain, bn)).toEqual({ rougher: 1, of: 2 });
  });
  it('compose this run’s line, and say whether it is on the median’s side', () => {
    const plain = { probes: 20, meanBeta: 2.1, meanRange: 0.86 };
    const bn = { probes: 20, meanBeta: 1.6, meanRange: 0.27 };
    const line = smoothRunLine(plain, bn, { rougher: 16, of: 20 }, 1.3);
    expect(line?.text).toBe('Here: 1.3×, at 16 of 20 probes; loss range 0.86 vs 0.27.');
    expect(line?.agrees).toBe(true);
    expect(smoothRunLine(bn, plain, { rougher: 4, of: 20 }, 1.3)?.agrees).toBe(false);
    expect(smoothRunLine({ probes: 0, meanBeta: NaN, meanRange: NaN }, bn, { rougher: 0, of: 0 }, 1.3)).toBeNull();
  });
  it('say whether BN’s gradient turns less or more than plain’s, from the cosines', () => {
    expect(turns(0.89, 0.81)).toBe('less');
    expect(turns(0.95, 0.97)).toBe('more');
    expect(turns(0.9, 0.9)).toBe('as much');
    expect(turns(null, 0.9)).toBeNull();
  });
});
