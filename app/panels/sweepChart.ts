import type { SweepRow, TargetOutcome } from '../../src/experiment/index.ts';
import { formatStep, formatTick } from '../viz/format.ts';

/** A variant's outcome in words: "1,200", "diverged at 35", "never (1,500)". */
export function outcomeText(o: TargetOutcome, steps: number): string {
  switch (o.kind) {
    case 'reached':
      return formatStep(o.step);
    case 'diverged':
      return `diverged at ${formatStep(o.step)}`;
    case 'never':
      return `never (${formatStep(steps)})`;
  }
}

/** The learning rates at which variant v reached the target: their lowest and highest, or null for none. */
export function usableRange(rows: readonly SweepRow[], v: number): { lo: number; hi: number; count: number } | null {
  const lrs = rows.filter((r) => r.variants[v]?.outcome.kind === 'reached').map((r) => r.lr);
  if (lrs.length === 0) return null;
  return { lo: Math.min(...lrs), hi: Math.max(...lrs), count: lrs.length };
}

/** The range in words: "0.015 to 15 (7 of 7 rates)", or "none of 7 rates". */
export function rangeText(range: ReturnType<typeof usableRange>, of: number): string {
  if (range === null) return `none of ${of} rates`;
  return range.lo === range.hi ? `${formatTick(range.lo)} only` : `${formatTick(range.lo)} to ${formatTick(range.hi)} (${range.count} of ${of} rates)`;
}

/** Train minus test accuracy in percentage points ("+1.2"), "—" when unknown. */
export function gapText(trainAcc: number, testAcc: number): string {
  const gap = 100 * (trainAcc - testAcc);
  if (!Number.isFinite(gap)) return '—';
  return `${gap >= 0 ? '+' : '−'}${Math.abs(gap).toFixed(1)}`;
}

/** The x domain of a log learning-rate axis holding every row, with half a factor of room on each side. */
export function lrDomain(rows: readonly SweepRow[], fallback: readonly number[]): [number, number] {
  const lrs = rows.length > 0 ? rows.map((r) => r.lr) : fallback;
  return [Math.min(...lrs) / 1.8, Math.max(...lrs) * 1.8];
}

/** Where an outcome sits on the chart: a step on the steps axis, or one of the two lanes above it. */
export function outcomeLane(o: TargetOutcome): 'steps' | 'never' | 'diverged' {
  return o.kind === 'reached' ? 'steps' : o.kind;
}
