import { readFileSync } from 'node:fs';
import type { Config } from '../config/config.ts';
import { parseConfig } from '../config/schema.ts';
import { normOf } from '../engine/spec.ts';
import { buildSplit } from '../experiment/datasets.ts';
import { Experiment } from '../experiment/experiment.ts';
import { LrSweep } from '../experiment/lrSweep.ts';
import { findPreset, PRESETS } from '../experiment/presets.ts';
import { layerStat, variantStat } from '../experiment/snapshot.ts';
import { TraceRecorder, type RunTrace } from '../experiment/trace.ts';
import { UsageError, type CliArgs } from './args.ts';
import { readMnistFile } from './dataFiles.ts';
import type { RunReport, SweepReport } from './report.ts';

/** The config from --preset and --config, strictly: any rejected field is a usage error naming it. */
export function resolveConfig(args: CliArgs): Config {
  let partial: Record<string, unknown> = {};
  if (args.preset !== null) {
    const preset = findPreset(args.preset);
    if (!preset) throw new UsageError(`unknown preset "${args.preset}" (one of ${PRESETS.map((p) => p.name).join(', ')})`);
    partial = { ...preset.config };
  }
  if (args.configFile !== null) {
    let text: string;
    try {
      text = readFileSync(args.configFile, 'utf8');
    } catch {
      throw new UsageError(`--config: cannot read "${args.configFile}"`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      throw new UsageError(`--config: "${args.configFile}" is not valid JSON (${(e as Error).message})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError('--config: the file must hold a JSON object');
    partial = { ...partial, ...(parsed as Record<string, unknown>) };
  }
  const { config, notices } = parseConfig(partial);
  if (notices.length > 0) throw new UsageError(`config: ${notices[0].message}`);
  return config;
}

/**
 * One paired run as the command line describes it: its report and, when --trace is given, its trace (the
 * caller writes it). Throws UsageError on a bad config.
 */
export function runExperiment(args: CliArgs): { report: RunReport; trace: RunTrace | null } {
  const config = resolveConfig(args);
  const split = buildSplit(config, config.dataset === 'mnist' ? readMnistFile() : null);
  const exp = new Experiment(config, split, null, { dtype: args.dtype });
  const every = args.every ?? Math.max(1, Math.floor(args.steps / 10));
  const recorder = args.trace === null ? null : new TraceRecorder(exp);
  const snap = exp.createSnapshot();
  const report: RunReport = {
    preset: args.preset,
    config,
    dtype: args.dtype,
    steps: args.steps,
    wallSeconds: 0,
    variants: exp.variants.map((v) => ({
      name: v.name,
      placement: v.placement,
      norm: normOf(v.placement),
      diverged: null,
      checkpoints: [],
      stepsTo90: null,
      trainSeconds: 0,
    })),
  };
  const checkpoint = () => {
    if (exp.evals.some((e, i) => e.evalStep !== exp.step && !exp.variants[i].diverged)) exp.evaluate();
    exp.snapshot(snap);
    const layer = exp.trackLayer;
    report.variants.forEach((r, i) => {
      r.checkpoints.push({
        step: exp.step,
        trainLoss: variantStat(snap, i, 'trainLoss'),
        testLoss: exp.evals[i].testLoss,
        testAcc: exp.evals[i].testAcc,
        p15: layerStat(snap, i, layer, 'unitP15'),
        p50: layerStat(snap, i, layer, 'unitP50'),
        p85: layerStat(snap, i, layer, 'unitP85'),
        shiftSpread: layerStat(snap, i, layer, 'shiftSpreadAvg'),
        shiftLocation: layerStat(snap, i, layer, 'shiftLocationAvg'),
      });
    });
  };
  const t0 = performance.now();
  checkpoint();
  while (exp.step < args.steps && !exp.allDiverged) {
    exp.runStep();
    recorder?.recordStep();
    if (exp.step % every === 0 || exp.step === args.steps) checkpoint();
  }
  if (exp.step < args.steps) checkpoint();
  report.wallSeconds = (performance.now() - t0) / 1000;
  exp.variants.forEach((v, i) => {
    const r = report.variants[i];
    r.diverged = v.diverged ? v.divergedAt : null;
    r.stepsTo90 = exp.evals[i].reachedTargetAt >= 0 ? exp.evals[i].reachedTargetAt : null;
    r.trainSeconds = v.trainSeconds;
  });
  return { report, trace: recorder?.finish() ?? null };
}

/** The learning-rate sweep as the command line describes it. */
export function runSweep(args: CliArgs): SweepReport {
  const config = resolveConfig(args);
  const split = buildSplit(config, config.dataset === 'mnist' ? readMnistFile() : null);
  const t0 = performance.now();
  const lrSweep = new LrSweep(config, split, { budget: args.steps, dtype: args.dtype });
  const rows = lrSweep.runAll();
  return { preset: args.preset, config, dtype: args.dtype, budget: lrSweep.budget, target: lrSweep.target, wallSeconds: (performance.now() - t0) / 1000, rows };
}
