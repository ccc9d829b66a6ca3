import type { DType } from '../engine/floatArray.ts';
import { SWEEP_BUDGET, SWEEP_FACTORS } from '../experiment/lrSweep.ts';
import { PRESETS } from '../experiment/presets.ts';

/** What the experiment command was asked to do. */
export interface CliArgs {
  preset: string | null;
  configFile: string | null;
  /** Paired steps of the run; with --sweep, the most steps of each learning rate. */
  steps: number;
  every: number | null;
  json: boolean;
  trace: string | null;
  /** What the models compute in: float32 (the app's, fast) or float64 (traces that replay to 1e-10). */
  dtype: DType;
  /** Sweep the learning rate instead of one run. */
  sweep: boolean;
  help: boolean;
}

/** A bad command line: the message names the flag or value; the command exits with status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const DTYPES: readonly DType[] = ['float32', 'float64'];
const HELP_INDENT = ' '.repeat(18);

/** Words joined by ", " into lines of at most `width` characters, every line after the first indented. */
function wrapList(words: readonly string[], first: string, width = 104): string {
  const lines = [first];
  words.forEach((w, i) => {
    const item = i < words.length - 1 ? `${w},` : w;
    const last = lines.length - 1;
    if (lines[last].length + 1 + item.length > width) lines.push(HELP_INDENT + item);
    else lines[last] += ` ${item}`;
  });
  return lines.join('\n');
}

/** The --help text; the preset list comes from the preset table. */
export const USAGE = `usage: npm run experiment -- [--preset NAME] [--config FILE] [--steps N] [--every N] [--json] [--trace FILE] [--dtype T] [--sweep]
${wrapList(
  PRESETS.map((p) => p.name),
  '  --preset NAME   start from a preset:',
)}
  --config FILE   a JSON config, partial: missing fields keep the preset's or the defaults (README: Config)
  --steps N       paired training steps (default 1000)
  --every N       steps between table rows (default steps/10)
  --json          print one JSON object instead of the table
  --trace FILE    write a shift-lab-trace/1 run trace to FILE
  --dtype T       what the models compute in: float32 (default, as in the app) or float64 (slower; a
                  float64 --trace replays in an independent float64 implementation to 1e-10)
  --sweep         sweep the learning rate instead: lr × ${SWEEP_FACTORS.join(', ')}, each run until every
                  variant reaches 90% test accuracy or diverges, or for --steps (default ${SWEEP_BUDGET}); prints
                  steps to 90% and the train − test accuracy gap per variant (not with --every or --trace)`;

function positiveInt(flag: string, raw: string | undefined): number {
  if (raw === undefined) throw new UsageError(`${flag} needs a value`);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: "${raw}" is not a positive integer`);
  return n;
}

function value(flag: string, raw: string | undefined): string {
  if (raw === undefined || raw.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return raw;
}

function dtype(flag: string, raw: string | undefined): DType {
  const v = value(flag, raw);
  const found = DTYPES.find((d) => d === v);
  if (found === undefined) throw new UsageError(`${flag}: "${v}" is not ${DTYPES.join(' or ')}`);
  return found;
}

/** Parses argv (without node and script); throws UsageError naming the first bad flag. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { preset: null, configFile: null, steps: 1000, every: null, json: false, trace: null, dtype: 'float32', sweep: false, help: false };
  let stepsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--preset':
        args.preset = value(flag, argv[++i]);
        break;
      case '--config':
        args.configFile = value(flag, argv[++i]);
        break;
      case '--steps':
        args.steps = positiveInt(flag, argv[++i]);
        stepsGiven = true;
        break;
      case '--every':
        args.every = positiveInt(flag, argv[++i]);
        break;
      case '--trace':
        args.trace = value(flag, argv[++i]);
        break;
      case '--dtype':
        args.dtype = dtype(flag, argv[++i]);
        break;
      case '--json':
        args.json = true;
        break;
      case '--sweep':
        args.sweep = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown flag "${flag}"`);
    }
  }
  if (args.steps > 10_000_000) throw new UsageError(`--steps: ${args.steps} is more than 10,000,000`);
  if (args.sweep) {
    if (args.every !== null) throw new UsageError('--every does not apply to --sweep');
    if (args.trace !== null) throw new UsageError('--trace does not apply to --sweep');
    if (!stepsGiven) args.steps = SWEEP_BUDGET;
  }
  return args;
}
