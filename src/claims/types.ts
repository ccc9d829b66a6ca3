import type { Config } from '../config/config.ts';
import type { Placement } from '../engine/spec.ts';
import type { VariantRecord } from './record.ts';
import type { PerSeed, Summary } from './stats.ts';

/** How a measured number reads in prose. */
export type Unit =
  | 'step' // a step count: "1,200"; null reads "not reached"
  | 'accuracy' // a share of test digits: 0.913 → "91.3%"
  | 'points' // a difference of accuracies in percentage points: 0.004 → "0.4 points"
  | 'share' // a share of values: 0.6 → "60%"
  | 'ratio' // a ratio: 4.8 → "4.8×"
  | 'lr' // a learning rate: "1.5"
  | 'value'; // a plain number, two significant digits

/** What one number of a claim is. */
export interface NumberSpec {
  readonly label: string;
  readonly unit: Unit;
}

/** One variant of one config, trained for every seed of the claim set. */
export interface RunSpec {
  /** Partial config over a preset (or the defaults); the seed is set per run. */
  readonly preset: string | null;
  readonly config: Partial<Config>;
  readonly placement: Placement;
  readonly steps: number;
  /** Steps between recorded snapshots (default 100). */
  readonly checkpointEvery?: number;
  readonly finalEvals?: readonly { readonly mode: 'batch' | 'running' | 'population'; readonly batchSize: number }[];
  readonly trainRows?: number;
}

/** Per run name, its record for each seed (seed order). */
export type Runs<K extends string> = Readonly<Record<K, readonly VariantRecord[]>>;

/**
 * A claim: one definition of what is run (configs and seeds), the numbers it measures, the condition it
 * asserts, and the sentence the story may say when the condition holds — or, when it fails, the sentence
 * that says what was measured instead. Statements are templates over the claim's own numbers: {name} is the
 * median over the seeds, {name:range} the median with its min–max, {name:span} min–max alone.
 */
export interface Claim<K extends string = string, N extends string = string> {
  readonly id: string;
  /** Short title, for tables. */
  readonly title: string;
  /** What was run, in words (the config, steps, seeds). */
  readonly what: string;
  /** Measured by the quick CI check (`npm run claims -- --check --fast`): keep the set under a minute. */
  readonly fast?: boolean;
  readonly runs: Readonly<Record<K, RunSpec>>;
  readonly numbers: Readonly<Record<N, NumberSpec>>;
  /** Turns the runs of every seed into each number's per-seed values. */
  measure(runs: Runs<K>): Readonly<Record<N, PerSeed>>;
  /** The condition, in words, and its test over the per-seed values and their summaries. */
  readonly condition: string;
  holds(values: Readonly<Record<N, PerSeed>>, summary: Readonly<Record<N, Summary>>): boolean;
  readonly statement: string;
  readonly otherwise: string;
}

/** One number's measurement, as stored in the results file. */
export interface MeasuredNumber extends NumberSpec, Summary {
  readonly values: PerSeed;
}

/** One claim's measurement, as stored in the results file. */
export interface ClaimResult {
  readonly title: string;
  readonly what: string;
  readonly condition: string;
  readonly holds: boolean;
  readonly numbers: Readonly<Record<string, MeasuredNumber>>;
  /** The statement (or, when the condition fails, the otherwise text) with its numbers filled in. */
  readonly text: string;
}

/** The committed results file: every claim's measurement over the seeds. */
export interface ClaimResults {
  readonly format: 'shift-lab-claims/1';
  readonly seeds: readonly number[];
  readonly claims: Readonly<Record<string, ClaimResult>>;
}
