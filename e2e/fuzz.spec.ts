import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';

/**
 * Actions each monkey takes (one every 40 ms on an idle machine, fewer when the page is busy training): the test
 * waits for a count, not a time, so a slow machine takes longer instead of failing.
 */
const ACTIONS = 250;
/** Invariant checks it must also have run by then (four a second from the screen alone, plus one per history change). */
const CHECKS = 90;

/** Fixed seeds, so that a failure replays from the printed link; one trains in one worker, the other in one per variant. */
const RUNS = [
  { seed: 2, extra: '&parallel=0' },
  { seed: 3, extra: '&parallel=1' },
];

test.describe('monkey testing (?fuzz)', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const { seed, extra } of RUNS) {
    test(`fuzzSeed=${seed}${extra}: ${ACTIONS} random actions break no invariant`, async ({ page }) => {
      test.setTimeout(180_000);
      const health = watchPageHealth(page);
      const link = `/?view=lab&fuzz&fuzzSeed=${seed}${extra}`;
      console.log(`fuzz: replay with ${link}`);
      await page.goto(link);
      await expect
        .poll(
          () =>
            page.evaluate(
              ([actions, checks]) => (window.shiftLabFuzz ? Math.min(window.shiftLabFuzz.actions / actions, window.shiftLabFuzz.checks / checks) : 0),
              [ACTIONS, CHECKS],
            ),
          { timeout: 150_000, intervals: [1000] },
        )
        .toBeGreaterThanOrEqual(1);
      // The monkey stops before the report is read, so that it cannot undo what this test does next.
      const report = await page.evaluate(() => {
        if (window.shiftLabFuzz) window.shiftLabFuzz.stopped = true;
        return window.shiftLabFuzz;
      });
      const reached = Object.keys(report?.reached ?? {}).length;
      console.log(`fuzz: ${link}: ${report?.actions} actions on ${reached} distinct targets, ${report?.checks} checks, ${report?.problems.length} problems`);
      expect(report?.problems, `${link}: ${report?.problems.join('\n')}`).toEqual([]);
      // Many different controls reached, with the invariants checked all along.
      expect(reached).toBeGreaterThan(30);
      // The page still answers: Esc leaves whatever the monkey opened (the shortcut sheet, a full-screen
      // panel, presenter mode), then the lab's section link shows the lab.
      for (let i = 0; i < 3; i++) {
        // (A field or an open drop-down would take the key for itself.)
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('Escape');
      }
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: /Batch-norm lab/ })
        .click();
      await expect(page.getByTestId('step-counter')).toBeVisible();
      health.expectClean();
    });
  }

  test('the checks catch a non-finite value drawn into a chart or printed', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto('/?ea');
    await expect.poll(() => page.evaluate(() => window.shiftLabFuzz?.checks ?? 0)).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.shiftLabFuzz?.seed)).toBeNull();
    await page.evaluate(() => {
      const root = document.getElementById('root');
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      path.setAttribute('d', 'M0,0LNaN,4');
      svg.append(path);
      const p = document.createElement('p');
      p.textContent = 'loss Infinity';
      root?.append(svg, p);
    });
    await expect.poll(() => errors.join('\n')).toContain('Invariant broken: <path d="M0,0LNaN,4">');
    await expect.poll(() => errors.join('\n')).toContain('Invariant broken: printed "loss Infinity"');
  });
});
