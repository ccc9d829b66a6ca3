import { describe, expect, it } from 'vitest';
import { epsLine, INFER_LINES, inferEndLabel, inferRunLine, inferSeries, kerasLag, oneDigitNote, type InferProbe } from './inference.ts';
import type { SeriesPoint } from './probeSeries.ts';
import { addSnapshot, testHistory } from './testHistory.ts';

/** A probe with accuracies by line id (the rest 0.5). */
const probe = (step: number, acc: Partial<Record<(typeof INFER_LINES)[number]['id'], number>>, classesAtOne = 1): SeriesPoint<InferProbe> => ({
  step,
  value: { acc: INFER_LINES.map((l) => acc[l.id] ?? 0.5), accEps3: INFER_LINES.map((l) => acc[l.id] ?? 0.5), classesAtOne, ms: 300 },
});

describe('inference helpers', () => {
  it('read one point per inference probe, from step 0', () => {
    const h = testHistory(['none', 'before']);
    const probeAt = (s: number) => Math.floor(s / 25) * 25;
    for (const s of [0, 10, 25, 40])
      addSnapshot(h, s, (_v, key) =>
        key === 'inferStep' ? probeAt(s) : key === 'accBatch60' ? 0.5 + probeAt(s) / 100 : key === 'inferClassesAtOne' ? 1 : key === 'inferMs' ? 250 : NaN,
      );
    const s = inferSeries(h, 1);
    expect(s.map((p) => p.step)).toEqual([0, 25]);
    expect(s[1].value.acc[INFER_LINES.findIndex((l) => l.id === 'batch60')]).toBe(0.75);
    expect(s[1].value.ms).toBe(250);
  });
  it('label each line with its accuracy, shorter on a phone, and say what a batch of 1 predicts', () => {
    expect(inferEndLabel(INFER_LINES[3], 0.867)).toBe('batch of 60: 86.7%');
    expect(inferEndLabel(INFER_LINES[4], 0.883, true)).toBe('PyTorch: 88.3%');
    expect(oneDigitNote(1, 250, 15)).toBe('one class for every digit');
    expect(oneDigitNote(1, 100, 15)).toBe('one class');
    expect(oneDigitNote(3, 100, 15)).toBe('3 classes');
    expect(oneDigitNote(NaN, 600, 15)).toBeNull();
  });
  it('compare Keras’s averages with PyTorch’s at the claim’s step, and say whether they lag', () => {
    const series = [probe(0, { keras: 0.1, running: 0.1 }), probe(50, { keras: 0.09, running: 0.79 }), probe(100, { keras: 0.11, running: 0.86 })];
    expect(kerasLag(series)).toEqual({ step: 50, keras: 0.09, torch: 0.79, lags: true });
    expect(kerasLag([probe(50, { keras: 0.8, running: 0.85 })])?.lags).toBe(false);
    expect(kerasLag([probe(25, {})])).toBeNull();
  });
  it('compose this run’s line, and tell whether it agrees with each claim', () => {
    const series = [
      probe(0, {}),
      probe(50, { keras: 0.09, running: 0.79, batch2: 0.5, batch60: 0.8 }),
      probe(300, { batch1: 0.085, batch2: 0.54, batch60: 0.87, keras: 0.88, running: 0.88 }),
    ];
    expect(inferRunLine(series)).toEqual({ text: 'Here: 8.5%; Keras at step 50: 9.0%.', batchAgrees: true, momentumAgrees: true });
    const against = inferRunLine([probe(50, { keras: 0.7, running: 0.8 }), probe(300, { batch1: 0.2 }, 4)]);
    expect(against?.text).toBe('Here: 20.0%, 4 classes; Keras at step 50: 70.0%.');
    expect(against?.batchAgrees).toBe(false);
    expect(against?.momentumAgrees).toBe(false);
    expect(inferRunLine([])).toBeNull();
  });
  it('say how much Keras’s ε moves the accuracy, at its largest', () => {
    const p = probe(300, {});
    const shifted = { ...p, value: { ...p.value, accEps3: p.value.acc.map((a, i) => (i === 6 ? a + 0.004 : a)) } };
    expect(epsLine(shifted)).toBe('In this run at step 300, ε 1e-3 instead of 1e-5 changes BN’s accuracy by at most 0.4 points (population).');
    expect(epsLine(undefined)).toBeNull();
  });
});
