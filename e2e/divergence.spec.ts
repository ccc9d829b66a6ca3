import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('a diverging variant is marked and frozen while the page and the other variant carry on', async ({ page }) => {
  const health = watchPageHealth(page);
  // ReLU at a learning rate of 40 with momentum blows up without BN; with BN the weight scale does not matter.
  await openLab(page, '?dataset=blobs&depth=2&width=16&batchSize=16&activation=relu&init=he&lr=40&momentum=0.9');
  await page.getByLabel('Steps per Step press').selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('100');
  await expect(page.locator('[data-variant="none"] .variant-status')).toHaveText(/^diverged at step \d+$/);
  await expect(page.locator('[data-variant="before"] .variant-status')).toHaveText('training');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('200');
  await expect(page.getByRole('heading', { name: 'Loss and accuracy' })).toBeVisible();
  health.expectClean();
});

for (const size of [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
]) {
  test(`at ${size.width}×${size.height} a diverged variant says so, shows no loss number, and its loss stays inside a sane axis`, async ({ page }) => {
    await page.setViewportSize(size);
    await openLab(page, '?dataset=blobs&depth=2&width=16&batchSize=16&activation=relu&init=he&lr=40&momentum=0.9');
    await page.getByLabel('Steps per Step press').selectOption('100');
    await page.getByRole('button', { name: 'Step 100' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('100');
    const card = page.locator('.variant-card[data-variant="none"]');
    await expect(card.locator('.variant-status')).toHaveText(/^diverged at step \d+$/);
    // No loss number (it read 26277070192157519872 or 4.81e+38): the status says what happened.
    await expect(card.locator('.variant-minor')).not.toContainText('loss');
    // The page keeps the screen's width, and the status is on it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    const status = await card.locator('.variant-status').boundingBox();
    expect(status!.x + status!.width).toBeLessThanOrEqual(size.width);
    // On a linear axis the loss's ticks stay small numbers ('1e+22k' before), and the lines are cut at the plot.
    const chart = page.locator('[data-chart="loss"]');
    await page.getByLabel('log loss axis').uncheck();
    await expect(chart.locator('.y-ticks text').last()).toHaveText(/^\d+(\.\d+)?$/);
    const top = Number(await chart.locator('.y-ticks text').last().textContent());
    expect(top).toBeGreaterThan(0);
    expect(top).toBeLessThanOrEqual(100);
    for (const line of await chart.locator('path.series').all()) {
      expect(await line.evaluate((el) => el.closest('[clip-path]') !== null)).toBe(true);
    }
  });
}
