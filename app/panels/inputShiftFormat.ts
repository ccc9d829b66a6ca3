/** The input shift as text: the spread change in percent, the mean's move in σ; "—" before it is measured. */
export function formatShift(location: number, spread: number): { location: string; spread: string } {
  return {
    location: Number.isFinite(location) ? `${location < 0.1 ? location.toFixed(3) : location.toFixed(2)} σ` : '—',
    spread: Number.isFinite(spread) ? `${(100 * spread).toFixed(spread < 0.1 ? 1 : 0)}%` : '—',
  };
}

/** The bar's length (0–1) for a spread change: log scale from 0.1% (empty) to 100% (full); 0 before it is measured. */
export function shiftBar(spread: number): number {
  if (!(spread > 0)) return 0;
  return Math.max(0, Math.min(1, (Math.log10(spread) + 3) / 3));
}
