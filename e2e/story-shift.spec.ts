import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { expectOneScreen } from './storyFit.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('internal covariate shift: predict, watch one unit drift from step 0 without BN beside BN, and the claim gives the chart’s widening', async ({ page }) => {
  test.setTimeout(120_000);
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=shift&qa=fastdemo');
  const step = page.getByTestId('demo-step');
  await expect(step).toHaveText('waits for your prediction');
  await page.getByRole('button', { name: 'They move and widen' }).click();
  const chart = page.locator('[data-chart="drift"]');
  // The run starts from step 0: the chart's first point is step 0's.
  await expect(chart).toHaveAttribute('data-first-step', '0', { timeout: 20_000 });
  await expect(step).toHaveText(/^step 500 of 500/, { timeout: 60_000 });

  // One screen: no page scroll, the text fits its column, and the chart takes at least 40% of the screen.
  await expectOneScreen(page);

  // The prediction stays beside the result, with the measured answer marked.
  const predict = page.locator('.predict');
  await expect(predict).toHaveAttribute('data-state', 'revealed');
  await expect(predict.getByRole('button', { name: /They move and widen/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(predict.getByText('← measured')).toBeVisible();

  // The chart names its marks, and the claim's widening for this run is the one the chart writes.
  for (const label of ['median', 'medians', '15th–85th percentile', 'z = xW + b, before BN', 'by construction'])
    await expect(chart.getByText(label).first()).toBeVisible();
  await expect(chart.getByText('median', { exact: true })).toBeVisible();
  const widening = await chart.locator('[data-widening]').getAttribute('data-widening');
  expect(widening).toMatch(/^\d+\.\d×$/);
  expect(Number(widening!.slice(0, -1))).toBeGreaterThan(1);
  await expect(page.getByTestId('claim-run')).toContainText(`This run: ${widening}`);
  await expect(chart.locator('[data-widening]')).toContainText(`${widening} as wide as at step 0`);
  health.expectClean();
});
