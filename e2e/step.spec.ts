import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';

test('Step advances exactly the chosen number of paired steps', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?dataset=blobs');
  const counter = page.getByTestId('step-counter');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(counter).toHaveText('10');
  await page.getByLabel('Steps per Step press').selectOption('1');
  await page.getByRole('button', { name: 'Step 1' }).click();
  await expect(counter).toHaveText('11');
  await page.getByLabel('Steps per Step press').selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(counter).toHaveText('111');
  // It stays there: stepping pauses afterwards.
  await page.waitForTimeout(300);
  await expect(counter).toHaveText('111');
  health.expectClean();
});
