import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';

test.use({ reducedMotion: 'reduce' });

test('under reduced motion the training still draws, at no more than four frames a second', async ({ page }) => {
  await openLab(page, '?dataset=blobs&speed=max');
  // Count how often the loss line is redrawn while training at full speed for two seconds.
  await page.evaluate(() => {
    const line = document.querySelector('[data-chart="loss"] path.series');
    const w = window as unknown as { redraws: number };
    w.redraws = 0;
    if (line) new MutationObserver(() => (w.redraws += 1)).observe(line, { attributes: true, attributeFilter: ['d'] });
  });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(2_000);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const redraws = await page.evaluate(() => (window as unknown as { redraws: number }).redraws);
  // Unthrottled the worker's 20 snapshots a second would redraw about 40 times; throttled at most 4 a second.
  expect(redraws).toBeGreaterThan(0);
  expect(redraws).toBeLessThanOrEqual(10);
});

test('under reduced motion the descent paths are drawn whole, and can still be animated on request', async ({ page }) => {
  await page.goto('/?view=scaling');
  const speed = page.getByLabel('Animation');
  await expect(speed).toHaveValue('all');
  await expect(page.locator('[data-side=raw]').getByTestId('gd-path')).toHaveAttribute('d', /L/);
  await speed.selectOption('8');
  await expect(speed).toHaveValue('8');
});
