import type { Config } from '../config/config.ts';
import { parseConfig } from '../config/schema.ts';
import type { Split } from '../data/dataset.ts';
import { findPreset } from '../experiment/presets.ts';
import { fillTemplate } from './format.ts';
import { recordVariant, type VariantRecord } from './record.ts';
import { summarize, type PerSeed, type Summary } from './stats.ts';
import type { Claim, ClaimResult, MeasuredNumber, RunSpec } from './types.ts';

/** The seeds every claim is measured over. */
export const CLAIM_SEEDS: readonly number[] = [1, 2, 3, 4, 5];

/** The full config of a run spec at a seed: the preset, then the spec's fields, then the seed. Refuses a bad field. */
export function runConfig(spec: RunSpec, seed: number): Config {
  const preset = spec.preset === null ? undefined : findPreset(spec.preset);
  if (spec.preset !== null && preset === undefined) throw new Error(`unknown preset "${spec.preset}"`);
  const { config, notices } = parseConfig({ ...(preset?.config ?? {}), ...spec.config, seed });
  if (notices.length > 0) throw new Error(`run config: ${notices[0].message}`);
  return config;
}

/** A key that is equal for two specs exactly when they train the same thing. */
export function runKey(spec: RunSpec, seed: number): string {
  const { variants: _ignored, ...config } = runConfig(spec, seed);
  return JSON.stringify({
    config,
    placement: spec.placement,
    steps: spec.steps,
    checkpointEvery: spec.checkpointEvery ?? 100,
    finalEvals: spec.finalEvals ?? [],
    trainRows: spec.trainRows ?? 0,
  });
}

/** One run to do: a spec at a seed. */
export interface PlannedRun {
  readonly key: string;
  readonly spec: RunSpec;
  readonly seed: number;
}

/** Every distinct run the claims need, in the order they are first needed. */
export function planRuns(claims: readonly Claim[], seeds: readonly number[]): PlannedRun[] {
  const seen = new Map<string, PlannedRun>();
  for (const claim of claims) {
    for (const spec of Object.values<RunSpec>(claim.runs)) {
      for (const seed of seeds) {
        const key = runKey(spec, seed);
        if (!seen.has(key)) seen.set(key, { key, spec, seed });
      }
    }
  }
  return [...seen.values()];
}

/** Where the runner gets its data, and where it says what it is doing. */
export interface MeasureHost {
  /** The split a config trains on. */
  split(config: Config): Split;
  /** Called before each run starts. */
  onRun?(run: PlannedRun, index: number, total: number): void;
}

/** Measures claims over the seeds, training each distinct run once. */
export class ClaimRunner {
  private readonly records = new Map<string, VariantRecord>();

  constructor(
    private readonly host: MeasureHost,
    readonly seeds: readonly number[] = CLAIM_SEEDS,
  ) {}

  /** Trains every run the claims need that has not been trained yet. */
  runAll(claims: readonly Claim[]): void {
    const todo = planRuns(claims, this.seeds).filter((r) => !this.records.has(r.key));
    todo.forEach((run, i) => {
      this.host.onRun?.(run, i, todo.length);
      const config = runConfig(run.spec, run.seed);
      this.records.set(
        run.key,
        recordVariant(
          {
            config,
            placement: run.spec.placement,
            steps: run.spec.steps,
            checkpointEvery: run.spec.checkpointEvery ?? 100,
            finalEvals: run.spec.finalEvals,
            trainRows: run.spec.trainRows,
          },
          this.host.split(config),
        ),
      );
    });
  }

  /** Measures one claim (training what it needs): its numbers per seed, their summaries, the verdict and the text. */
  measure(claim: Claim): ClaimResult {
    this.runAll([claim]);
    const runs = Object.fromEntries(
      Object.entries<RunSpec>(claim.runs).map(([name, spec]) => [name, this.seeds.map((seed) => this.record(runKey(spec, seed)))]),
    );
    const values: Record<string, PerSeed> = claim.measure(runs);
    const summary: Record<string, Summary> = {};
    const numbers: Record<string, MeasuredNumber> = {};
    for (const [name, spec] of Object.entries(claim.numbers)) {
      const v = values[name];
      if (v === undefined || v.length !== this.seeds.length) throw new Error(`claim ${claim.id}: number ${name} has no value per seed`);
      // Stored as plain numbers (JSON keeps them exactly), so a re-measurement compares equal or not at all.
      const clean = v.map((x) => (x === null ? null : Number(x)));
      summary[name] = summarize(clean);
      numbers[name] = { ...spec, values: clean, ...summary[name] };
    }
    const holds = claim.holds(values, summary);
    return {
      title: claim.title,
      what: claim.what,
      condition: claim.condition,
      holds,
      numbers,
      text: fillTemplate(holds ? claim.statement : claim.otherwise, null, numbers),
    };
  }

  private record(key: string): VariantRecord {
    const r = this.records.get(key);
    if (r === undefined) throw new Error('a run was measured before it was trained');
    return r;
  }
}
