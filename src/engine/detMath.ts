/**
 * Elementary functions computed with IEEE-754 arithmetic only (+, −, ×, ÷ and exact bit moves), so that
 * they return the same bits in every JavaScript engine. Math.exp, Math.log, Math.sin… are not specified to
 * the last bit, and V8 builds differ (Node's and Chromium's disagree by an ulp on some inputs), which
 * would break "the same seed gives the same run, bit for bit, in Node and in the browser".
 *
 * exp and log follow the classic argument-reduction schemes of FreeBSD's msun (fdlibm): reduce by
 * ln 2 (split in a high part with trailing zeros and a low part), then a minimax polynomial on the
 * remainder. Both are within about 1 ulp of the true value.
 */

const view = new DataView(new ArrayBuffer(8));

/** 2^k for an integer k in [−1022, 1023], built from its bits. */
function pow2(k: number): number {
  view.setUint32(0, (k + 1023) << 20);
  view.setUint32(4, 0);
  return view.getFloat64(0);
}

const LN2_HI = 6.9314718036912381649e-1; // ln 2 with its low 32 bits zero: k·LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.442695040888963387;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x, deterministic. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709.782712893383973096) return Infinity;
  if (x < -745.13321910194110842) return 0;
  if (x > -3.7252902984e-9 && x < 3.7252902984e-9) return 1 + x; // |x| < 2^−28
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI;
  const lo = k * LN2_LO;
  const r = hi - lo;
  // e^r = 1 + 2r/(R(r²) − r) with R a minimax fit; written as in msun to keep the error under 1 ulp.
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  if (k === 0) return y;
  if (k >= -1021 && k <= 1023) return y * pow2(k);
  // The result is subnormal, or k = 1024: scale in two exact steps.
  return k > 0 ? y * pow2(k - 1) * 2 : y * pow2(k + 1000) * pow2(-1000);
}

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;
const TWO54 = 1.8014398509481984e16;

/** The natural logarithm, deterministic. */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // Subnormal: scale up exactly first.
    x *= TWO54;
    k = -54;
  }
  view.setFloat64(0, x);
  let hx = view.getUint32(0);
  k += (hx >>> 20) - 1023;
  hx &= 0x000fffff;
  // Normalize x into [√2/2, √2): i is 0x100000 when the mantissa is at least √2's.
  const i = (hx + 0x95f64) & 0x100000;
  view.setUint32(0, hx | (i ^ 0x3ff00000));
  k += i >>> 20;
  const f = view.getFloat64(0) - 1;
  const dk = k;
  if (Math.abs(f) < 9.5367431640625e-7) {
    // |f| < 2^−20: a short series is exact to the last bit.
    if (f === 0) return dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - f / 3);
    return dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  const hfsq = 0.5 * f * f;
  return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
}

/** tanh x, deterministic: an odd series near 0, (1 − e^−2|x|)/(1 + e^−2|x|) elsewhere. */
export function tanh(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a > 22) return x > 0 ? 1 : -1;
  if (a < 0.0625) {
    const z = x * x;
    // x − x³/3 + 2x⁵/15 − 17x⁷/315 + 62x⁹/2835 − 1382x¹¹/155925: the next term is below 2^−53·|x|.
    return x + x * z * (-1 / 3 + z * (2 / 15 + z * (-17 / 315 + z * (62 / 2835 + z * (-1382 / 155925)))));
  }
  const t = exp(-2 * a);
  const y = (1 - t) / (1 + t);
  return x > 0 ? y : -y;
}

/**
 * sin and cos of 2π·v for v in [0, 1), deterministic (for Box–Muller). The quarter turn is found
 * exactly from 4v; the rest is an angle in [0, π/4] for Taylor series that are exact to the last bit
 * there.
 */
export function sinCos2Pi(v: number): [number, number] {
  const q4 = 4 * v; // exact: a power-of-two scaling
  let quadrant = Math.floor(q4);
  let f = q4 - quadrant; // exact: in [0, 1)
  let swap = false;
  if (f > 0.5) {
    // sin(π/2·f) = cos(π/2·(1 − f)): keep the series argument at most π/4.
    f = 1 - f;
    swap = true;
  }
  const a = f * (Math.PI / 2);
  const z = a * a;
  let s = a * (1 + z * (-1 / 6 + z * (1 / 120 + z * (-1 / 5040 + z * (1 / 362880 + z * (-1 / 39916800 + z * (1 / 6227020800 + z * (-1 / 1307674368000))))))));
  let c =
    1 +
    z *
      (-1 / 2 + z * (1 / 24 + z * (-1 / 720 + z * (1 / 40320 + z * (-1 / 3628800 + z * (1 / 479001600 + z * (-1 / 87178291200 + z * (1 / 20922789888000))))))));
  if (swap) [s, c] = [c, s];
  quadrant &= 3;
  switch (quadrant) {
    case 0:
      return [s, c];
    case 1:
      return [c, -s];
    case 2:
      return [-s, -c];
    default:
      return [-c, s];
  }
}
