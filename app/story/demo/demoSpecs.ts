import { DEFAULT_CONFIG, parseConfig, type Config } from '../../../src/config/index.ts';
import { findPreset } from '../../../src/experiment/index.ts';
import type { SectionId } from '../sections.ts';
import type { DemoRequest } from './DemoClient.ts';

/** A section's own short run: a preset (plus changes), how many steps, and over how many seconds. */
export interface DemoSpec {
  readonly preset: string;
  readonly config: Partial<Config>;
  readonly steps: number;
  /** The run's length on screen: slow enough to watch the effect happen. */
  readonly seconds: number;
}

/**
 * Each section that trains a model, and what it trains. Evaluations come every 25 steps where a chart draws
 * test accuracy, so the curves have enough points over a short run. Sections that show no training (feature
 * scaling, the evidence) have none.
 */
export const DEMOS: Partial<Record<SectionId, DemoSpec>> = {
  opening: { preset: 'bn-paper', config: { evalEvery: 25 }, steps: 500, seconds: 10 },
  shift: { preset: 'bn-paper', config: { evalEvery: 100 }, steps: 500, seconds: 10 },
  transform: { preset: 'bn-paper', config: { evalEvery: 100 }, steps: 500, seconds: 15 },
  bias: { preset: 'bn-paper', config: { variants: ['none', 'before', 'after'], evalEvery: 100 }, steps: 200, seconds: 8 },
  inference: { preset: 'bn-paper', config: { inferEvery: 25, evalEvery: 100 }, steps: 300, seconds: 12 },
  rates: { preset: 'high-lr', config: { evalEvery: 25 }, steps: 500, seconds: 10 },
  limits: { preset: 'tiny-batch-ln', config: { evalEvery: 100 }, steps: 2000, seconds: 12 },
  noisy: { preset: 'noisy-bn', config: { evalEvery: 25 }, steps: 500, seconds: 10 },
  smoothness: { preset: 'bn-paper', config: { probeEvery: 25, evalEvery: 100 }, steps: 500, seconds: 12 },
};

/** The full config of a section's demo at a seed: the defaults, the preset, the section's changes. */
export function demoConfig(spec: DemoSpec, seed: number): Config {
  const preset = findPreset(spec.preset);
  if (preset === undefined) throw new Error(`demo preset "${spec.preset}" does not exist`);
  const { config, notices } = parseConfig({ ...DEFAULT_CONFIG, ...preset.config, ...spec.config, seed });
  if (notices.length > 0) throw new Error(`demo of ${spec.preset}: ${notices[0].message}`);
  return config;
}

/** Steps per second that run the demo's steps in its seconds. */
export function demoPace(spec: DemoSpec): number {
  return spec.steps / spec.seconds;
}

/** What a section's demo asks its trainer for, at a seed. */
export function demoRequest(spec: DemoSpec, seed: number, fast = false): DemoRequest {
  return { config: demoConfig(spec, seed), steps: spec.steps, stepsPerSecond: fast ? 'max' : demoPace(spec) };
}

/** The seed a section's run starts from (Another seed counts up from it). */
export const DEMO_SEED = 1;
