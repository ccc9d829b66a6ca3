import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';

test.describe('opening the app', () => {
  test('loads the built page with no console errors or failed requests', async ({ page }) => {
    const health = watchPageHealth(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Shift Lab' })).toBeVisible();
    // The engine ran in the page: BN(2, 4, 9, 1) has mean 0 and variance 1.
    const outputs = (await page.getByTestId('bn-output').allTextContents()).map(Number);
    expect(outputs).toHaveLength(4);
    expect(Math.abs(outputs.reduce((a, v) => a + v, 0))).toBeLessThan(0.02);
    expect(outputs[2]).toBeGreaterThan(1.5);
    health.expectClean();
  });

  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    test(`renders readably at ${size.width}×${size.height}`, async ({ page }, info) => {
      const health = watchPageHealth(page);
      await page.setViewportSize(size);
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Batch norm on one unit' })).toBeVisible();
      // Nothing may overflow sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: info.outputPath(`home-${size.width}x${size.height}.png`), fullPage: true });
      health.expectClean();
    });
  }
});
