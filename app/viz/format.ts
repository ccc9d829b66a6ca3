/** Formatting for the numbers on screen. */

/** A loss: 3 significant digits, "—" when unknown. */
export function formatLoss(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return v >= 100 ? v.toFixed(0) : v.toPrecision(3);
}

/** A loss to two significant digits, for numbers read at a glance ("0.031", "2.3"), "—" when unknown. */
export function formatLossShort(v: number): string {
  if (!Number.isFinite(v)) return '—';
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

/** A tick label: compact, no trailing zeros. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1000) return `${+(v / 1000).toFixed(1)}k`;
  if (abs >= 1) return String(+v.toFixed(2));
  return String(+v.toPrecision(2));
}
