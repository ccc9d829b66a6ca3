/**
 * Per-step losses as CSV: a `step` column, then one column per variant. Numbers are written in
 * JavaScript's shortest round-trip form, so reading them back gives the very same doubles; a step a
 * variant did not train (diverged) is left empty.
 */
export function lossesCsv(names: readonly string[], steps: number, losses: ArrayLike<number>): string {
  const n = names.length;
  const lines = [['step', ...names.map((name) => `${name}_loss`)].join(',')];
  for (let s = 0; s < steps; s++) {
    const row = [String(s + 1)];
    for (let v = 0; v < n; v++) {
      const x = losses[s * n + v];
      row.push(Number.isFinite(x) ? String(x) : '');
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
