import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { openLab } from './lab.ts';

test('Copy link copies an address that reopens the same setup', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs');
  await page.getByRole('combobox', { name: 'Variant 2', exact: true }).selectOption('ln-after');
  await page.getByLabel('Batch size').fill('8');
  await page.getByLabel('Batch size').press('Enter');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/variants=none%2Cln-after/);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('combobox', { name: 'Variant 2', exact: true })).toHaveValue('ln-after');
  await expect(other.getByLabel('Batch size')).toHaveValue('8');
  await expect(other.getByLabel('Data set')).toHaveValue('blobs');
  health.expectClean();
});

test('a refused clipboard shows the link to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await openLab(page, '?dataset=blobs&lr=0.2');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(/refused the clipboard\. Copy this link by hand: http.*lr=0\.2/)).toBeVisible();
});
