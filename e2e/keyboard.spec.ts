import { expect, test } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';

test('Space plays and pauses, "." steps once and R resets, but not while typing in a field', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  const counter = page.getByTestId('step-counter');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('.');
  await expect(counter).toHaveText('1');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(20);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('r');
  await expect(counter).toHaveText('0');
  // Typing a seed must not step or reset.
  await page.getByLabel('Seed').fill('7.');
  await expect(counter).toHaveText('0');
});
