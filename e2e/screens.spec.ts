import { expect, test } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';
import { watchPageHealth } from './health.ts';
import { SECTIONS } from '../app/story/sections.ts';

for (const size of [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
]) {
  test(`lays out readably at ${size.width}×${size.height} while training`, async ({ page }, info) => {
    const health = watchPageHealth(page);
    await page.setViewportSize(size);
    await openLab(page, '?preset=bn-paper');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(120);
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
    { width: 1024, height: 768 },
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

test('on a phone the settings are a drawer: closed by default, opened by a button, closed by Done or Esc', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openLab(page, '?dataset=blobs');
  const settings = page.getByLabel('Experiment settings');
  const toggle = page.getByRole('button', { name: 'Settings' });
  await expect(settings).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(settings).toBeVisible();
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  // The drawer covers the screen, and scrolls inside itself rather than sideways.
  const box = await settings.boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });
  await settings.getByLabel('Batch size').fill('16');
  await settings.getByLabel('Batch size').press('Enter');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(settings).toBeHidden();
  await expect(page).toHaveURL(/batchSize=16/);
  await toggle.click();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  // On a laptop the same settings are a column beside the panels, with no drawer button.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(settings).toBeVisible();
  await expect(toggle).toBeHidden();
});

for (const size of [
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`every story section fits ${size.width}×${size.height} without sideways scrolling, its chart before its text on a phone`, async ({ page }, info) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
    for (const section of SECTIONS.map((s) => s.id)) {
      await page.goto(`/?view=story&section=${section}`);
      await expect(page.locator('.story-focal .focal-chart')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), section).toBeLessThanOrEqual(0);
      if (size.width < 768) {
        // The demo first, the text after.
        const chart = await page.locator('.story-focal').boundingBox();
        const text = await page.locator('.story-text').boundingBox();
        expect(chart!.y, section).toBeLessThan(text!.y);
        await page.screenshot({ path: info.outputPath(`story-${section}-${size.width}x${size.height}.png`), fullPage: true });
      }
    }
  });
}
