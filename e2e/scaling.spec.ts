import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth } from './health.ts';

const plot = (page: Page, side: 'raw' | 'standardized') => page.locator(`[data-side=${side}]`);
const pathOf = (page: Page, side: 'raw' | 'standardized') => plot(page, side).getByTestId('gd-path').getAttribute('d');

/** Opens the feature-scaling lab with whole paths drawn (no animation to wait for). */
async function openScaling(page: Page): Promise<void> {
  await page.goto('/?view=scaling');
  await page.getByLabel('Animation').selectOption('all');
  await expect(plot(page, 'raw').getByTestId('gd-path')).toHaveAttribute('d', /L/);
}

test('the main page links to the scaling lab, which zig-zags raw and goes straight standardized', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Feature scaling/ }).click();
  await expect(page.getByRole('heading', { name: /Why standardize inputs/ })).toBeVisible();
  await expect(page).toHaveURL(/view=scaling/);
  // The defaults converge slowly raw and within a handful of steps standardized.
  const raw = Number((await page.getByTestId('outcome-raw').textContent())?.match(/([\d,]+) steps/)?.[1].replace(/,/g, ''));
  const std = Number((await page.getByTestId('outcome-standardized').textContent())?.match(/([\d,]+) steps/)?.[1].replace(/,/g, ''));
  expect(raw).toBeGreaterThan(20 * std);
  expect(Number(await page.getByTestId('kappa-raw').textContent())).toBeGreaterThan(10);
  // The animation advances on its own.
  await expect.poll(async () => Number(await page.getByTestId('scaling-step').textContent()), { timeout: 10_000 }).toBeGreaterThan(3);
  health.expectClean();
});

test('dragging the start point redraws both paths', async ({ page }) => {
  const health = watchPageHealth(page);
  await openScaling(page);
  const before = { raw: await pathOf(page, 'raw'), std: await pathOf(page, 'standardized') };
  const handle = plot(page, 'raw').getByRole('button', { name: /Start point/ });
  const from = await handle.boundingBox();
  if (from === null) throw new Error('no start handle');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + 120, from.y + 60, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => pathOf(page, 'raw')).not.toBe(before.raw);
  await expect.poll(() => pathOf(page, 'standardized')).not.toBe(before.std);
  // The standardized plot's start moved with it; the keyboard moves it too.
  const moved = await pathOf(page, 'standardized');
  await plot(page, 'standardized').getByRole('button', { name: /Start point/ }).press('ArrowUp');
  await expect.poll(() => pathOf(page, 'standardized')).not.toBe(moved);
  health.expectClean();
});

test('a learning rate past the stable limit reads "diverged" and draws nothing non-finite', async ({ page }) => {
  const health = watchPageHealth(page);
  await openScaling(page);
  const slider = plot(page, 'raw').getByRole('slider', { name: /Learning rate η \(raw\)/ });
  await slider.press('End');
  await expect(page.getByTestId('outcome-raw')).toHaveText(/^Diverged at step \d/);
  await expect(page.getByTestId('outcome-standardized')).toHaveText(/^Converged in \d+ steps/);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/NaN|Infinity/);
  for (const d of await page.locator('svg path').evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))) expect(d).not.toMatch(/NaN|Infinity/);
  // One click brings it back under the limit.
  await plot(page, 'raw').getByRole('button', { name: 'Largest stable η' }).click();
  await expect(page.getByTestId('outcome-raw')).toHaveText(/^Converged in [\d,]+ steps/);
  health.expectClean();
});
