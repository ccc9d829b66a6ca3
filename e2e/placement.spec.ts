import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('switching BN to after the activation resets the pair together and redraws the network', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');

  await page.getByRole('checkbox', { name: 'BN after activation' }).check();
  await page.getByRole('checkbox', { name: 'BN before activation' }).uncheck();
  await expect(page.getByText(/Changed variants: every variant restarted together/).last()).toBeVisible();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  const after = page.locator('[data-network="after"]');
  await expect(after).toBeVisible();
  await expect(page.locator('[data-network="before"]')).toHaveCount(0);
  // Dense → activation → BN, in every hidden layer.
  await expect(after.locator('.layer-button').first().locator('.block')).toHaveText(['dense 100', 'σ', 'BN']);
  await expect(page).toHaveURL(/variants=none%2Cafter/);
  // Only one BN variant is left: unchecking plain would leave a single network, which is refused.
  await page.getByRole('checkbox', { name: 'Plain (no BN)' }).click();
  await expect(page.getByText('Keep at least two variants: the point is the comparison.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Plain (no BN)' })).toBeChecked();
  health.expectClean();
});

test('a typed value out of range is clamped, with a visible message', async ({ page }) => {
  await page.goto('/?dataset=blobs');
  const batch = page.getByLabel('Batch size');
  await batch.fill('5000');
  await batch.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Batch size: 5000 is above 512; using 512.' })).toBeVisible();
  await expect(batch).toHaveValue('512');
  await expect(page).toHaveURL(/batchSize=512/);
});
