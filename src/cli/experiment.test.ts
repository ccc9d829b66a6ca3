import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunTrace } from '../experiment/trace.ts';
import { runExperimentCli } from './cliRunner.ts';

const dir = mkdtempSync(join(tmpdir(), 'shift-lab-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('npm run experiment', () => {
  it('rejects bad input with exit code 2 and a one-line message that names it', { timeout: 60_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus'], /unknown flag "--bogus"/],
      [['--preset', 'nope'], /unknown preset "nope"/],
      [['--steps', '-3'], /--steps: "-3" is not a positive integer/],
      [['--steps'], /--steps needs a value/],
      [['--config', join(dir, 'missing.json')], /--config: cannot read/],
      [['--config', write('broken.json', '{ lr: ')], /not valid JSON/],
      [['--config', write('bad-field.json', '{"lr": -1}')], /config: lr: -1 is not valid/],
      [['--config', write('unknown-field.json', '{"learningRate": 0.1}')], /unknown field "learningRate"/],
      [['--sweep', '--every', '10'], /--every does not apply to --sweep/],
      [['--sweep', '--trace', join(dir, 'trace.json')], /--trace does not apply to --sweep/],
      [['--dtype', 'float16'], /--dtype: "float16" is not float32 or float64/],
    ];
    const results = await Promise.all(cases.map(([args]) => runExperimentCli(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(cases[i][1]);
    });
  });

  it('prints one JSON object with every variant, its checkpoints and its steps to 90%', async () => {
    const config = write(
      'blobs.json',
      JSON.stringify({ dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.3, evalEvery: 20, variants: ['none', 'before', 'after'] }),
    );
    const r = await runExperimentCli(['--config', config, '--steps', '60', '--every', '20', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.config.dataset).toBe('blobs');
    expect(report.config.momentum).toBe(0);
    expect(report.steps).toBe(60);
    expect(report.variants.map((v: { name: string }) => v.name)).toEqual(['plain', 'bn-before', 'bn-after']);
    for (const v of report.variants) {
      expect(v.checkpoints.map((c: { step: number }) => c.step)).toEqual([0, 20, 40, 60]);
      expect(Object.keys(v.checkpoints[1]).sort()).toEqual(['p15', 'p50', 'p85', 'shiftLocation', 'shiftSpread', 'step', 'testAcc', 'testLoss', 'trainLoss']);
      expect(v.stepsTo90 === null || v.stepsTo90 % 20 === 0).toBe(true);
      expect(v.diverged).toBeNull();
    }
  });

  it('reports each variant’s own mean training loss since the previous checkpoint, its norm and its input shift', async () => {
    const config = write(
      'norms.json',
      JSON.stringify({ dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.3, variants: ['none', 'before', 'ln-after', 'linf-before'] }),
    );
    const trace = join(dir, 'norms-trace.json');
    const r = await runExperimentCli(['--config', config, '--steps', '300', '--every', '100', '--json', '--trace', trace]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const losses = (JSON.parse(readFileSync(trace, 'utf8')) as RunTrace).variants.map((v) => v.losses);
    expect(report.variants.map((v: { norm: string | null }) => v.norm)).toEqual([null, 'bn', 'ln', 'linf']);
    report.variants.forEach((v: { checkpoints: { step: number; trainLoss: number; shiftSpread: number | null }[] }, i: number) => {
      for (const c of v.checkpoints.slice(1)) {
        const window = losses[i].slice(c.step - 100, c.step);
        expect(c.trainLoss).toBeCloseTo(window.reduce((a, b) => a + b, 0) / window.length, 6);
      }
      // Input shift is averaged from the second window of 100 steps on.
      expect(v.checkpoints[1].shiftSpread).toBeNull();
      expect(v.checkpoints[3].shiftSpread).toBeGreaterThan(0);
    });
  });

  it('prints the plain table with a summary line per variant', async () => {
    const r = await runExperimentCli(['--preset', 'scales', '--steps', '40', '--every', '20']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+step \| plain/m);
    expect(r.stdout).toMatch(/^\s+40 \|/m);
    expect(r.stdout).toMatch(/plain\s+90% test accuracy: (not reached|\d+ steps)/);
    expect(r.stdout).toMatch(/bn-before\s+90% test accuracy/);
  });

  it('sweeps the learning rate: a row per factor in order, each variant with its outcome, accuracies and divergence', async () => {
    const config = write('sweep.json', JSON.stringify({ dataset: 'blobs', depth: 2, width: 16, batchSize: 16, lr: 0.2, trackLayer: 2 }));
    const r = await runExperimentCli(['--config', config, '--sweep', '--steps', '100', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.budget).toBe(100);
    expect(report.rows.map((row: { factor: number }) => row.factor)).toEqual([0.03, 0.1, 0.3, 1, 3, 10, 30]);
    for (const row of report.rows) {
      expect(row.steps).toBeLessThanOrEqual(100);
      expect(row.variants.map((v: { name: string }) => v.name)).toEqual(['plain', 'bn-before']);
      for (const v of row.variants) {
        expect(Object.keys(v).sort()).toEqual(['divergedAt', 'name', 'outcome', 'placement', 'testAcc', 'trainAcc']);
        expect(['reached', 'diverged', 'never']).toContain(v.outcome.kind);
      }
    }
  });

  it('prints the sweep as a table: a line per learning rate with steps to 90%, test accuracy and gap', async () => {
    const r = await runExperimentCli(['--preset', 'scales', '--sweep', '--steps', '50']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+lr\s+steps \| plain\s+\| bn-before$/m);
    expect(r.stdout).toMatch(/to 90%\s+test\s+gap/);
    expect(r.stdout.split('\n').filter((l) => /^\s+[\d.e-]+\s+\d+ \|/.test(l))).toHaveLength(7);
  });
});
