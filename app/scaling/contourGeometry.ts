import type { Contour } from '../../src/contour/index.ts';

type Scale = (v: number) => number;

/** The SVG path of one contour's rings in pixels. */
export function contourPath(c: Contour, x: Scale, y: Scale): string {
  let d = '';
  for (const ring of c.rings) {
    ring.forEach(([wx, wy], i) => {
      d += `${i === 0 ? 'M' : 'L'}${x(wx).toFixed(1)},${y(wy).toFixed(1)}`;
    });
    d += 'Z';
  }
  return d;
}

/**
 * The polyline through the first `count` points of a flat x, y array, in pixels ('' when empty). The
 * first `full` points are all drawn (the zig-zag lives there); beyond them every k-th point, so that at
 * most about 2·full points reach the DOM, always ending at the last one.
 */
export function polylinePath(points: Float64Array, count: number, x: Scale, y: Scale, full = 1500): string {
  const n = Math.min(count, points.length / 2);
  const stride = n <= 2 * full ? 1 : Math.ceil((n - full) / full);
  let d = '';
  const add = (i: number) => {
    d += `${d === '' ? 'M' : 'L'}${x(points[2 * i]).toFixed(1)},${y(points[2 * i + 1]).toFixed(1)}`;
  };
  for (let i = 0; i < n; i++) if (i < full || (i - full) % stride === 0 || i === n - 1) add(i);
  return d;
}

/** A learning rate as text: three significant digits, in e-notation when small. */
export function formatRate(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v !== 0 && Math.abs(v) < 1e-3 ? Number(v.toPrecision(3)).toExponential().replace('e-', 'e−') : String(Number(v.toPrecision(3)));
}

/** A limit as text: like formatRate, but rounded down, so that typing the shown value stays under it. */
export function formatLimit(v: number): string {
  if (!(v > 0) || !Number.isFinite(v)) return formatRate(v);
  const k = 10 ** (Math.floor(Math.log10(v)) - 2);
  // The tiny nudge keeps decimal values such as 0.955 (954.999… thousandths in binary) as they are.
  return formatRate(Math.floor(v / k + 1e-9) * k);
}

/** A large count with thousands separators, or a ratio with ~3 significant digits. */
export function formatAmount(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Math.abs(v) >= 1e7) return v.toExponential(2).replace('e+', 'e');
  if (Math.abs(v) >= 100) return Math.round(v).toLocaleString('en-US');
  return String(Number(v.toPrecision(3)));
}
