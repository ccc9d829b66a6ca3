import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';

test('the front page opens on the story’s first picture, training, with no console errors or failed requests', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Shift Lab' })).toBeVisible();
  await expect(page.locator('#story-title')).toContainText('Same start, same batches');
  // The paired race draws within seconds: both networks' lines, from step 0.
  await expect(page.locator('[data-chart="race"] .race-line')).toHaveCount(2, { timeout: 15_000 });
  await expect(page.getByTestId('demo-step')).toContainText(/step [1-9]/, { timeout: 15_000 });
  // The lab is one click away.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Batch-norm lab/ })
    .click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 15_000 });
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  await expect(page.locator('[data-network="none"]')).toBeVisible();
  await expect(page.locator('[data-network="before"]')).toBeVisible();
  health.expectClean();
});

test('shows a clear message for a bad link and still runs with the defaults', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?lr=banana&batchSize=9000&preset=nope&dataset=blobs');
  await expect(page.getByText(/Link: lr: "banana" is not valid/)).toBeVisible();
  await expect(page.getByText(/Link: batchSize: 9000 is not valid/)).toBeVisible();
  await expect(page.getByText('Unknown preset "nope" in the link; using the defaults.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 15_000 });
  await page.getByRole('button', { name: /^Step/ }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  health.expectClean();
});
