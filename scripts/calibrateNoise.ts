// npx tsx scripts/calibrateNoise.ts [--k 1,2,3] [--noise 1.5:2,…] [--paper] [--seeds 1-5] [--steps 3000] [--shift-only] [--json]
//
// Calibrates noisy BN's noise (src/engine/noisyBn.ts, NOISE) to this app's network. Santurkar et al. (2018,
// §2.1) make the point that noisy BN's layer inputs are LESS stable than the plain network's, yet it trains
// about as well as BN. Their constants are for VGG on CIFAR-10; here the condition is measured directly: over
// a run of the noisy-bn preset (variants plain, BN before, noisy BN), the noisy variant's input shift
// (InputShiftMeter: spread |Δ ln σ| and location |Δμ|/σ per 100 steps, averaged over every window from step
// 100 on) must exceed plain's on both measures, in every hidden layer, on every seed.
//
// Per noise setting, seed and hidden layer it prints the shift of plain, BN and noisy and noisy/plain; per
// setting, the minimum of noisy/plain over layers × seeds. Unless --shift-only, it also prints test accuracy
// at steps 250/500/1000/3000 and the first step at 85% and 90% test accuracy (evaluated every 25 steps).
//
// Settings: --k scales the paper's n_μ and n_σ − 1 by k (r_μ, r_σ kept; k = 1 is the paper); --noise n_μ:n_σ
// gives them directly; --paper adds the paper's constants. With none of these it re-measures NOISE as set.
// The noise has its own generator, so the dense weights and batches of each seed are the same under every
// setting, and plain's and BN's numbers do not depend on it: they are measured once per seed, with the first
// setting, and each further setting trains only the noisy variant (Experiment's trainOnly). --shift-only
// skips the test-set evaluations (their numbers are then not printed); the shift is the same either way.
import { readMnistFile } from '../src/cli/dataFiles.ts';
import type { Config } from '../src/config/config.ts';
import { parseConfig } from '../src/config/schema.ts';
import { NOISE, PAPER_NOISE, type NoiseParams } from '../src/engine/noisyBn.ts';
import { buildSplit } from '../src/experiment/datasets.ts';
import { Experiment } from '../src/experiment/experiment.ts';
import { findPreset } from '../src/experiment/presets.ts';
import { layerStat } from '../src/experiment/snapshot.ts';

const ACC_STEPS = [250, 500, 1000, 3000];
const TARGETS = [0.85, 0.9];
const EVAL_EVERY = 25;

interface Setting {
  label: string;
  noise: NoiseParams;
}

/** n_μ and n_σ − 1 scaled by k from the paper's values; r_μ and r_σ kept. k = 1 is the paper. */
function scaledNoise(k: number): NoiseParams {
  return { ...PAPER_NOISE, meanRange: k * PAPER_NOISE.meanRange, scaleMax: 1 + k * (PAPER_NOISE.scaleMax - 1) };
}

function describeNoise(n: NoiseParams): string {
  return `n_μ ${fmt(n.meanRange)}, n_σ ${fmt(n.scaleMax)}, r_μ ${fmt(n.sampleMeanSpread)}, r_σ ${fmt(n.sampleScaleStd)}`;
}

function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? String(Number(x.toFixed(digits))) : String(x);
}

function parseList(text: string): number[] {
  const range = /^(\d+)-(\d+)$/.exec(text);
  if (range) {
    const out: number[] = [];
    for (let s = Number(range[1]); s <= Number(range[2]); s++) out.push(s);
    return out;
  }
  return text.split(',').map((t) => {
    const v = Number(t);
    if (!Number.isFinite(v)) throw new Error(`not a number: "${t}"`);
    return v;
  });
}

function parseArgs(argv: readonly string[]) {
  const settings: Setting[] = [];
  let seeds = [1, 2, 3, 4, 5];
  let steps = 3000;
  let shiftOnly = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--k':
        for (const k of parseList(value())) settings.push({ label: `k=${fmt(k)}`, noise: scaledNoise(k) });
        break;
      case '--noise':
        for (const pair of value().split(',')) {
          const [mu, sigma] = pair.split(':').map(Number);
          if (!Number.isFinite(mu) || !Number.isFinite(sigma) || sigma < 1) throw new Error(`--noise wants n_μ:n_σ with n_σ ≥ 1, not "${pair}"`);
          settings.push({ label: `n_μ=${fmt(mu)} n_σ=${fmt(sigma)}`, noise: { ...PAPER_NOISE, meanRange: mu, scaleMax: sigma } });
        }
        break;
      case '--paper':
        settings.push({ label: 'paper', noise: PAPER_NOISE });
        break;
      case '--seeds':
        seeds = parseList(value());
        break;
      case '--steps':
        steps = Number(value());
        break;
      case '--shift-only':
        shiftOnly = true;
        break;
      case '--json':
        json = true;
        break;
      default:
        throw new Error(`unknown flag "${flag}"`);
    }
  }
  if (settings.length === 0) settings.push({ label: 'NOISE', noise: NOISE });
  return { settings, seeds, steps, shiftOnly, json };
}

