import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';

test('the lab has no serious accessibility violations while training', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  await page.getByRole('button', { name: 'Step 100' }).or(page.getByRole('button', { name: 'Step 10' })).first().click();
  await expect(page.getByTestId('step-counter')).not.toHaveText('0');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
});

for (const view of ['scaling', 'chain']) {
  test(`the ${view} view has no serious accessibility violations`, async ({ page }) => {
    await page.goto(`/?view=${view}`);
    await expect(page.locator('[data-chart] svg').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}

for (const section of ['scaling', 'transform', 'bias', 'inference', 'smoothness']) {
  test(`the story's ${section} section has no serious accessibility violations`, async ({ page }) => {
    await openLab(page, `?view=story&section=${section}&dataset=blobs&variants=none,before,noisy&probeEvery=5&inferEvery=5`);
    await page.getByRole('button', { name: 'Step 10' }).click();
    await expect(page.getByTestId('step-counter')).not.toHaveText('0');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });
}

test('the learning-rate sweep, finished, has no serious accessibility violations', async ({ page }) => {
  await openLab(page, '?view=story&section=rates&dataset=blobs&depth=1&width=8');
  await page.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(7);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
});
