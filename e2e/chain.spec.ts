import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth } from './health.ts';

const read = async (page: Page, id: string) => (await page.getByTestId(id).textContent()) ?? '';

test("the chain demo's numbers follow the sliders, and normalizing makes the step first order", async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?view=chain');
  await expect(page.getByRole('heading', { name: /stacked layers/i })).toBeVisible();
  // Weights of 1.5: the actual change is far from the first-order prediction.
  await expect(page.getByTestId('chain-verdict')).toHaveText(/off by \d+%/);
  const start = { actual: await read(page, 'chain-actual'), yhat: await read(page, 'chain-yhat'), g1: await read(page, 'gradient-1') };

  await page.getByRole('button', { name: 'all 0.5' }).click();
  await expect(page.getByTestId('chain-verdict')).toHaveText(/First order is right to within/);
  expect(await read(page, 'chain-actual')).not.toBe(start.actual);

  await page.getByRole('slider', { name: /Layers/ }).press('ArrowRight');
  await expect(page.getByTestId('gradient-7')).toBeVisible();
  const g2 = await read(page, 'gradient-2');
  await page.getByRole('slider', { name: 'w1' }).press('End');
  await expect(page.getByTestId('gradient-2')).not.toHaveText(g2);
  expect(await read(page, 'gradient-1')).not.toBe(start.g1);

  const before = await read(page, 'chain-predicted');
  await page.getByRole('slider', { name: /Learning rate ε/ }).press('End');
  await expect(page.getByTestId('chain-predicted')).not.toHaveText(before);

  await page.getByRole('button', { name: 'all 1.5' }).click();
  await page.getByLabel(/Normalize the last hidden value/).check();
  await expect(page.getByTestId('chain-verdict')).toHaveText(/First order is right to within 0.0%/);
  // The lower layers no longer matter: their gradients are 0.
  await expect(page.getByTestId('gradient-1')).toHaveText('g1 = 0');
  expect(await read(page, 'chain-yhat')).not.toMatch(/NaN|Infinity/);
  health.expectClean();
});
