/** The BN transform of one unit over one batch, step by step (Ioffe & Szegedy, 2015, Algorithm 1). */
export interface BnSteps {
  /** μ_B: the batch mean of x. */
  readonly mu: number;
  /** σ²_B: the batch's biased variance (divided by m). */
  readonly variance: number;
  /** σ_B = √σ²_B. */
  readonly sigma: number;
  /** x̂ = (x − μ_B)/√(σ²_B + ε), per value. */
  readonly xHat: readonly number[];
  /** y = γ·x̂ + β, per value. */
  readonly y: readonly number[];
}

/** BN's training-mode transform of x: [m] with its own batch statistics, or null for an empty or non-finite batch. */
export function bnSteps(x: ArrayLike<number>, gamma: number, beta: number, eps: number): BnSteps | null {
  const m = x.length;
  if (m === 0 || ![gamma, beta, eps].every(Number.isFinite)) return null;
  let sum = 0;
  for (let i = 0; i < m; i++) sum += x[i];
  const mu = sum / m;
  let sq = 0;
  for (let i = 0; i < m; i++) sq += (x[i] - mu) ** 2;
  const variance = sq / m;
  if (!Number.isFinite(mu) || !Number.isFinite(variance)) return null;
  const scale = 1 / Math.sqrt(variance + eps);
  const xHat = Array.from(x, (v) => (v - mu) * scale);
  return { mu, variance, sigma: Math.sqrt(variance), xHat, y: xHat.map((h) => gamma * h + beta) };
}

/** Where a value's dot sits in a dot histogram: its bin's centre, and its place in the bin's stack (from 0). */
export interface StackedDot {
  readonly center: number;
  readonly k: number;
}

/** Stacks values into bins of width `bin` centred on multiples of it; within a bin, smaller values stack first. */
export function stackDots(values: readonly number[], bin: number): StackedDot[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const filled = new Map<number, number>();
  const out = new Array<StackedDot>(values.length);
  for (const { v, i } of order) {
    const b = Math.round(v / bin) || 0;
    const k = filled.get(b) ?? 0;
    filled.set(b, k + 1);
    out[i] = { center: b * bin, k };
  }
  return out;
}

/** The row with the largest value (the digit the chart follows through the transform), or −1 when none is finite. */
export function largestRow(values: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && (best < 0 || values[i] > values[best])) best = i;
  return best;
}

/** A symmetric value axis [−d, d] holding every value, d at least `least` and a whole number. */
export function valueDomain(arrays: readonly (readonly number[])[], least = 4): [number, number] {
  let d = least;
  for (const a of arrays) for (const v of a) if (Number.isFinite(v)) d = Math.max(d, Math.ceil(Math.abs(v)));
  return [-d, d];
}

/** A number with two decimals and a typographic minus: "−0.63". */
export function fmt2(v: number): string {
  const t = v.toFixed(2);
  return t === '-0.00' ? '0.00' : t.replace('-', '−');
}

/** The width of a percentile band (85th − 15th) at its point nearest a step; NaN when it has none. */
export function widthNear(band: readonly { step: number; lo: number; hi: number }[], step: number): number {
  let best: (typeof band)[number] | undefined;
  for (const p of band) if (best === undefined || Math.abs(p.step - step) < Math.abs(best.step - step)) best = p;
  return best === undefined ? NaN : best.hi - best.lo;
}

/**
 * The claim's sentence about this run: where γ and β have gone by now, and, once the run is done, whether this
 * seed agrees with the measurements (`widens`: whether BN's band widened with training on every seed).
 */
export function transformRunLine(
  gamma: number,
  beta: number,
  band100: number,
  bandNow: number,
  step: number,
  done: boolean,
  widens: boolean,
): { text: string; agrees: boolean | null } | null {
  if (!Number.isFinite(gamma) || !Number.isFinite(beta)) return null;
  const text = `This run, step ${step.toLocaleString('en-US')}: γ = ${fmt2(gamma)}, β = ${fmt2(beta)}.`;
  const settled = done && Number.isFinite(band100) && Number.isFinite(bandNow);
  return { text, agrees: settled ? bandNow > band100 === widens : null };
}
