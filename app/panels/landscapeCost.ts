/**
 * What the probes cost: the mean milliseconds per probe and variant, and the share of the run's wall time
 * they take (all variants' probes once every `every` steps, at `stepsPerSecond`): one after another in one
 * worker, or side by side when each variant has its own (`concurrent`). Null before the first.
 */
export function probeCost(ms: readonly number[], every: number, stepsPerSecond: number, concurrent = false): { ms: number; share: number } | null {
  const known = ms.filter((m) => Number.isFinite(m) && m >= 0);
  if (known.length === 0 || every <= 0 || !(stepsPerSecond > 0)) return null;
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  const perProbe = (concurrent ? Math.max(...known) : mean * known.length) / 1000;
  return { ms: mean, share: Math.min(1, (perProbe * stepsPerSecond) / every) };
}
