/** One runner of a race as this run saw it, and as the measurements over seeds did. */
export interface Runner {
  readonly name: string;
  /** First evaluated step at the target in this run, or null. */
  readonly reached: number | null;
  /**
   * The measured median that ranks the runners over the seeds: by default the first step at the target (lower
   * is better; null: not reached), or, with `higherFirst`, an accuracy (higher is better).
   */
  readonly median: number | null;
}

const steps = (n: number) => n.toLocaleString('en-US');

/** Orders runners by when they reached the target: earlier first, never last. */
function order(values: readonly (number | null)[]): number[] {
  return values
    .map((v, i) => ({ v: v ?? Infinity, i }))
    .sort((a, b) => a.v - b.v)
    .map((o) => o.i);
}

/**
 * The race's sentence about this run: who reached the target at which step, who had not by now; then whether
 * the run's order agrees with the order of the medians over the seeds (a seed can go against them, and the
 * text must say so rather than contradict its chart).
 */
export function raceRunLine(
  runners: readonly Runner[],
  step: number,
  target: number,
  done: boolean,
  higherFirst = false,
): { text: string; agrees: boolean | null } {
  const pct = `${Math.round(target * 100)}%`;
  const reached = runners.filter((r) => r.reached !== null).sort((a, b) => (a.reached ?? 0) - (b.reached ?? 0));
  const not = runners.filter((r) => r.reached === null).map((r) => r.name);
  const parts = [
    reached.length > 0 ? `${reached.map((r) => `${r.name} at step ${steps(r.reached ?? 0)}`).join(', ')}` : '',
    not.length > 0 ? `${not.join(' and ')} not ${done ? `by step ${steps(step)}` : 'yet'}` : '',
  ].filter(Boolean);
  const text =
    reached.length === 0
      ? `This run: ${not.length === 2 ? 'neither' : 'none'} has reached ${pct} ${done ? `by step ${steps(step)}` : 'yet'}.`
      : `This run, to ${pct}: ${parts.join('; ')}.`;
  // Only a finished run, or one where every runner has reached the target, can be compared with the medians.
  const settled = done || runners.every((r) => r.reached !== null);
  if (!settled) return { text, agrees: null };
  const run = order(runners.map((r) => r.reached));
  const measured = order(runners.map((r) => (r.median === null ? null : higherFirst ? -r.median : r.median)));
  // The run agrees when its leader is the measured leader (the rest may be unfinished within a short run).
  return { text, agrees: run[0] === measured[0] };
}
