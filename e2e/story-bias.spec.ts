import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { expectOneScreen } from './storyFit.ts';

test.use({ viewport: { width: 1366, height: 768 } });

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "8.6×10⁻⁹" as a number. */
function readSci(text: string): number {
  const m = /^(\d+(?:\.\d+)?)×10(⁻?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (m === null) return NaN;
  const exponent = Number([...m[3]].map((c) => SUPERSCRIPT.indexOf(c)).join(''));
  return Number(m[1]) * 10 ** (m[2] === '⁻' ? -exponent : exponent);
}

test('bias neutralization: predict, then the bias before BN gets only float rounding from step 0, and the claim quotes the chart', async ({ page }) => {
  test.setTimeout(90_000);
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=bias&qa=fastdemo');
  await expect(page.getByTestId('demo-step')).toHaveText('waits for your prediction');
  await page.getByRole('button', { name: 'Zero, up to rounding' }).click();
  await expect(page.getByTestId('demo-step')).toContainText('step 200 of 200', { timeout: 60_000 });

  const chart = page.locator('.focal-chart[data-chart=bias]');
  // The run started at step 0: its first snapshot is step 0's.
  await expect(chart).toHaveAttribute('data-first-step', '0');
  // One line per variant, each labelled; BN before's as rounding of an exact 0.
  await expect(chart.locator('.bias-line')).toHaveCount(3);
  await expect(chart.locator('.bias-label[data-variant=before]')).toContainText('float rounding of an exact 0');
  const before = readSci((await chart.getAttribute('data-before')) ?? '');
  expect(before).toBeLessThan(1e-6);
  expect(before).toBeGreaterThanOrEqual(0);

  await expectOneScreen(page);

  // The prediction stays beside the result.
  await expect(page.locator('.predict')).toHaveAttribute('data-state', 'revealed');
  await expect(page.getByRole('button', { name: /Zero, up to rounding/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.predict-choice[data-answer]')).toContainText('Zero, up to rounding');

  // The claim quotes the value the chart labels on BN before's line, and plain's, which is a real gradient.
  await expect
    .poll(async () => {
      const label = (await chart.getAttribute('data-before')) ?? 'missing';
      return (await page.getByTestId('claim-run').textContent())?.includes(`${label} with BN before`);
    })
    .toBe(true);
  const plain = (await chart.locator('.bias-label[data-variant=none] .line-label').textContent())?.replace('Plain: ', '') ?? '';
  expect(readSci(plain)).toBeGreaterThan(1e-4);
  await expect(page.getByTestId('claim-run')).toContainText(`plain ${plain}`);
  health.expectClean();
});
