import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.ts';
import { formatTable } from './report.ts';
import { runExperiment, runSweep } from './run.ts';

const dir = mkdtempSync(join(tmpdir(), 'shift-lab-run-'));
const config = join(dir, 'blobs.json');
writeFileSync(
  config,
  JSON.stringify({
    dataset: 'blobs',
    depth: 2,
    width: 8,
    batchSize: 8,
    lr: 0.3,
    evalEvery: 20,
    inferEvery: 20,
    probeEvery: 10,
    variants: ['none', 'before', 'ln-after', 'linf-before'],
  }),
);

describe('the experiment command in float64', () => {
  it('runs every variant, its probes and checkpoints in float64, and says so in the --json report and the table header', () => {
    const run = (dtype: string) =>
      runExperiment(parseArgs(['--config', config, '--steps', '40', '--every', '20', '--json', '--trace', 'unused.json', '--dtype', dtype]));
    const f64 = run('float64');
    const f32 = run('float32');
    expect(f64.report.dtype).toBe('float64');
    expect(f64.trace?.dtype).toBe('float64');
    expect(f32.report.dtype).toBe('float32');
    f64.report.variants.forEach((v, i) => {
      expect(v.diverged).toBeNull();
      expect(v.checkpoints.map((c) => c.step)).toEqual([0, 20, 40]);
      for (const c of v.checkpoints) expect([c.testAcc, c.testLoss, c.p15, c.p50, c.p85].every(Number.isFinite)).toBe(true);
      // The same run, rounded differently: close, but not float32's numbers.
      const losses64 = f64.trace!.variants[i].losses;
      const losses32 = f32.trace!.variants[i].losses;
      expect(losses64).not.toEqual(losses32);
      losses64.forEach((l, k) => expect(l).toBeCloseTo(losses32[k], 2));
    });
    expect(JSON.parse(JSON.stringify(f64.report)).dtype).toBe('float64');
    expect(formatTable(f64.report).split('\n')[0]).toMatch(/ · float64$/);
    expect(formatTable(f32.report)).not.toMatch(/float/);
  });

  it('sweeps the learning rate in float64', () => {
    const report = runSweep(parseArgs(['--config', config, '--sweep', '--steps', '30', '--dtype', 'float64']));
    expect(report.dtype).toBe('float64');
    expect(report.rows).toHaveLength(7);
    for (const row of report.rows) expect(row.variants.every((v) => Number.isFinite(v.testAcc) || v.divergedAt !== null)).toBe(true);
  });
});
