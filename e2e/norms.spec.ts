import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { openLab, stepCount } from './lab.ts';

/** Opens a preset's link in the lab, plays, and waits until training has moved on by at least `steps`. */
async function runPreset(page: Page, preset: string, steps: number) {
  await openLab(page, `?v=1&preset=${preset}`);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(steps);
}

test('BN beside layer norm at batches of two loads, trains, and names layer norm in the legend and its card', async ({ page }) => {
  const health = watchPageHealth(page);
  await runPreset(page, 'tiny-batch-ln', 100);
  const legend = page.getByTestId('variant-legend');
  await expect(legend.locator('li')).toHaveText([/Plain/, /BN before activation/, /Layer norm before activation/]);
  await expect(page.locator('.variant-card[data-variant="ln-before"]')).toContainText('LN before');
  for (const p of ['none', 'before', 'ln-before']) {
    await expect(page.locator(`[data-chart="loss"] path.series[data-variant="${p}"]`)).toHaveAttribute('d', /L/);
  }
  await expect(page.getByLabel('Batch size', { exact: true })).toHaveValue('2');
  health.expectClean();
});

test('ℓ1 and ℓ∞ BN train beside BN and plain, with input shift and smoothness measured for each', async ({ page }) => {
  const health = watchPageHealth(page);
  await runPreset(page, 'lp-norms', 50);
  const legend = page.getByTestId('variant-legend');
  await expect(legend.locator('li')).toHaveText([/Plain/, /^\s*BN before activation/, /ℓ1 BN before activation/, /ℓ∞ BN before activation/]);
  // The smoothness probes run for every variant, the new norms included.
  for (const p of ['l1-before', 'linf-before']) {
    await expect(page.locator(`[data-chart="landscape-beta"] path.series[data-variant="${p}"]`)).toHaveAttribute('d', /L/, { timeout: 20_000 });
  }
  // Input shift is measured every 100 steps and averaged from the second window: numbers by step 200.
  await expect.poll(() => stepCount(page), { timeout: 60_000 }).toBeGreaterThan(210);
  const shift = page.getByTestId('input-shift');
  await expect(shift.locator('tbody tr')).toHaveCount(3);
  for (const p of ['none', 'before', 'l1-before', 'linf-before']) {
    await expect(shift.locator(`tbody tr td[data-variant="${p}"] .num`).first()).toHaveText(/^\d+(\.\d)?%$/);
  }
  health.expectClean();
});
