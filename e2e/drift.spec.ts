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

test('drift and histograms: BN before the sigmoid shows z = xW + b beside the sigmoid’s input, plain one chart that says it is both', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs&depth=2&width=16&variants=none,before,after');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  const drift = page.locator('[data-panel="drift"]');
  // Per layer: plain and BN after one chart each (z is their sigmoid's input), BN before two.
  await expect(drift.locator('[data-drift-cell]')).toHaveCount(6);
  await expect(drift.locator('[data-drift-z-cell]')).toHaveCount(2);
  await expect(drift.locator('[data-quantity="both"]').first()).toContainText('z = xW + b = sigmoid input');
  await expect(drift.locator('[data-quantity="z"]').first()).toContainText('z = xW + b (before BN)');
  await expect(drift.locator('[data-quantity="actIn"]').first()).toContainText('into the sigmoid (after BN)');
  await expect(drift.locator('[data-drift-z-cell="before-1"] path.median.unit')).toHaveAttribute('d', /M.*L/);
  // The strips have a colour key.
  await expect(drift.getByText('the strip’s most')).toBeVisible();
  const histograms = page.locator('[data-panel="histograms"]');
  await expect(histograms.locator('[data-hist-z="before-2"] path.hist-bars')).toHaveAttribute('d', /M.*V.*H/);
  await expect(histograms.locator('[data-hist-z]')).toHaveCount(2);
  // One quantity at a time: z alone leaves BN before's sigmoid input out, and the one-chart variants in.
  await drift.getByRole('group', { name: 'Show' }).getByRole('button', { name: 'z = xW + b' }).click();
  await expect(drift.locator('[data-drift-cell]')).toHaveCount(4);
  await expect(drift.locator('[data-drift-z-cell]')).toHaveCount(2);
  health.expectClean();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the drift grid keeps a layer’s variants together: plain layer 1 just above BN layer 1', async ({ page }) => {
    await openLab(page, '?dataset=blobs&depth=3&width=16');
    const drift = page.locator('[data-panel="drift"]');
    const plain = await drift.locator('[data-drift-cell="none-1"]').boundingBox();
    const bn = await drift.locator('[data-drift-z-cell="before-1"]').boundingBox();
    const plain2 = await drift.locator('[data-drift-cell="none-2"]').boundingBox();
    if (plain === null || bn === null || plain2 === null) throw new Error('drift charts not laid out');
    expect(bn.y).toBeGreaterThan(plain.y);
    expect(bn.y - plain.y).toBeLessThan(300);
    expect(plain2.y).toBeGreaterThan(bn.y);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
