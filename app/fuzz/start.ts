import type { TrainerClient } from '../trainer/TrainerClient.ts';
import { historyProblems, screenProblems } from './invariants.ts';
import { Monkey, type MonkeyAction } from './monkey.ts';

/** Milliseconds between the monkey's actions. */
const ACT_MS = 40;
/** Milliseconds between checks of what the page shows. */
const SCREEN_MS = 250;
/** Actions kept for the report. */
const RECENT = 20;

/** What a fuzz run has done, on `window.shiftLabFuzz` for the e2e test to read. */
export interface FuzzReport {
  seed: number | null;
  actions: number;
  /** Actions by kind and target ("click button[Play]": 12), to see what the monkey reached. */
  reached: Record<string, number>;
  checks: number;
  problems: string[];
  recent: MonkeyAction[];
  /** Set to stop the monkey (the checks go on), so a test can drive the page itself afterwards. */
  stopped: boolean;
}

declare global {
  interface Window {
    shiftLabFuzz?: FuzzReport;
  }
}

/**
 * Checks the invariants while the page runs: the history on every change, what the page shows four times a
 * second. A broken one is a console error (once per distinct message) naming the seed and the monkey's
 * last actions. With a seed, the monkey acts every 40 ms.
 */
export function startFuzz(trainer: TrainerClient, seed: number | null): FuzzReport {
  const report: FuzzReport = { seed, actions: 0, reached: {}, checks: 0, problems: [], recent: [], stopped: false };
  window.shiftLabFuzz = report;
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root element');
  const seen = new Set<string>();
  const fail = (problems: string[]) => {
    report.checks++;
    for (const p of problems) {
      if (seen.has(p)) continue;
      seen.add(p);
      report.problems.push(p);
      const last = report.recent
        .slice(-5)
        .map((a) => `${a.kind} ${a.target} ${a.detail}`)
        .join('; ');
      console.error(`Invariant broken: ${p}${seed === null ? '' : ` (fuzzSeed=${seed}; last actions: ${last})`}`);
    }
  };
  trainer.history.subscribe(() => fail(historyProblems(trainer.history)));
  window.setInterval(() => fail(screenProblems(root)), SCREEN_MS);
  if (seed !== null) {
    console.info(`Fuzzing with fuzzSeed=${seed}`);
    const monkey = new Monkey(seed, root);
    window.setInterval(() => {
      if (report.stopped) return;
      const action = monkey.act();
      if (action === null) return;
      report.actions++;
      const what = `${action.kind} ${action.target}`;
      report.reached[what] = (report.reached[what] ?? 0) + 1;
      report.recent = [...report.recent.slice(1 - RECENT), action];
    }, ACT_MS);
  }
  return report;
}
