import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('a diverging variant is marked and frozen while the page and the other variant carry on', async ({ page }) => {
  const health = watchPageHealth(page);
  // ReLU at a learning rate of 40 with momentum blows up without BN; with BN the weight scale does not matter.
  await openLab(page, '?dataset=blobs&depth=2&width=16&batchSize=16&activation=relu&init=he&lr=40&momentum=0.9');
  await page.getByLabel('Steps per Step press').selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('100');
  await expect(page.locator('[data-variant="none"] .variant-status')).toHaveText(/^diverged at step \d+$/);
  await expect(page.locator('[data-variant="before"] .variant-status')).toHaveText('training');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('200');
  await expect(page.getByRole('heading', { name: 'Loss and accuracy' })).toBeVisible();
  health.expectClean();
});
