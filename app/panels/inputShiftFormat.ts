/** The input shift as text: the spread change in percent, the mean's move in σ; "—" before it is measured. */
export function formatShift(location: number, spread: number): { location: string; spread: string } {
  return {
    location: Number.isFinite(location) ? `${location < 0.1 ? location.toFixed(3) : location.toFixed(2)} σ` : '—',
    spread: Number.isFinite(spread) ? `${(100 * spread).toFixed(spread < 0.1 ? 1 : 0)}%` : '—',
  };
}
