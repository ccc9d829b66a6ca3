/** Pure helpers that turn columns of numbers and scales into SVG path strings. */

type Scale = (v: number) => number;

/**
 * A polyline through (x(xs[i]), y(ys(i))) for i < n, broken where a value is not finite (gaps, not
 * zeros). Coordinates are rounded to 0.1 px to keep strings short.
 */
export function linePath(n: number, xAt: (i: number) => number, yAt: (i: number) => number, x: Scale, y: Scale): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < n; i++) {
    const xv = xAt(i);
    const yv = yAt(i);
    if (!Number.isFinite(xv) || !Number.isFinite(yv)) {
      pen = false;
      continue;
    }
    const px = x(xv);
    const py = y(yv);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(px)},${round(py)}`;
    pen = true;
  }
  return d;
}

/** A closed band between lo(i) and hi(i): the 15th–85th percentile ribbon. Breaks are not supported: NaN rows are skipped. */
export function bandPath(n: number, xAt: (i: number) => number, lo: (i: number) => number, hi: (i: number) => number, x: Scale, y: Scale): string {
  const top: string[] = [];
  const bottom: string[] = [];
  for (let i = 0; i < n; i++) {
    const xv = xAt(i);
    const a = lo(i);
    const b = hi(i);
    if (!Number.isFinite(xv) || !Number.isFinite(a) || !Number.isFinite(b)) continue;
    top.push(`${round(x(xv))},${round(y(b))}`);
    bottom.push(`${round(x(xv))},${round(y(a))}`);
  }
  if (top.length === 0) return '';
  return `M${top.join('L')}L${bottom.reverse().join('L')}Z`;
}

/**
 * Bars of a histogram with `count` equal bins on [lo, hi]: one path of rectangles from the baseline,
 * each bar's height the bin's share scaled by y.
 */
export function histogramPath(values: ArrayLike<number>, count: number, lo: number, hi: number, x: Scale, y: Scale, offset = 0): string {
  const width = (hi - lo) / count;
  const base = round(y(0));
  let d = '';
  for (let b = 0; b < count; b++) {
    const v = values[offset + b];
    if (!(v > 0)) continue;
    const x0 = round(x(lo + b * width));
    const x1 = round(x(lo + (b + 1) * width));
    d += `M${x0},${base}V${round(y(v))}H${x1}V${base}Z`;
  }
  return d;
}

/** The outline of a histogram as a step line (for the step-0 ghost). */
export function histogramOutline(values: ArrayLike<number>, count: number, lo: number, hi: number, x: Scale, y: Scale, offset = 0): string {
  const width = (hi - lo) / count;
  let d = `M${round(x(lo))},${round(y(0))}`;
  for (let b = 0; b < count; b++) {
    const v = values[offset + b] || 0;
    d += `V${round(y(v))}H${round(x(lo + (b + 1) * width))}`;
  }
  return `${d}V${round(y(0))}`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
