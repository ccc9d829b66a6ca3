import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { expectOneScreen } from './storyFit.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('inference: predict, then seven ways of normalizing measured from step 0, a batch of one at chance, and the claim quotes the chart', async ({ page }) => {
  test.setTimeout(90_000);
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=inference&qa=fastdemo');
  await expect(page.getByTestId('demo-step')).toHaveText('waits for your prediction');
  await page.getByRole('button', { name: 'One class for every digit' }).click();
  const chart = page.locator('.focal-chart[data-chart=inference]');
  // The probe's cost is stated once it has measured.
  await expect(page.getByTestId('infer-cost')).toContainText(/Measuring costs [\d,]+ ms every 25 steps/, { timeout: 30_000 });
  await expect(page.getByTestId('demo-step')).toContainText('step 300 of 300', { timeout: 60_000 });

  // The first probe is step 0's; every way of normalizing has its line and its label.
  await expect(chart).toHaveAttribute('data-first-step', '0');
  await expect(chart.locator('.infer-line')).toHaveCount(7);
  await expect(chart.locator('.infer-label')).toHaveCount(7);
  await expect(chart.locator('.chance-line')).toHaveCount(1);
  // A test batch of one predicts one class: about chance.
  await expect(page.getByTestId('one-digit-note')).toContainText('one class for every digit');
  expect(Number((await chart.getAttribute('data-batch1'))?.replace('%', ''))).toBeLessThan(20);

  await expectOneScreen(page);

  // The prediction stays beside the result.
  await expect(page.locator('.predict')).toHaveAttribute('data-state', 'revealed');
  await expect(page.getByRole('button', { name: /One class for every digit/ })).toHaveAttribute('aria-pressed', 'true');

  // The claim: the measured medians over 5 seeds, then this run's batch-of-one accuracy, the number the chart labels.
  await expect(page.locator('.claim-measured')).toContainText('Over 5 seeds');
  await expect
    .poll(async () => {
      const label = (await chart.getAttribute('data-batch1')) ?? 'missing';
      return (await page.getByTestId('claim-run').textContent())?.startsWith(`Here: ${label}`);
    })
    .toBe(true);
  await expect(chart.locator('.infer-label[data-line=batch1]')).toContainText(`batch of 1: ${await chart.getAttribute('data-batch1')}`);
  health.expectClean();
});
