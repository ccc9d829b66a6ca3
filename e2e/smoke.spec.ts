import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';

test('opens with the paired networks ready and no console errors or failed requests', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Shift Lab' })).toBeVisible();
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
