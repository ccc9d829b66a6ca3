// Would one worker per variant pay off? Trains the bn-paper pair for a few seconds in one process (both
// variants, as the app's single worker does), then in two processes at once (one variant each, same seed,
// so the same batches), and prints paired steps/s for each. Run: npx tsx scripts/bench/parallel.ts
import { availableParallelism } from 'node:os';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readMnistFile } from '../../src/cli/dataFiles.ts';
import { DEFAULT_CONFIG, type Config } from '../../src/config/config.ts';
import { mnistSplit } from '../../src/data/mnist.ts';
import type { Placement } from '../../src/engine/spec.ts';
import { Experiment } from '../../src/experiment/experiment.ts';
import { findPreset } from '../../src/experiment/presets.ts';

const SECONDS = 6;

/** Steps/s of an experiment over `variants`, with the app's evaluation and 20 snapshots a second. */
function measure(variants: Placement[], only: number | null): number {
  const config: Config = {
    ...DEFAULT_CONFIG,
    ...findPreset('bn-paper')!.config,
    variants: variants.length === 1 ? [variants[0], variants[0] === 'none' ? 'before' : 'none'] : variants,
  };
  const exp = new Experiment(config, mnistSplit(readMnistFile()));
  // With one variant per thread, the other is frozen so this thread trains only its own.
  if (only !== null) exp.variants[1 - only].divergedAt = 0;
  const snap = exp.createSnapshot();
  exp.run(20);
  const start = performance.now();
  let lastSnap = start;
  let steps = 0;
  while (performance.now() - start < SECONDS * 1000) {
    exp.runStep();
    steps++;
    if (performance.now() - lastSnap >= 50) {
      exp.snapshot(snap);
      lastSnap = performance.now();
    }
  }
  return steps / ((performance.now() - start) / 1000);
}

const onlyArg = process.argv.indexOf('--only');
if (onlyArg >= 0) {
  console.log(measure(['none', 'before'], Number(process.argv[onlyArg + 1])));
} else {
  console.log(`cores: ${availableParallelism()}`);
  const one = measure(['none', 'before'], null);
  console.log(`one process, both variants:      ${one.toFixed(1)} paired steps/s`);
  const self = fileURLToPath(import.meta.url);
  const rates = await Promise.all(
    [0, 1].map(
      (only) =>
        new Promise<number>((resolve, reject) =>
          execFile(process.execPath, ['--import', 'tsx', self, '--only', String(only)], (err, stdout) =>
            err ? reject(err) : resolve(Number(stdout.trim().split('\n').at(-1))),
          ),
        ),
    ),
  );
  console.log(`two processes, one variant each: ${Math.min(...rates).toFixed(1)} paired steps/s (plain ${rates[0].toFixed(1)}, BN ${rates[1].toFixed(1)})`);
}