interface LayerShift {
  spread: number;
  location: number;
}

interface Training {
  /** Test accuracy at each of ACC_STEPS (NaN past the run). */
  acc: number[];
  /** First evaluated step at each of TARGETS, or null. */
  stepsTo: (number | null)[];
  finalAcc: number;
}

interface VariantRun {
  shift: LayerShift[];
  training: Training | null;
}

/** Runs one seed; returns per variant index the shift per layer and, if evaluated, the training numbers. */
function runSeed(
  base: Config,
  split: ReturnType<typeof buildSplit>,
  seed: number,
  steps: number,
  noise: NoiseParams,
  evaluate: boolean,
  trainOnly: number | null,
): VariantRun[] {
  const config = parseConfig({ ...base, seed, evalEvery: evaluate ? EVAL_EVERY : steps }).config;
  const exp = new Experiment(config, split, trainOnly);
  exp.variants.forEach((v) => {
    for (const h of v.model.hidden) if (h.noise !== null) h.noise.params = noise;
  });
  const training: Training[] = exp.variants.map(() => ({ acc: ACC_STEPS.map(() => NaN), stepsTo: TARGETS.map(() => null), finalAcc: NaN }));
  while (exp.step < steps && !exp.allDiverged) {
    exp.runStep();
    if (exp.step % config.evalEvery !== 0) continue;
    exp.evals.forEach((e, i) => {
      if (e.evalStep !== exp.step) return;
      const t = training[i];
      const at = ACC_STEPS.indexOf(exp.step);
      if (at >= 0) t.acc[at] = e.testAcc;
      TARGETS.forEach((target, k) => {
        if (t.stepsTo[k] === null && e.testAcc >= target) t.stepsTo[k] = exp.step;
      });
      t.finalAcc = e.testAcc;
    });
  }
  const snap = exp.snapshot(exp.createSnapshot());
  return exp.variants.map((v, i) => ({
    shift: v.model.hidden.map((_, l) => ({ spread: layerStat(snap, i, l, 'shiftSpreadAvg'), location: layerStat(snap, i, l, 'shiftLocationAvg') })),
    training: evaluate && exp.trains(i) ? training[i] : null,
  }));
}

