import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('drift: any unit can be tracked by typing its number, out of range is clamped, and the link keeps it', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs&depth=2&width=32');
  const drift = page.locator('[data-panel="drift"]');
  await expect(drift.locator('[data-drift-cell]')).toHaveCount(4);
  const field = drift.getByLabel('Tracked unit');
  await field.fill('17');
  await field.press('Enter');
  await expect(drift.getByText('unit 17 of each layer')).toBeVisible();
  await expect(page).toHaveURL(/trackUnit=17/);
  await field.fill('500');
  await field.press('Enter');
  await expect(field).toHaveValue('31');
  await expect(drift.getByRole('alert')).toContainText('31');
  await expect(page).toHaveURL(/trackUnit=31/);
  // Tracking another layer moves the outline in the drift grid, without a reset.
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  await drift.getByRole('button', { name: 'Layer 1' }).click();
  await expect(page.locator('[data-drift="none"]')).toHaveAttribute('data-drift-cell', 'none-1');
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  health.expectClean();
});
