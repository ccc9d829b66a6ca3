import { contours } from 'd3-contour';
import type { QuadraticLoss } from './quadratic.ts';

/** A rectangle of the weight plane. */
export interface View {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/**
 * The smallest view with equal units on both axes (so that a gradient step is drawn perpendicular to
 * the contours, as it is) that holds the points with a margin, for a plot of width × height pixels.
 */
export function fitView(points: readonly (readonly [number, number])[], width: number, height: number, margin = 0.12): View {
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const aspect = width > 0 && height > 0 ? width / height : 1;
  let w = Math.max(x1 - x0, 1e-9) * (1 + 2 * margin);
  let h = Math.max(y1 - y0, 1e-9) * (1 + 2 * margin);
  if (w / h > aspect) h = w / aspect;
  else w = h * aspect;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { x0: cx - w / 2, x1: cx + w / 2, y0: cy - h / 2, y1: cy + h / 2 };
}

/**
 * Log-spaced contour levels of the excess loss: `count` levels from the largest value in view down by
 * a factor of `ratio` each, so that both a wide bowl and a narrow valley get evenly spread rings.
 */
export function logLevels(maxExcess: number, count = 12, ratio = 3): number[] {
  if (!(maxExcess > 0) || !Number.isFinite(maxExcess)) return [];
  return Array.from({ length: count }, (_, i) => maxExcess / ratio ** (i + 0.5));
}

/** One contour: its level and its rings in weight coordinates. */
export interface Contour {
  readonly level: number;
  readonly rings: readonly (readonly (readonly [number, number])[])[];
}

/**
 * Contours of the excess loss over a view, sampled on an nx × ny grid (d3-contour's marching squares),
 * at log-spaced levels. Contouring the log of the excess keeps the interpolation accurate across decades.
 */
export function lossContours(f: QuadraticLoss, view: View, nx = 120, ny = 90, count = 12): Contour[] {
  const values = new Array<number>(nx * ny);
  let max = 0;
  const dx = (view.x1 - view.x0) / (nx - 1);
  const dy = (view.y1 - view.y0) / (ny - 1);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const e = f.excess(view.x0 + i * dx, view.y0 + j * dy);
      max = Math.max(max, e);
      values[j * nx + i] = e;
    }
  }
  const levels = logLevels(max, count);
  // A floor below the lowest level keeps the exact minimum (log 0) from skewing the interpolation.
  const floor = (levels.at(-1) ?? 1) / 100;
  for (let k = 0; k < values.length; k++) values[k] = Math.log10(Math.max(values[k], floor));
  const shapes = contours().size([nx, ny]).thresholds(levels.map(Math.log10))(values);
  // d3-contour puts grid point (i, j) at (i + 0.5, j + 0.5); map back to weights.
  const toWeight = ([gx, gy]: number[]): [number, number] => [view.x0 + (gx - 0.5) * dx, view.y0 + (gy - 0.5) * dy];
  // d3-contour returns the contours in ascending order; each carries its threshold.
  return shapes.map((shape) => ({
    level: 10 ** shape.value,
    rings: shape.coordinates.flatMap((polygon) => polygon.map((ring) => ring.map(toWeight))),
  }));
}
