import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { expectOneScreen } from './storyFit.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('the BN transform: predict, watch x → x̂ → y live from step 0, and the claim gives the γ and β the chart marks', async ({ page }) => {
  test.setTimeout(120_000);
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=transform&qa=fastdemo');
  const step = page.getByTestId('demo-step');
  await expect(step).toHaveText('waits for your prediction');
  await page.getByRole('button', { name: 'No: it moves' }).click();
  const chart = page.locator('[data-chart="transform"]');
  // The run starts from step 0, where γ = 1 and β = 0.
  await expect(chart).toHaveAttribute('data-first-step', '0', { timeout: 20_000 });
  await expect(step).toHaveText(/^step 500 of 500/, { timeout: 60_000 });

  // One screen: no page scroll, the text fits its column, and the chart takes at least 40% of the screen.
  await expectOneScreen(page);

  // The prediction stays beside the result, with the measured answer marked.
  const predict = page.locator('.predict');
  await expect(predict).toHaveAttribute('data-state', 'revealed');
  await expect(predict.getByRole('button', { name: /No: it moves/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(predict.getByText('← measured')).toBeVisible();

  // Three panels of the 24 probe digits, one digit followed through all three; both formulas typeset.
  for (const panel of ['x', 'x̂', 'y']) await expect(chart.locator(`.transform-dots[data-panel="${panel}"] circle`)).toHaveCount(24);
  await expect(chart.locator('circle.followed')).toHaveCount(3);
  await expect(chart.locator('.transform-formula .katex')).toHaveCount(2);

  // γ has moved off 1, and the claim's γ and β for this run are the ones the chart marks.
  const gamma = await chart.locator('[data-gamma]').getAttribute('data-gamma');
  const beta = await chart.locator('[data-beta]').getAttribute('data-beta');
  expect(Number(gamma)).not.toBe(1);
  await expect(page.getByTestId('claim-run')).toContainText(`γ = ${gamma}, β = ${beta}`);
  await expect(chart.locator('[data-gamma]')).toContainText(`γ = ${gamma}`);
  health.expectClean();
});
