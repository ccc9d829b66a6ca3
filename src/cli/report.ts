import type { Config } from '../config/config.ts';
import { assertNever, type DType } from '../engine/floatArray.ts';
import type { NormKind } from '../engine/spec.ts';
import { GAP_ROWS, SWEEP_EVAL_EVERY, type SweepRow, type TargetOutcome } from '../experiment/lrSweep.ts';

/** One checkpoint row of one variant. */
export interface Checkpoint {
  step: number;
  trainLoss: number;
  testLoss: number;
  testAcc: number;
  p15: number;
  p50: number;
  p85: number;
  /** The tracked layer's input shift per 100 steps, averaged since step 100 (inputShift.ts): spread change and mean move in σ. */
  shiftSpread: number;
  shiftLocation: number;
}

/** Everything the command reports: the --json object, and the source of the plain table. */
export interface RunReport {
  preset: string | null;
  config: Config;
  /** What the models computed in. */
  dtype: DType;
  steps: number;
  wallSeconds: number;
  variants: {
    name: string;
    placement: string;
    /** The normalization in every hidden layer, or null for none. */
    norm: NormKind | null;
    diverged: number | null;
    checkpoints: Checkpoint[];
    stepsTo90: number | null;
    trainSeconds: number;
  }[];
}

/** The header names the float type only when it is not the app's float32. */
const dtypeNote = (dtype: DType) => (dtype === 'float32' ? '' : ` · ${dtype}`);
const fmt = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : 'nan');

/** The plain table: a row per checkpoint, then a summary per variant. */
export function formatTable(r: RunReport): string {
  const lines: string[] = [];
  const trackNote = `tracked unit: layer ${r.config.trackLayer}, unit ${r.config.trackUnit}`;
  lines.push(
    `${r.preset ?? 'custom config'} · ${r.config.dataset} · ${r.steps} steps · batch ${r.config.batchSize} · lr ${r.config.lr} · eval ${r.config.evalMode} · ${trackNote}${dtypeNote(r.dtype)}`,
  );
  const cols = ['acc', 'test', 'train', 'p15', 'p50', 'p85'];
  const width = 8;
  const groupWidth = cols.length * width;
  lines.push(['step'.padStart(7), ...r.variants.map((v) => ` | ${v.name.padEnd(groupWidth)}`)].join(''));
  lines.push(['       ', ...r.variants.map(() => ` | ${cols.map((c) => c.padStart(width)).join('')}`)].join(''));
  const rows = r.variants[0]?.checkpoints.length ?? 0;
  for (let i = 0; i < rows; i++) {
    const cells = r.variants.map((v) => {
      const c = v.checkpoints[i];
      const values = [fmt(c.testAcc, 4), fmt(c.testLoss, 4), fmt(c.trainLoss, 4), fmt(c.p15, 2), fmt(c.p50, 2), fmt(c.p85, 2)];
      return ` | ${values.map((s) => s.padStart(width)).join('')}`;
    });
    lines.push(String(r.variants[0].checkpoints[i].step).padStart(7) + cells.join(''));
  }
  lines.push('');
  lines.push(`summary (wall ${r.wallSeconds.toFixed(1)} s)`);
  for (const v of r.variants) {
    const reached = v.stepsTo90 === null ? 'not reached' : `${v.stepsTo90} steps`;
    const diverged = v.diverged === null ? '' : `, diverged at step ${v.diverged}`;
    lines.push(`  ${v.name.padEnd(12)} 90% test accuracy: ${reached.padEnd(12)} training time ${v.trainSeconds.toFixed(1)} s${diverged}`);
  }
  return lines.join('\n');
}

/** What --sweep reports: the --json object, and the source of its table. */
export interface SweepReport {
  preset: string | null;
  config: Config;
  /** What the models computed in. */
  dtype: DType;
  /** Most steps of each learning rate. */
  budget: number;
  /** Test accuracy whose first crossing the rows report. */
  target: number;
  wallSeconds: number;
  rows: SweepRow[];
}

function outcomeText(o: TargetOutcome): string {
  switch (o.kind) {
    case 'reached':
      return String(o.step);
    case 'diverged':
      return `diverged@${o.step}`;
    case 'never':
      return 'never';
    default:
      return assertNever(o, 'outcome');
  }
}

const signed = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(4)}` : 'nan');

/** The sweep's table: a line per learning rate with, per variant, steps to the target, test accuracy and train − test gap. */
export function formatSweepTable(r: SweepReport): string {
  const lines: string[] = [];
  const factors = r.rows.map((row) => row.factor);
  const target = `${Math.round(r.target * 100)}%`;
  lines.push(
    `${r.preset ?? 'custom config'} · ${r.config.dataset} · lr ${r.config.lr} × ${factors.join(', ')} · up to ${r.budget} steps each · batch ${r.config.batchSize} · eval ${r.config.evalMode}${dtypeNote(r.dtype)}`,
  );
  const widths = [14, 8, 9];
  const groupWidth = widths.reduce((a, b) => a + b, 0);
  const names = r.rows[0]?.variants.map((v) => v.name) ?? [];
  lines.push(['lr'.padStart(10), 'steps'.padStart(7), ...names.map((n) => ` | ${n.padEnd(groupWidth)}`)].join('').trimEnd());
  const heads = [`to ${target}`, 'test', 'gap'];
  lines.push([''.padStart(17), ...names.map(() => ` | ${heads.map((h, i) => h.padStart(widths[i])).join('')}`)].join(''));
  for (const row of r.rows) {
    const cells = row.variants.map((v) => {
      const values = [outcomeText(v.outcome), fmt(v.testAcc, 4), signed(v.trainAcc - v.testAcc)];
      return ` | ${values.map((s, i) => s.padStart(widths[i])).join('')}`;
    });
    lines.push(String(Number(row.lr.toPrecision(6))).padStart(10) + String(row.steps).padStart(7) + cells.join(''));
  }
  lines.push('');
  lines.push(`to ${target}: first evaluated step (every ${SWEEP_EVAL_EVERY}) with test accuracy ≥ ${target}`);
  lines.push(`gap: accuracy on the first ${GAP_ROWS} training rows − test accuracy, both variants at the run's last step`);
  lines.push(`wall ${r.wallSeconds.toFixed(1)} s`);
  return lines.join('\n');
}
