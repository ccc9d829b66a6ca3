import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/config.ts';
import { buildSplit } from './datasets.ts';
import { Experiment } from './experiment.ts';
import { INFER_CASES, INFER_EPS } from './inferenceProbe.ts';
import { LAYER_STATS, layerHistogram, layerStat, layerZHistogram, SnapshotLayout, unitZValues, VARIANT_STATS, variantStat } from './snapshot.ts';
import { packSnapshot, runLayout, SnapshotReader, SnapshotRows } from './snapshotReader.ts';

const shape = { nVariants: 3, nLayers: 2, bins: { lo: -1, hi: 1, count: 4 }, zBins: { lo: -2, hi: 2, count: 8 }, probeRows: 5 };
const layout = new SnapshotLayout(shape);

/** A value that names where it belongs, so a misplaced read shows which. */
const code = {
  variant: (v: number, key: string) => 1000 * v + VARIANT_STATS.indexOf(key as never),
  layer: (v: number, l: number, key: string) => 1000 * v + 100 * l + LAYER_STATS.indexOf(key as never),
  hist: (v: number, l: number, b: number) => 1000 * v + 100 * l + b,
  zHist: (v: number, l: number, b: number) => 1000 * v + 100 * l + 50 + b,
  unitZ: (v: number, r: number) => 1000 * v + r,
};

describe('the snapshot reader', () => {
  it('reads back every value packed by name, by variant, layer, bin and probe row', () => {
    const read = new SnapshotReader(layout, packSnapshot(layout, code), 7);
    expect(read.step).toBe(7);
    expect(read.nVariants).toBe(3);
    expect(read.nLayers).toBe(2);
    for (let v = 0; v < 3; v++) {
      for (const key of VARIANT_STATS) expect(read.variant(v, key)).toBe(code.variant(v, key));
      expect(Array.from(read.unitZ(v))).toEqual([0, 1, 2, 3, 4].map((r) => code.unitZ(v, r)));
      for (let l = 0; l < 2; l++) {
        for (const key of LAYER_STATS) expect(read.layer(v, l, key)).toBe(code.layer(v, l, key));
        expect(Array.from(read.hist(v, l))).toEqual([0, 1, 2, 3].map((b) => code.hist(v, l, b)));
        expect(Array.from(read.zHist(v, l))).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((b) => code.zHist(v, l, b)));
      }
    }
  });

  it('finds each inference case and ε convention among the variant statistics', () => {
    const read = new SnapshotReader(layout, packSnapshot(layout, code), 0);
    expect(read.inferAcc(2, 0, 0)).toBe(read.variant(2, 'accBatch1'));
    expect(read.inferAcc(1, 0, 1)).toBe(read.variant(1, 'accBatch1Eps3'));
    expect(read.inferAcc(1, INFER_CASES.length - 1, INFER_EPS.length - 1)).toBe(read.variant(1, 'accPopulationEps3'));
  });

  it('gives NaN or an empty view for a variant or layer the run does not have, never a neighbour’s value', () => {
    const read = new SnapshotReader(layout, packSnapshot(layout, code), 0);
    expect(read.variant(3, 'trainLoss')).toBeNaN();
    expect(read.variant(-1, 'trainLoss')).toBeNaN();
    expect(read.layer(0, 2, 'p50')).toBeNaN();
    expect(read.layer(0, -1, 'p50')).toBeNaN();
    expect(read.hist(0, 2).length).toBe(0);
    expect(read.zHist(5, 0).length).toBe(0);
    expect(read.unitZ(3).length).toBe(0);
  });

  it('refuses arrays that do not fit the shape, saying which and how long', () => {
    const packed = packSnapshot(layout, {});
    expect(() => new SnapshotReader(layout, { ...packed, layer: new Float32Array(3) }, 0)).toThrow(
      `snapshot layer has 3 values, not the ${3 * 2 * LAYER_STATS.length} its run’s shape needs`,
    );
    expect(layout.misfit(packed)).toBeNull();
    expect(layout.misfit({ variant: new Float64Array(1) })).toMatch(/variant has 1 values/);
  });

  it('takes the layout from a run shape with variant names', () => {
    const fromRun = runLayout({ variantNames: ['plain', 'bn-before', 'bn-after'], nLayers: 2, bins: shape.bins, zBins: shape.zBins, probeRows: 5 });
    expect(fromRun.shape.nVariants).toBe(3);
    expect(fromRun.layerLength).toBe(layout.layerLength);
  });

  it('reads what an experiment wrote exactly as the snapshot module’s own accessors do', () => {
    const config = { ...DEFAULT_CONFIG, dataset: 'blobs' as const, depth: 2, width: 6, batchSize: 8, evalEvery: 5, trackLayer: 2, trackUnit: 1 };
    const exp = new Experiment(config, buildSplit(config, null));
    exp.run(10);
    const snap = exp.snapshot(exp.createSnapshot());
    const read = new SnapshotReader(new SnapshotLayout(snap), snap, snap.step);
    for (let v = 0; v < 2; v++) {
      for (const key of VARIANT_STATS) expect(Object.is(read.variant(v, key), variantStat(snap, v, key))).toBe(true);
      expect(read.unitZ(v)).toEqual(unitZValues(snap, v));
      for (let l = 0; l < 2; l++) {
        for (const key of LAYER_STATS) expect(Object.is(read.layer(v, l, key), layerStat(snap, v, l, key))).toBe(true);
        expect(read.hist(v, l)).toEqual(layerHistogram(snap, v, l));
        expect(read.zHist(v, l)).toEqual(layerZHistogram(snap, v, l));
      }
    }
  });
});

