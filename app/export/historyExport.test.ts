import { describe, expect, it } from 'vitest';
import { LS, VS, packSnapshot, runLayout } from '../../src/experiment/index.ts';
import type { RunShape } from '../../src/worker/index.ts';
import { History } from '../history/History.ts';
import { historyCsv, historyJson, historyTable } from './historyExport.ts';

const shape: RunShape = {
  variantNames: ['plain', 'bn-before'],
  placements: ['none', 'before'],
  sizes: [4, 8, 8, 3],
  nLayers: 2,
  bins: { lo: -1, hi: 1, count: 4 },
  zBins: { lo: -2, hi: 2, count: 8 },
  probeRows: 3,
};

/** A snapshot where every number says where it came from: step·100 + variant·10 + layer (or stat index). */
function snapshot(step: number) {
  const packed = packSnapshot(runLayout(shape), {
    // Plain is not evaluated yet.
    variant: (v, key) => (v === 0 && key === 'testAcc' ? NaN : step * 100 + v * 10 + VS[key]),
    layer: (v, l, key) => v * 100 + l * 10 + LS[key],
  });
  return { step, ...packed };
}

describe('run history export', () => {
  const h = new History(8);
  h.reset(1, shape);
  h.add(1, snapshot(0));
  h.add(1, snapshot(5));
  const t = historyTable(h);

  it('has a step column, then per variant its curves and per layer its input distribution', () => {
    expect(t.columns.slice(0, 6)).toEqual(['step', 'plain_trainLoss', 'plain_testLoss', 'plain_testAcc', 'plain_evalStep', 'plain_L1_p15']);
    expect(t.columns).toContain('bn-before_L2_saturated');
    expect(t.columns).toHaveLength(1 + 2 * (4 + 2 * 6) + 2 * 2 * 5);
    expect(t.rows.map((r) => r[0])).toEqual([0, 5]);
  });

  it('takes every value from its own variant, layer and statistic', () => {
    const row = t.rows[1];
    const at = (name: string) => row[t.columns.indexOf(name)];
    expect(at('bn-before_testLoss')).toBe(500 + 10 + VS.testLoss);
    expect(at('plain_trainLoss')).toBe(500 + VS.trainLoss);
    expect(at('bn-before_L2_std')).toBe(100 + 10 + LS.std);
    expect(at('plain_L1_saturated')).toBe(LS.saturated);
    expect(at('bn-before_L2_zP50')).toBe(100 + 10 + LS.zP50);
    expect(at('plain_L1_zStd')).toBe(LS.zStd);
  });

  it('adds the z = xW + b columns after every earlier column, which keep their places', () => {
    const first = t.columns.indexOf('plain_L1_zP15');
    expect(first).toBe(1 + 2 * (4 + 2 * 6));
    expect(t.columns.slice(first, first + 5)).toEqual(['plain_L1_zP15', 'plain_L1_zP50', 'plain_L1_zP85', 'plain_L1_zMean', 'plain_L1_zStd']);
    expect(t.columns.at(-1)).toBe('bn-before_L2_zStd');
  });

  it('writes missing values as empty CSV cells and JSON nulls', () => {
    const csv = historyCsv(t).trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0].split(',')).toEqual(t.columns);
    expect(csv[2].split(',')[3]).toBe('');
    const json = JSON.parse(historyJson(t, { seed: 1 }, shape.placements));
    expect(json.format).toBe('shift-lab-history/1');
    expect(json.rows[1][3]).toBeNull();
    expect(json.rows[1][1]).toBe(500 + VS.trainLoss);
    expect(json.placements).toEqual(['none', 'before']);
  });
});
