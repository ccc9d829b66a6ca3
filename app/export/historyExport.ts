import { LAYER_STATS, VS, type LayerStat } from '../../src/experiment/index.ts';
import type { History } from '../history/History.ts';

/** Per variant: the training and test numbers the curves plot. */
const VARIANT_COLUMNS = ['trainLoss', 'testLoss', 'testAcc', 'evalStep'] as const;
/** Per variant and hidden layer: the input distribution the histograms and drift bands show. */
const LAYER_COLUMNS = ['p15', 'p50', 'p85', 'mean', 'std', 'saturated'] as const;
/** Per variant and hidden layer, after all of the above (so earlier columns keep their places): z = xW + b. */
const Z_COLUMNS = ['zP15', 'zP50', 'zP85', 'zMean', 'zStd'] as const;

/** The run history as a table: one row per kept snapshot (the history thins itself as the run grows). */
export interface HistoryTable {
  readonly columns: string[];
  readonly rows: number[][];
}

/**
 * The kept rows of a history, with column names like `bn-before_testAcc` and `plain_L2_p50`; then, for every
 * variant and layer, the z = xW + b columns like `bn-before_L2_zP50`.
 */
export function historyTable(h: History): HistoryTable {
  const shape = h.shape;
  if (shape === null) return { columns: ['step'], rows: [] };
  const columns = ['step'];
  for (const name of shape.variantNames) {
    for (const c of VARIANT_COLUMNS) columns.push(`${name}_${c}`);
    for (let l = 0; l < shape.nLayers; l++) for (const c of LAYER_COLUMNS) columns.push(`${name}_L${l + 1}_${c}`);
  }
  for (const name of shape.variantNames) for (let l = 0; l < shape.nLayers; l++) for (const c of Z_COLUMNS) columns.push(`${name}_L${l + 1}_${c}`);
  const rows: number[][] = [];
  for (let r = 0; r < h.count; r++) {
    const row = [h.steps[r]];
    const layerStats = (v: number, l: number, keys: readonly LayerStat[]) => {
      for (const c of keys) row.push(h.layerAt(r, v, l, c));
    };
    shape.variantNames.forEach((_, v) => {
      for (const c of VARIANT_COLUMNS) row.push(h.variantAt(r, v, c));
      for (let l = 0; l < shape.nLayers; l++) layerStats(v, l, LAYER_COLUMNS);
    });
    shape.variantNames.forEach((_, v) => {
      for (let l = 0; l < shape.nLayers; l++) layerStats(v, l, Z_COLUMNS);
    });
    rows.push(row);
  }
  return { columns, rows };
}

/** CSV with a header row; a missing value (NaN: no evaluation yet, a diverged variant) is left empty. */
export function historyCsv(t: HistoryTable): string {
  const cell = (x: number) => (Number.isFinite(x) ? String(x) : '');
  return `${[t.columns.join(','), ...t.rows.map((r) => r.map(cell).join(','))].join('\n')}\n`;
}

/** JSON (format shift-lab-history/1) with the config that made the run; missing values are null. */
export function historyJson(t: HistoryTable, config: unknown, placements: readonly string[]): string {
  return JSON.stringify({
    format: 'shift-lab-history/1',
    config,
    placements,
    columns: t.columns,
    rows: t.rows.map((r) => r.map((x) => (Number.isFinite(x) ? x : null))),
  });
}

// Column lookups must name real statistics: fail at load, not in a download, if one is renamed.
for (const c of VARIANT_COLUMNS) if (!(c in VS)) throw new Error(`unknown variant statistic ${c}`);
for (const c of [...LAYER_COLUMNS, ...Z_COLUMNS]) if (!LAYER_STATS.includes(c)) throw new Error(`unknown layer statistic ${c}`);
