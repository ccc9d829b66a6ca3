import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { METHODS, tableRow, type MethodName } from './methods.ts';

/** The rows of the README's method table: the lines of "## The postMessage API" that start with a method. */
function readmeRows(): string[] {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('\n## The postMessage API\n');
  expect(start, 'the README has a "## The postMessage API" section').toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
}

describe('the README’s postMessage API table', () => {
  it('lists exactly the handler’s methods, in order, with their arguments and what they do', () => {
    expect(readmeRows()).toEqual((Object.keys(METHODS) as MethodName[]).map(tableRow));
  });
});
