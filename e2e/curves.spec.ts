import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('the curves: a hover readout of step and values, a 90% marker per variant, and a linear or log loss axis', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs&evalEvery=10');
  await page.getByLabel('Steps per Step press').selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('100');
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
  // Log and linear loss axes: the log axis labels decades only, the linear one halves.
  const toggle = page.getByLabel('log loss axis');
  await expect(toggle).toBeChecked();
  const ticks = svg.locator('.axis text');
  await expect(ticks.filter({ hasText: /^0\.1$/ })).toHaveCount(1);
  await expect(ticks.filter({ hasText: /^0\.5$/ })).toHaveCount(0);
  await toggle.setChecked(false);
  await expect(ticks.filter({ hasText: /^0\.5$/ })).toHaveCount(1);
  await expect(ticks.filter({ hasText: /^0\.1$/ })).toHaveCount(0);
  health.expectClean();
});
