import { expect, test } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';
import { watchPageHealth } from './health.ts';

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`lays out readably at ${size.width}×${size.height} while training`, async ({ page }, info) => {
    const health = watchPageHealth(page);
    await page.setViewportSize(size);
    await openLab(page, '?preset=bn-paper');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => stepCount(page), { timeout: 30_000 })
      .toBeGreaterThan(120);
    await page.getByRole('button', { name: 'Pause' }).click();
    // Nothing overflows sideways, and every chart got a real width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    for (const box of await page.locator('[data-chart] svg').all()) expect((await box.boundingBox())?.width ?? 0).toBeGreaterThan(250);
    await page.screenshot({ path: info.outputPath(`lab-${size.width}x${size.height}.png`), fullPage: size.width < 768 });
    health.expectClean();
  });
}

for (const view of ['scaling', 'chain']) {
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ]) {
    test(`the ${view} view lays out readably at ${size.width}×${size.height}`, async ({ page }, info) => {
      const health = watchPageHealth(page);
      await page.setViewportSize(size);
      await page.goto(`/?view=${view}`);
      await expect(page.locator('[data-chart] svg').first()).toBeVisible();
      await page.waitForTimeout(1500);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      for (const box of await page.locator('[data-chart] svg').all()) expect((await box.boundingBox())?.width ?? 0).toBeGreaterThan(250);
      await page.screenshot({ path: info.outputPath(`${view}-${size.width}x${size.height}.png`), fullPage: true });
      health.expectClean();
    });
  }
}
