import { niceCeil } from './domains.ts';

/** The narrowest a drift chart may get before a layer's charts wrap onto more rows (a phone gets one column). */
export const MIN_DRIFT_CELL = 200;

/**
 * How the drift grid fits a panel `width` px wide, a row of `cells` charts per layer: columns (wrapping into
 * rows of equal length when too narrow), each chart's width, and a band height that shrinks as layers are
 * added, so a deep network still fits a screen.
 */
export function driftLayout(width: number, cells: number, layers: number): { columns: number; cellWidth: number; bandHeight: number } {
  const most = Math.max(1, Math.min(cells, Math.floor(width / MIN_DRIFT_CELL)));
  const columns = Math.max(1, Math.ceil(cells / Math.ceil(Math.max(1, cells) / most)));
  const cellWidth = Math.max(MIN_DRIFT_CELL - 12, Math.floor(width / columns) - 12);
  const bandHeight = layers <= 1 ? 170 : layers <= 3 ? 130 : 100;
  return { columns, cellWidth, bandHeight };
}

/**
 * A symmetric y span for one layer's charts: the largest |at(i)| for i < n, rounded up to a nice number (at
 * least 1), so that the variants of a layer share one locked axis. NaN values are skipped.
 */
export function symmetricSpan(n: number, at: (i: number) => number): number {
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = at(i);
    if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  }
  return niceCeil(max, 1);
}

/** Which history row each of `width` strip columns shows (−1: none yet), for steps 0 … xMax. */
export function stripRows(width: number, xMax: number, lastStep: number, count: number, rowNear: (step: number) => number): Int32Array {
  const rows = new Int32Array(width);
  for (let c = 0; c < width; c++) {
    const step = ((c + 0.5) / width) * xMax;
    rows[c] = count === 0 || step > lastStep ? -1 : rowNear(step);
  }
  return rows;
}

/**
 * Rows to draw when n rows are more than `maxPoints`: every stride-th row and always the last one, so a path
 * has about one point per two pixels however long the history (the drift grid draws many of them).
 */
export function thinRows(n: number, maxPoints: number): { count: number; row: (i: number) => number } {
  const stride = Math.max(1, Math.ceil(n / Math.max(2, maxPoints)));
  if (stride === 1) return { count: n, row: (i) => i };
  const count = Math.ceil((n - 1) / stride) + 1;
  return { count, row: (i) => Math.min(i * stride, n - 1) };
}
