// The headless experiment runner: npm run experiment -- --preset bn-paper --steps 5000 --every 500
import { writeFileSync } from 'node:fs';
import { parseArgs, USAGE, UsageError, type CliArgs } from './args.ts';
import { formatSweepTable, formatTable } from './report.ts';
import { runExperiment, runSweep } from './run.ts';

function main(argv: readonly string[]): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    if (args.help) {
      console.log(USAGE);
      return 0;
    }
    if (args.sweep) {
      const report = runSweep(args);
      console.log(args.json ? JSON.stringify(report) : formatSweepTable(report));
      return 0;
    }
    const { report, trace } = runExperiment(args);
    if (trace !== null && args.trace !== null) writeFileSync(args.trace, JSON.stringify(trace));
    console.log(args.json ? JSON.stringify(report) : formatTable(report));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`experiment: ${e.message}`);
      return 2;
    }
    console.error(`experiment: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