function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function summary(xs: (number | null)[], scale = 1, digits = 1): string {
  const never = xs.filter((x) => x === null).length;
  const got = xs.filter((x): x is number => x !== null && Number.isFinite(x)).map((x) => x * scale);
  if (got.length === 0) return never > 0 ? `never (${never}/${xs.length})` : '–';
  const med = never > got.length ? Infinity : median([...got, ...Array<number>(never).fill(Infinity)]);
  const range = `${fmt(Math.min(...got), digits)}–${fmt(Math.max(...got), digits)}`;
  return `${Number.isFinite(med) ? fmt(med, digits) : 'never'} (${range}${never > 0 ? `, never on ${never}` : ''})`;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const preset = findPreset('noisy-bn');
  if (!preset) throw new Error('noisy-bn preset missing');
  const { config: base, notices } = parseConfig({ ...preset.config });
  if (notices.length > 0) throw new Error(`config: ${notices[0].message}`);
  const split = buildSplit(base, base.dataset === 'mnist' ? readMnistFile() : null);
  const names = base.variants;
  const plainAt = names.indexOf('none');
  const bnAt = names.indexOf('before');
  const noisyAt = names.indexOf('noisy');
  if (plainAt < 0 || bnAt < 0 || noisyAt < 0) throw new Error('the noisy-bn preset must have plain, BN-before and noisy variants');
  const log = (line: string) => {
    if (!args.json) console.log(line);
  };
  const t0 = performance.now();
  log(`noisy-bn preset, ${args.steps} steps, seeds ${args.seeds.join(', ')}${args.shiftOnly ? ', shift only' : `, test accuracy every ${EVAL_EVERY} steps`}`);
  // Per seed, the first setting trains all three variants; plain and BN do not depend on the noise.
  const baseline = new Map<number, VariantRun[]>();
  const results = args.settings.map((setting, si) => {
    log(`\n== ${setting.label}: ${describeNoise(setting.noise)}`);
    log('seed layer | spread plain   BN  noisy  ratio | location plain   BN  noisy  ratio');
    const perSeed = args.seeds.map((seed) => {
      const runs = runSeed(base, split, seed, args.steps, setting.noise, !args.shiftOnly, si === 0 ? null : noisyAt);
      if (!baseline.has(seed)) baseline.set(seed, runs);
      const ref = baseline.get(seed) as VariantRun[];
      const plain = ref[plainAt];
      const bn = ref[bnAt];
      const noisy = runs[noisyAt];
      const layers = noisy.shift.map((s, l) => ({
        layer: l + 1,
        plain: plain.shift[l],
        bn: bn.shift[l],
        noisy: s,
        spreadRatio: s.spread / plain.shift[l].spread,
        locationRatio: s.location / plain.shift[l].location,
      }));
      for (const r of layers) {
        log(
          `${String(seed).padStart(4)} ${String(r.layer).padStart(5)} | ${fmt(r.plain.spread).padStart(12)} ${fmt(r.bn.spread).padStart(5)} ${fmt(r.noisy.spread).padStart(6)} ${fmt(r.spreadRatio, 2).padStart(6)} |` +
            ` ${fmt(r.plain.location).padStart(14)} ${fmt(r.bn.location).padStart(5)} ${fmt(r.noisy.location).padStart(6)} ${fmt(r.locationRatio, 2).padStart(6)}`,
        );
      }
      return { seed, layers, training: { plain: plain.training, bn: bn.training, noisy: noisy.training } };
    });
    const ratios = perSeed.flatMap((s) => s.layers);
    const minSpread = Math.min(...ratios.map((r) => r.spreadRatio));
    const minLocation = Math.min(...ratios.map((r) => r.locationRatio));
    log(`min noisy/plain over layers × seeds: spread ${fmt(minSpread, 2)}, location ${fmt(minLocation, 2)}`);
    if (!args.shiftOnly) {
      log('\nseed variant  | acc@250 acc@500 acc@1000 acc@3000 | steps to 85% 90%');
      for (const s of perSeed) {
        for (const [name, t] of [
          ['plain', s.training.plain],
          ['bn', s.training.bn],
          ['noisy', s.training.noisy],
        ] as const) {
          if (t === null) continue;
          log(
            `${String(s.seed).padStart(4)} ${name.padEnd(8)} | ${t.acc.map((a) => fmt(a * 100, 1).padStart(7)).join(' ')} | ${t.stepsTo.map((x) => String(x ?? 'never').padStart(6)).join(' ')}`,
          );
        }
      }
      log('\nmedian (min–max) over seeds');
      for (const name of ['plain', 'bn', 'noisy'] as const) {
        const ts = perSeed.map((s) => s.training[name]).filter((t): t is Training => t !== null);
        if (ts.length === 0) continue;
        const accs = ACC_STEPS.map(
          (step, k) =>
            `acc@${step} ${summary(
              ts.map((t) => t.acc[k]),
              100,
            )}%`,
        );
        const tos = TARGETS.map(
          (target, k) =>
            `to ${target * 100}% ${summary(
              ts.map((t) => t.stepsTo[k]),
              1,
              0,
            )}`,
        );
        log(`${name.padEnd(6)} ${tos.join(', ')}; ${accs.join(', ')}`);
      }
    }
    return { label: setting.label, noise: setting.noise, minSpreadRatio: minSpread, minLocationRatio: minLocation, seeds: perSeed };
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  if (args.json) console.log(JSON.stringify({ steps: args.steps, seeds: args.seeds, shiftOnly: args.shiftOnly, wallSeconds, results }));
  else {
    log('\nsetting | min noisy/plain spread, location');
    for (const r of results) log(`${r.label} (${describeNoise(r.noise)}) | ${fmt(r.minSpreadRatio, 2)}, ${fmt(r.minLocationRatio, 2)}`);
    log(`\n${fmt(wallSeconds, 0)} s`);
  }
}

main();
