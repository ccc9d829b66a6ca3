import type { VariantStat } from '../../src/experiment/index.ts';
import type { History } from '../history/History.ts';

/** Text that must never be drawn or printed: a value that went non-finite on its way to the screen. */
const NON_FINITE = /NaN|Infinity/;

/**
 * What is wrong with the history, as messages (none when all holds): it keeps at most its capacity, its
 * steps only grow, and the paired variants still training were last evaluated at the same step.
 */
export function historyProblems(h: History): string[] {
  const problems: string[] = [];
  if (h.count > h.capacity) problems.push(`history holds ${h.count} rows, over its capacity of ${h.capacity}`);
  for (let r = 1; r < h.count; r++) {
    if (!(h.steps[r] > h.steps[r - 1])) {
      problems.push(`history steps do not grow: row ${r - 1} is step ${h.steps[r - 1]}, row ${r} is step ${h.steps[r]}`);
      break;
    }
  }
  const latest = h.latest;
  if (latest === null) return problems;
  if (h.count > 0 && latest.step < h.steps[h.count - 1])
    problems.push(`the newest snapshot (step ${latest.step}) is older than the last kept row (step ${h.steps[h.count - 1]})`);
  const evalSteps = new Set<number>();
  for (let v = 0; v < latest.nVariants; v++) {
    const at = (k: VariantStat) => latest.variant(v, k);
    if (at('divergedAt') >= 0) {
      if (at('divergedAt') > latest.step) problems.push(`variant ${v} diverged at step ${at('divergedAt')}, after the snapshot's step ${latest.step}`);
      continue;
    }
    evalSteps.add(at('evalStep'));
  }
  if (evalSteps.size > 1) problems.push(`paired variants were evaluated at different steps: ${[...evalSteps].join(', ')}`);
  return problems;
}

/** The parts of a page that show values (not what the user typed, nor messages quoting it). */
function shownText(root: Element): string[] {
  const out: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent === null || parent.closest('.notices, .field-message, [role="alert"]') !== null) continue;
    if (node.textContent !== null && node.textContent.trim() !== '') out.push(node.textContent);
  }
  return out;
}

/** Geometry attributes of drawn marks, where a non-finite value would end up. */
const GEOMETRY = ['d', 'points', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'transform'];

/** Non-finite values drawn into SVG geometry or printed in the page under `root`, as messages. */
export function screenProblems(root: Element): string[] {
  const problems: string[] = [];
  for (const el of root.querySelectorAll('svg *')) {
    for (const attr of GEOMETRY) {
      const value = el.getAttribute(attr);
      if (value !== null && NON_FINITE.test(value)) {
        problems.push(`<${el.tagName} ${attr}="${value.slice(0, 60)}"> drawn with a non-finite value`);
        break;
      }
    }
  }
  for (const text of shownText(root)) if (NON_FINITE.test(text)) problems.push(`printed "${text.slice(0, 60)}"`);
  return problems;
}
