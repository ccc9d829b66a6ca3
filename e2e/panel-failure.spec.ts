import { expect, test } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';

test('a panel that throws shows its own message while the rest of the lab keeps working', async ({ page }) => {
  // qa=throw:ID is a testing flag: that panel throws while rendering.
  await openLab(page, '?dataset=blobs&qa=throw:curves');
  const failed = page.locator('[data-panel=curves]').getByRole('alert');
  await expect(failed).toHaveText(/This part of the page failed \(test failure requested for "curves"\)/);
  // The other panels render and training goes on.
  await expect(page.locator('[data-panel=histograms] svg').first()).toBeVisible();
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  await expect(page.locator('[data-panel=network]')).toBeVisible();
});

test('a failing view shows a message, and the section links still lead elsewhere', async ({ page }) => {
  await page.goto('/?view=chain&qa=throw:chain');
  await expect(page.getByRole('alert')).toHaveText(/This part of the page failed/);
  await page.getByRole('link', { name: /Feature scaling/ }).click();
  await expect(page.getByRole('heading', { name: /Why standardize inputs/ })).toBeVisible();
});
