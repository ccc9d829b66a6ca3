/** Formatting for the numbers on screen. */

/** From here on a number is written as a power of ten: a diverging loss of 2.6 × 10¹⁹ must not print 20 digits. */
const EXPONENT_FROM = 1e6;

/** v as mantissa and exponent with `digits` significant digits and no trailing zeros: "2.6e19", "1e22". */
function exponent(v: number, digits: number): string {
  const [mantissa, power] = v.toExponential(digits - 1).split('e');
  return `${+mantissa}e${+power}`;
}

/** A loss: 3 significant digits, "—" when unknown. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Math.abs(v) >= EXPONENT_FROM) return exponent(v, 3);
  return v >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/** A loss to two significant digits, for numbers read at a glance ("0.031", "2.3"), "—" when unknown. */
export function formatLossShort(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (Math.abs(v) >= EXPONENT_FROM) return exponent(v, 2);
  return v >= 10 ? v.toFixed(0) : String(+v.toPrecision(2));
}

/** An accuracy as a percentage with one decimal, "—" when unknown. */
export function formatPercent(v: number): string {
  return Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—';
}

/** A step count with thousands separators. */
export function formatStep(v: number): string {
  return Math.round(v).toLocaleString('en-US');
}

/** A tick label: compact, no trailing zeros ("2.5k", "1e22"). */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= EXPONENT_FROM) return exponent(v, 2);
  if (abs >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  if (abs >= 1) return String(+v.toFixed(2));
  return String(+v.toPrecision(2));
}
