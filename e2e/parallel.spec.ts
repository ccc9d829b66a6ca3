import { expect, test } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('with one worker per variant, Step and Play work the same and the pair stays in lockstep', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?parallel=1&dataset=blobs&variants=none,before,after');
  const counter = page.getByTestId('step-counter');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(counter).toHaveText('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page), { timeout: 20_000 }).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Pause' }).click();
  for (const variant of ['none', 'before', 'after']) {
    const d = await page.locator(`[data-chart="loss"] path.series[data-variant="${variant}"]`).getAttribute('d');
    expect(d?.split('L').length ?? 0).toBeGreaterThan(3);
    await expect(page.locator(`[data-variant="${variant}"] .variant-status`)).toHaveText('training');
  }
  await expect(page).toHaveURL(/parallel=1/);
  health.expectClean();
});

test('with one worker per variant, four variants load and train', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?parallel=1&dataset=blobs&variants=none,before,after,ln-before');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  for (const variant of ['none', 'before', 'after', 'ln-before']) {
    await expect(page.locator(`[data-variant="${variant}"] .variant-status`)).toHaveText('training');
  }
  health.expectClean();
});