describe('snapshot rows', () => {
  it('keeps each snapshot in its own row and reads it back as the single reader does', () => {
    const rows = new SnapshotRows(layout, 4);
    const at = (step: number) =>
      packSnapshot(layout, {
        variant: (v, k) => step + code.variant(v, k),
        layer: (v, l, k) => step + code.layer(v, l, k),
        hist: code.hist,
        zHist: code.zHist,
      });
    rows.set(0, at(0));
    rows.set(1, at(10_000));
    rows.copy(1, 3);
    const one = new SnapshotReader(layout, at(10_000), 1);
    for (const row of [1, 3]) {
      expect(rows.variantAt(row, 2, 'testAcc')).toBe(one.variant(2, 'testAcc'));
      expect(rows.layerAt(row, 1, 1, 'zStd')).toBe(one.layer(1, 1, 'zStd'));
      expect(rows.histAt(row, 2, 1)).toEqual(one.hist(2, 1));
      expect(rows.zHistAt(row, 0, 1)).toEqual(one.zHist(0, 1));
      expect(rows.binAt(row, 2, 1, 3)).toBe(one.hist(2, 1)[3]);
      expect(rows.binAt(row, 0, 1, 7, true)).toBe(one.zHist(0, 1)[7]);
    }
    expect(rows.variantAt(0, 2, 'testAcc')).toBe(code.variant(2, 'testAcc'));
  });

  it('gives NaN outside its rows, variants, layers and bins', () => {
    const rows = new SnapshotRows(layout, 2);
    rows.set(0, packSnapshot(layout, code));
    expect(rows.variantAt(2, 0, 'trainLoss')).toBeNaN();
    expect(rows.variantAt(-1, 0, 'trainLoss')).toBeNaN();
    expect(rows.layerAt(0, 3, 0, 'p50')).toBeNaN();
    expect(rows.binAt(0, 0, 0, 4)).toBeNaN();
    expect(rows.binAt(0, 0, 0, 7, true)).toBe(code.zHist(0, 0, 7));
    expect(rows.histAt(5, 0, 0).length).toBe(0);
  });
});
