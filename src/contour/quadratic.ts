import type { Houses } from './houses.ts';
import { meanStd } from './houses.ts';

/** A point in the 2-parameter weight plane. */
export type Vec2 = readonly [number, number];

/** Eigen-decomposition of a symmetric 2×2 matrix: λmax ≥ λmin, with unit eigenvectors. */
export interface Eigen2 {
  readonly max: number;
  readonly min: number;
  readonly vMax: Vec2;
  readonly vMin: Vec2;
}

/** Closed-form eigenvalues and eigenvectors of [[a, b], [b, d]]. */
export function eigen2(a: number, b: number, d: number): Eigen2 {
  const mean = (a + d) / 2;
  const r = Math.hypot((a - d) / 2, b);
  const max = mean + r;
  // det/λmax keeps λmin accurate when it is tiny next to λmax (mean − r would cancel).
  const min = max !== 0 ? (a * d - b * b) / max : mean - r;
  // (b, max − a) is an eigenvector for λmax unless b = 0, where the axes are the eigenvectors.
  let vx = b;
  let vy = max - a;
  if (Math.hypot(vx, vy) < 1e-300) [vx, vy] = a >= d ? [1, 0] : [0, 1];
  const n = Math.hypot(vx, vy);
  return { max, min, vMax: [vx / n, vy / n], vMin: [-vy / n, vx / n] };
}

/**
 * The mean squared error of y ≈ w1·x1 + w2·x2 as a quadratic form: L(w) = wᵀAw − 2bᵀw + c with
 * A = XᵀX/n, b = Xᵀy/n, c = yᵀy/n. Its Hessian is 2A everywhere, so the condition number and the
 * stable learning rate are properties of the data alone.
 */
export class QuadraticLoss {
  readonly minimum: Vec2;
  readonly minLoss: number;
  readonly hessian: Eigen2;

  constructor(
    readonly a11: number,
    readonly a12: number,
    readonly a22: number,
    readonly b1: number,
    readonly b2: number,
    readonly c: number,
  ) {
    const det = a11 * a22 - a12 * a12;
    if (!(det > 0)) throw new Error('The features are collinear: the loss has no unique minimum.');
    const m1 = (a22 * b1 - a12 * b2) / det;
    const m2 = (a11 * b2 - a12 * b1) / det;
    this.minimum = [m1, m2];
    this.minLoss = Math.max(0, c - (b1 * m1 + b2 * m2));
    this.hessian = eigen2(2 * a11, 2 * a12, 2 * a22);
  }

  /** Builds the form from feature columns and targets. */
  static fit(x1: ArrayLike<number>, x2: ArrayLike<number>, y: ArrayLike<number>): QuadraticLoss {
    const n = y.length;
    let a11 = 0,
      a12 = 0,
      a22 = 0,
      b1 = 0,
      b2 = 0,
      c = 0;
    for (let i = 0; i < n; i++) {
      a11 += x1[i] * x1[i];
      a12 += x1[i] * x2[i];
      a22 += x2[i] * x2[i];
      b1 += x1[i] * y[i];
      b2 += x2[i] * y[i];
      c += y[i] * y[i];
    }
    return new QuadraticLoss(a11 / n, a12 / n, a22 / n, b1 / n, b2 / n, c / n);
  }

  loss(w1: number, w2: number): number {
    return this.a11 * w1 * w1 + 2 * this.a12 * w1 * w2 + this.a22 * w2 * w2 - 2 * (this.b1 * w1 + this.b2 * w2) + this.c;
  }

  /** L(w) − L(w*) ≥ 0, computed from the offset so that it stays accurate near the minimum. */
  excess(w1: number, w2: number): number {
    const d1 = w1 - this.minimum[0];
    const d2 = w2 - this.minimum[1];
    return this.a11 * d1 * d1 + 2 * this.a12 * d1 * d2 + this.a22 * d2 * d2;
  }

  /** ∇L(w) = 2(Aw − b), written into out. */
  gradient(w1: number, w2: number, out: [number, number]): void {
    out[0] = 2 * (this.a11 * w1 + this.a12 * w2 - this.b1);
    out[1] = 2 * (this.a12 * w1 + this.a22 * w2 - this.b2);
  }

  /** λmax / λmin of the Hessian. */
  get condition(): number {
    return this.hessian.max / this.hessian.min;
  }

  /**
   * The learning rate above which gradient descent diverges: 2/λmax, or 2(1 + β)/λmax with heavy-ball
   * momentum β (w ← w − η·v, v ← β·v + ∇L), from the roots of z² − (1 + β − ηλ)z + β in each
   * eigen-direction.
   */
  stableLimit(momentum = 0): number {
    return (2 * (1 + momentum)) / this.hessian.max;
  }

  /** The constant learning rate that contracts both eigen-directions equally fast: 2/(λmax + λmin). */
  fastestRate(): number {
    return 2 / (this.hessian.max + this.hessian.min);
  }
}

/** Both fits of the lab: raw features, and standardized ones (features z-scored, price centred). */
export interface ScalingProblem {
  readonly raw: QuadraticLoss;
  readonly standardized: QuadraticLoss;
  /** Feature standard deviations: w̃ = w·σ maps a raw weight to the same slope per standard deviation. */
  readonly scale: Vec2;
}

/**
 * Fits both losses, with floor area measured in units of `areaUnit` m² (the unit changes the raw problem
 * and leaves the standardized one as it is). The standardized model predicts price − mean(price) from z-scored features; its
 * weights are slopes per standard deviation, so a raw start point w maps to w̃ = (w1·σ1, w2·σ2).
 */
export function scalingProblem(h: Houses, areaUnit = 1): ScalingProblem {
  const area = h.area.map((v) => v / areaUnit);
  const r = meanStd(h.rooms);
  const a = meanStd(area);
  const p = meanStd(h.price);
  const z1 = h.rooms.map((v) => (v - r.mean) / r.std);
  const z2 = area.map((v) => (v - a.mean) / a.std);
  const yc = h.price.map((v) => v - p.mean);
  return {
    raw: QuadraticLoss.fit(h.rooms, area, h.price),
    standardized: QuadraticLoss.fit(z1, z2, yc),
    scale: [r.std, a.std],
  };
}

/** Raw weights → standardized ones (slopes per standard deviation). */
export function toStandardized(w: Vec2, scale: Vec2): Vec2 {
  return [w[0] * scale[0], w[1] * scale[1]];
}

/** Standardized weights → raw ones. */
export function toRaw(w: Vec2, scale: Vec2): Vec2 {
  return [w[0] / scale[0], w[1] / scale[1]];
}
