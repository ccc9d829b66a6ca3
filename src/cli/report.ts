import type { Config } from '../config/config.ts';

/** One checkpoint row of one variant. */
export interface Checkpoint {
  step: number;
  trainLoss: number;
  testLoss: number;
  testAcc: number;
  p15: number;
  p50: number;
  p85: number;
}

/** Everything the command reports: the --json object, and the source of the plain table. */
export interface RunReport {
  preset: string | null;
  config: Config;
  steps: number;
  wallSeconds: number;
  variants: {
    name: string;
    placement: string;
    diverged: number | null;
    checkpoints: Checkpoint[];
    stepsTo90: number | null;
    trainSeconds: number;
  }[];
}

const fmt = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : 'nan');

/** The plain table: a row per checkpoint, then a summary per variant. */
export function formatTable(r: RunReport): string {
  const lines: string[] = [];
  const trackNote = `tracked unit: layer ${r.config.trackLayer}, unit ${r.config.trackUnit}`;
  lines.push(`${r.preset ?? 'custom config'} · ${r.config.dataset} · ${r.steps} steps · batch ${r.config.batchSize} · lr ${r.config.lr} · eval ${r.config.evalMode} · ${trackNote}`);
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
    lines.push(`  ${v.name.padEnd(10)} 90% test accuracy: ${reached.padEnd(12)} training time ${v.trainSeconds.toFixed(1)} s${diverged}`);
  }
  return lines.join('\n');
}
