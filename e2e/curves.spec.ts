import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('the curves: a hover readout of step and values, a 90% marker per variant, a linear or log loss axis, and a log or linear step axis', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs&evalEvery=10');
  await page.getByLabel('Steps per Step press').selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('100', { timeout: 30_000 });
  const loss = page.locator('[data-chart="loss"]');
  const svg = loss.locator('svg');
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const readout = loss.getByRole('status');
  await expect(readout).toContainText(/step \d+/);
  await expect(readout).toContainText(/Plain: \d/);
  await expect(readout).toContainText(/BN before: \d/);
  await expect(loss.locator('line.hover-line')).toHaveCount(1);
  await page.mouse.move(0, 0);
  await expect(readout).toHaveCount(0);
  // A marker where a variant first reached 90%, and none where it has not: the chart's summary says which.
  const said = (await page.getByTestId('accuracy-summary').textContent()) ?? '';
  expect(said).toMatch(/BN before at step \d+/);
  const markers = page.locator('[data-chart="accuracy"] path.marker');
  await expect(markers.nth(1)).toHaveAttribute('d', /\S/);
  await expect(markers.nth(0)).toHaveAttribute('d', /Plain at step/.test(said) ? /\S/ : /^$/);
  // Log and linear loss axes: the log axis labels decades only (never 0), the linear one starts at 0 in even steps.
  // (Which even steps depends on the largest loss drawn, which depends on which steps the snapshots caught.)
  const toggle = page.getByLabel('log loss axis');
  await expect(toggle).toBeChecked();
  const ticks = svg.locator('.y-ticks text');
  await expect(ticks.filter({ hasText: /^0\.1$/ })).toHaveCount(1);
  await expect(ticks.filter({ hasText: /^0\.5$/ })).toHaveCount(0);
  await expect(ticks.filter({ hasText: /^0$/ })).toHaveCount(0);
  for (const t of await ticks.allTextContents()) expect(Number.isInteger(Math.log10(Number(t)))).toBe(true);
  await toggle.setChecked(false);
  await expect(ticks.filter({ hasText: /^0$/ })).toHaveCount(1);
  await expect(ticks.filter({ hasText: /^0\.1$/ })).toHaveCount(0);
  const values = (await ticks.allTextContents()).map(Number).sort((a, b) => a - b);
  expect(values.length).toBeGreaterThanOrEqual(3);
  for (let i = 2; i < values.length; i++) expect(values[i] - values[i - 1]).toBeCloseTo(values[1] - values[0], 9);
  // The step axis is logarithmic by default (about linear up to 100 steps, a decade per equal width beyond), so
  // the early steps keep their room: 10 sits ln 1.1 / ln 2 ≈ 0.14 of the way to 100, where a linear axis puts it
  // at 0.1. Unticked, it is linear again: evenly spaced ticks.
  const stepToggle = page.getByLabel('log step axis');
  await expect(stepToggle).toBeChecked();
  const title = loss.locator('.x-title');
  await expect(title).toHaveText('training step (log scale)');
  const stepTicks = loss.locator('.x-ticks text');
  const at = async (text: string) => Number(await stepTicks.filter({ hasText: new RegExp(`^${text}$`) }).getAttribute('x'));
  expect(((await at('10')) - (await at('0'))) / ((await at('100')) - (await at('0')))).toBeCloseTo(Math.log1p(0.1) / Math.log1p(1), 2);
  await stepToggle.setChecked(false);
  await expect(title).toHaveText('training step');
  const xs = (await stepTicks.evaluateAll((els) => els.map((e) => Number(e.getAttribute('x'))))).sort((a, b) => a - b);
  expect(xs.length).toBeGreaterThanOrEqual(3);
  for (let i = 2; i < xs.length; i++) expect(Math.abs(xs[i] - xs[i - 1] - (xs[1] - xs[0]))).toBeLessThan(1);
  health.expectClean();
});
