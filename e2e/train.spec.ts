import { expect, test } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('pressing Play trains both networks on MNIST: the counter advances, every curve and histogram fills', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?preset=bn-paper');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(150);
  for (const variant of ['none', 'before']) {
    for (const chart of ['loss', 'accuracy']) {
      const d = await page.locator(`[data-chart="${chart}"] path.series[data-variant="${variant}"]`).getAttribute('d');
      expect(d?.split('L').length ?? 0, `${chart} ${variant}`).toBeGreaterThan(5);
    }
    for (let layer = 1; layer <= 3; layer++) {
      await expect(page.locator(`[data-hist="${variant}-${layer}"] path.hist-bars`)).toHaveAttribute('d', /M.*V.*H/);
      await expect(page.locator(`[data-hist="${variant}-${layer}"] path.hist-ghost`)).toHaveAttribute('d', /V/);
    }
    // Drift in every hidden layer: the layer band, the unit band and a painted heat strip.
    for (let layer = 1; layer <= 3; layer++) {
      const cell = page.locator(`[data-drift-cell="${variant}-${layer}"]`);
      await expect(cell.locator('path.band.layer')).toHaveAttribute('d', /Z$/);
      await expect(cell.locator('path.band.unit')).toHaveAttribute('d', /Z$/);
    }
    await expect(page.locator(`[data-drift="${variant}"]`)).toHaveAttribute('data-drift-cell', `${variant}-3`);
  }
  const strip = page.getByRole('img', {
    name: 'Plain (no BN), layer 1, z = xW + b = sigmoid input: histogram over time from -10 to 10, brighter where more values fall',
  });
  const lit = await strip.evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
  expect(lit).toBeGreaterThan(100);
  await expect(page.locator('[data-variant="before"] .variant-status')).toHaveText('training');
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  health.expectClean();
});
