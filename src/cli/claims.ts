// Measures every claim of the story over seeds: npm run claims [-- --only ID,ID] [--fast] [--check] [--list]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config/config.ts';
import { compareResults } from '../claims/compare.ts';
import { CLAIM_SEEDS, ClaimRunner, planRuns, type PlannedRun } from '../claims/measure.ts';
import { numberLines, withClaimsBlock } from '../claims/readme.ts';
import { CLAIMS, findClaim } from '../claims/registry.ts';
import type { Claim, ClaimResult, ClaimResults } from '../claims/types.ts';
import type { Split } from '../data/dataset.ts';
import { buildSplit } from '../experiment/datasets.ts';
import { readMnistFile } from './dataFiles.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS_PATH = join(root, 'src', 'claims', 'results.json');
const README_PATH = join(root, 'README.md');

const USAGE = `usage: npm run claims -- [--only ID,ID] [--fast] [--check] [--list]
  (no flags)   measure every claim over seeds ${CLAIM_SEEDS.join(', ')}, write src/claims/results.json and the README's claims table
  --only IDS   measure these claims only (comma-separated), and update just their results
  --fast       measure the quick subset that CI checks
  --check      measure and compare with the committed results; exit 1 naming each claim and number that differ
  --list       list the claims and stop`;

interface Args {
  only: string[] | null;
  fast: boolean;
  check: boolean;
  list: boolean;
}

function parse(argv: readonly string[]): Args {
  const args: Args = { only: null, fast: false, check: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error('--only needs claim ids');
      args.only = v.split(',').filter(Boolean);
      for (const id of args.only) if (findClaim(id) === undefined) throw new Error(`unknown claim "${id}" (npm run claims -- --list)`);
    } else if (a === '--fast') args.fast = true;
    else if (a === '--check') args.check = true;
    else if (a === '--list') args.list = true;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown flag "${a}"`);
  }
  return args;
}

const clock = (seconds: number) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** A host that reads MNIST once and prints each run with the time left, estimated from the steps done so far. */
function host(plan: readonly PlannedRun[]) {
  let mnist: ReturnType<typeof readMnistFile> | null = null;
  const splits = new Map<string, Split>();
  const cost = (r: PlannedRun) => r.spec.steps;
  const total = plan.reduce((s, r) => s + cost(r), 0);
  let done = 0;
  let last: PlannedRun | null = null;
  const t0 = performance.now();
  return {
    split(config: Config): Split {
      const key = `${config.dataset}/${config.standardize}`;
      let s = splits.get(key);
      if (s === undefined) {
        if (config.dataset === 'mnist') mnist ??= readMnistFile();
        s = buildSplit(config, config.dataset === 'mnist' ? mnist : null);
        splits.set(key, s);
      }
      return s;
    },
    onRun(run: PlannedRun, index: number, count: number) {
      if (last !== null) done += cost(last);
      last = run;
      const elapsed = (performance.now() - t0) / 1000;
      const left = done > 0 ? (elapsed / done) * (total - done) : NaN;
      const eta = Number.isFinite(left) ? `, about ${clock(left)} left` : '';
      process.stderr.write(
        `[${index + 1}/${count}] ${run.spec.preset ?? 'defaults'} · ${run.spec.placement} · seed ${run.seed} · ${run.spec.steps} steps (${clock(elapsed)} so far${eta})\n`,
      );
    },
  };
}

function main(argv: readonly string[]): number {
  let args: Args;
  try {
    args = parse(argv);
  } catch (e) {
    console.error(`claims: ${(e as Error).message}`);
    return 2;
  }
  const chosen: Claim[] = CLAIMS.filter((c) => (args.only === null || args.only.includes(c.id)) && (!args.fast || c.fast === true));
  if (args.list) {
    for (const c of CLAIMS) console.log(`${c.id.padEnd(22)} ${c.fast === true ? 'fast ' : '     '}${c.title}`);
    return 0;
  }
  const committed = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as ClaimResults;
  const runner = new ClaimRunner(host(planRuns(chosen, CLAIM_SEEDS)), CLAIM_SEEDS);
  const t0 = performance.now();
  runner.runAll(chosen);
  const measured: Record<string, ClaimResult> = {};
  for (const c of chosen) measured[c.id] = runner.measure(c);
  const fresh: ClaimResults = { format: 'shift-lab-claims/1', seeds: CLAIM_SEEDS, claims: measured };
  for (const c of chosen) {
    const r = measured[c.id];
    console.log(`${r.holds ? 'holds ' : 'FAILS '} ${c.id}: ${r.title}`);
    for (const line of numberLines(fresh, c.id)) console.log(line);
  }
  console.log(`measured ${chosen.length} claims over seeds ${CLAIM_SEEDS.join(', ')} in ${clock((performance.now() - t0) / 1000)}`);
  if (args.check) {
    const problems = compareResults(
      committed,
      fresh,
      chosen.map((c) => c.id),
    );
    const readme = readFileSync(README_PATH, 'utf8');
    if (withClaimsBlock(readme, committed) !== readme) problems.push('README.md: the claims table differs from src/claims/results.json (run npm run claims)');
    for (const p of problems) console.error(`claims: ${p}`);
    if (problems.length > 0) return 1;
    console.log('the committed results match a fresh measurement');
    return 0;
  }
  // Keep every claim in the registry's order; claims not measured now keep their committed results.
  const merged: Record<string, ClaimResult> = {};
  for (const c of CLAIMS) {
    const r = measured[c.id] ?? committed.claims[c.id];
    if (r !== undefined) merged[c.id] = r;
  }
  const results: ClaimResults = { format: 'shift-lab-claims/1', seeds: CLAIM_SEEDS, claims: merged };
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(README_PATH, withClaimsBlock(readFileSync(README_PATH, 'utf8'), results));
  console.log(`wrote ${RESULTS_PATH} and the README's claims table`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
