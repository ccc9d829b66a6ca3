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
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Feature scaling/ })
    .click();
  await expect(page.getByRole('heading', { name: /Why standardize inputs/ })).toBeVisible();
  await expect(page).toHaveURL(/view=scaling/);
  // The defaults converge slowly raw and within a handful of steps standardized.
  const raw = Number((await page.getByTestId('outcome-raw').textContent())?.match(/([\d,]+) steps/)?.[1].replace(/,/g, ''));
  const std = Number((await page.getByTestId('outcome-standardized').textContent())?.match(/([\d,]+) steps/)?.[1].replace(/,/g, ''));
  expect(raw).toBeGreaterThan(20 * std);
  const kappa = async (side: string) => Number((await page.getByTestId(`kappa-${side}`).textContent())?.replace(/,/g, ''));
  expect(await kappa('raw')).toBeGreaterThan(10);
  expect(await kappa('standardized')).toBeLessThan(1.5);
  // Area in m²: a far worse raw problem, and an unchanged standardized one.
  await page.getByLabel('Floor area in').selectOption('1');
  expect(await kappa('raw')).toBeGreaterThan(1000);
  expect(await kappa('standardized')).toBeLessThan(1.5);
  await page.getByRole('button', { name: 'Defaults' }).click();
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
  // The standardized start is the raw one mapped through w̃ = w·σ (σ of rooms is in the axis label).
  const coords = async (side: 'raw' | 'standardized') =>
    (
      (
        await plot(page, side)
          .getByRole('button', { name: /Start point/ })
          .getAttribute('aria-label')
      )?.match(/\((-?[\d.k]+), (-?[\d.k]+)\)/) ?? []
    )
      .slice(1)
      .map((t) => (t.endsWith('k') ? 1000 * Number(t.slice(0, -1)) : Number(t)));
  const sdRooms = Number((await plot(page, 'standardized').locator('.axis-label').first().textContent())?.match(/\(([\d.]+)\)/)?.[1]);
  const [w1] = await coords('raw');
  const [v1] = await coords('standardized');
  expect(v1 / w1).toBeCloseTo(sdRooms, 0);
  // The keyboard moves it too.
  const moved = await pathOf(page, 'standardized');
  await plot(page, 'standardized')
    .getByRole('button', { name: /Start point/ })
    .press('ArrowUp');
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

test('typed learning rates that make no sense are refused with a message, and nothing turns NaN', async ({ page }) => {
  const health = watchPageHealth(page);
  await openScaling(page);
  const field = page.getByLabel('Typed η (raw)');
  for (const bad of ['', 'abc', '-1', '0', '1e308', 'NaN']) {
    await field.fill(bad);
    await field.press('Enter');
    await expect(plot(page, 'raw').getByRole('alert')).toBeVisible();
    // The message may quote what was typed; every number the page computes must stay finite.
    for (const t of await page.locator('main dd, main output, main [role=status], .tick').allTextContents()) expect(t).not.toMatch(/NaN|Infinity/);
    await expect(page.getByTestId('outcome-raw')).toHaveText(/^(Converged in|Diverged at step|Not converged after) [\d,]+/);
  }
  health.expectClean();
});

test('Back and Forward move between the sections', async ({ page }) => {
  await page.goto('/?view=chain');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Feature scaling/ })
    .click();
  await expect(page.getByRole('heading', { name: /Why standardize inputs/ })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { name: /stacked layers/i })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: /Why standardize inputs/ })).toBeVisible();
});

test("the feature-scaling lab's settings live in the link: set them, reload, and they are still there", async ({ page }) => {
  await page.goto('/?v=1&view=scaling&area=1&descentMomentum=0.8&anim=all');
  await expect(page.getByLabel('Floor area in')).toHaveValue('1');
  await expect(page.getByLabel('Momentum')).toBeChecked();
  await expect(page.getByLabel('β')).toHaveValue('0.8');
  await expect(page.getByLabel('Animation')).toHaveValue('all');
  await page.getByLabel('Typed η (standardized)').fill('0.3');
  await page.getByLabel('Typed η (standardized)').press('Enter');
  await expect(page).toHaveURL(/view=scaling&area=1&stdLr=0\.3&descentMomentum=0\.8&anim=all/);
  await page.reload();
  await expect(page.getByLabel('Typed η (standardized)')).toHaveValue('0.3');
  await expect(page.getByLabel('Floor area in')).toHaveValue('1');
  // A bad value falls back to its default, with a notice.
  await page.goto('/?view=scaling&area=3');
  await expect(page.getByText(/area="3" is not one of 1, 10, 100/)).toBeVisible();
  await expect(page.getByLabel('Floor area in')).toHaveValue('10');
});
