import type { ClaimResults } from './types.ts';

/**
 * Differences between committed results and a fresh measurement of the given claims: each changed number
 * (per seed), verdict, text or definition, named. Runs are deterministic, so any difference is a change of
 * the engine's arithmetic or of a claim's definition that was not re-measured.
 */
export function compareResults(committed: ClaimResults, fresh: ClaimResults, ids: readonly string[]): string[] {
  const problems: string[] = [];
  if (JSON.stringify(committed.seeds) !== JSON.stringify(fresh.seeds))
    problems.push(`seeds ${committed.seeds.join(',')} were committed, ${fresh.seeds.join(',')} measured`);
  for (const id of ids) {
    const a = committed.claims[id];
    const b = fresh.claims[id];
    if (b === undefined) continue;
    if (a === undefined) {
      problems.push(`${id}: measured, but not in the committed results`);
      continue;
    }
    for (const key of ['title', 'what', 'condition'] as const) if (a[key] !== b[key]) problems.push(`${id}: its ${key} changed since it was measured`);
    for (const [name, n] of Object.entries(b.numbers)) {
      const old = a.numbers[name];
      if (old === undefined) problems.push(`${id}.${name}: new number, not in the committed results`);
      else if (JSON.stringify(old.values) !== JSON.stringify(n.values))
        problems.push(`${id}.${name}: committed ${JSON.stringify(old.values)}, measured ${JSON.stringify(n.values)}`);
    }
    for (const name of Object.keys(a.numbers)) if (b.numbers[name] === undefined) problems.push(`${id}.${name}: committed, but no longer measured`);
    if (a.holds !== b.holds) problems.push(`${id}: the condition ${b.holds ? 'now holds' : 'no longer holds'}`);
    if (a.text !== b.text) problems.push(`${id}: its text changed`);
  }
  return problems;
}
