import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { expectOneScreen } from './storyFit.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('a smoother landscape: predict, then probes along the gradient from step 0 with their cost, and the claim quotes the chart', async ({ page }) => {
  test.setTimeout(90_000);
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=smoothness&qa=fastdemo');
  await expect(page.getByTestId('demo-step')).toHaveText('waits for your prediction');
  await page.getByRole('button', { name: 'BN’s' }).click();
  const chart = page.locator('.focal-chart[data-chart=smoothness]');
  // What the probe does and costs is written on the chart.
  await expect(page.getByTestId('probe-cost')).toContainText('from 0.5× to 4× the learning rate');
  await expect(page.getByTestId('probe-cost')).toContainText(/Measuring costs about \d+ ms per network/, { timeout: 30_000 });
  await expect(page.getByTestId('demo-step')).toContainText('step 500 of 500', { timeout: 60_000 });

  await expect(chart).toHaveAttribute('data-first-step', '0');
  // A loss bar and a β-smoothness line per network, each labelled.
  await expect(chart.locator('.land-bars')).toHaveCount(2);
  await expect(chart.locator('.land-line')).toHaveCount(2);
  await expect(chart.locator('.land-label')).toHaveCount(2);
  await expect(chart.getByTestId('rougher')).toContainText(/plain the rougher\s*at \d+ of \d+ probes/);

  await expectOneScreen(page);

  // The prediction stays beside the result.
  await expect(page.locator('.predict')).toHaveAttribute('data-state', 'revealed');
  await expect(page.getByRole('button', { name: /BN’s/ })).toHaveAttribute('aria-pressed', 'true');

  // The claim says the difference is modest, then this run's numbers: those the chart labels.
  await expect(page.locator('.claim-measured')).toContainText(/Modest|not by much|not rougher/);
  await expect
    .poll(async () => {
      const [plain, bn, rougher] = await Promise.all(['data-plain-range', 'data-bn-range', 'data-rougher'].map((a) => chart.getAttribute(a)));
      const text = (await page.getByTestId('claim-run').textContent()) ?? '';
      return text.includes(`at ${rougher} probes`) && text.includes(`loss range ${plain} vs ${bn}`);
    })
    .toBe(true);
  await expect(chart.locator('.land-label[data-variant=none]')).toContainText(`Plain: ${await chart.getAttribute('data-plain-range')}`);
  health.expectClean();
});
