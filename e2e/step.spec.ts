import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('Step advances exactly the chosen number of paired steps', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs');
  const counter = page.getByTestId('step-counter');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(counter).toHaveText('10');
  await page.getByLabel('Steps per Step press').selectOption('1');
  await page.getByRole('button', { name: 'Step 1' }).click();
  await expect(counter).toHaveText('11');
  await page.getByLabel('Steps per Step press').selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  // A hundred steps take a few seconds on a loaded machine (both cores busy with other tests): the count is exact, the time is not.
  await expect(counter).toHaveText('111', { timeout: 20_000 });
  // It stays there: stepping pauses afterwards.
  await page.waitForTimeout(300);
  await expect(counter).toHaveText('111');
  health.expectClean();
});
