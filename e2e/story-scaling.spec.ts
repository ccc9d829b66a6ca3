import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { expectOneScreen } from './storyFit.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('feature scaling: predict, watch both descents from step 0 on one screen, and the claim gives the chart’s step counts', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=scaling');
  const step = page.getByTestId('scaling-story-step');
  await expect(step).toHaveText('waits for your prediction');
  // Every text the step readout shows is recorded, so a fast first step cannot slip past the check.
  await step.evaluate((el) => {
    const seen: string[] = [];
    (window as unknown as { stepsSeen: string[] }).stepsSeen = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await page.getByRole('button', { name: 'Standardized features' }).click();
  // The descent starts from step 0 once the prediction is locked.
  await expect.poll(() => page.evaluate(() => (window as unknown as { stepsSeen: string[] }).stepsSeen[0])).toMatch(/^step 0 of \d/);
  const count = (side: string) => page.locator(`.scaling-focal-marks[data-side=${side}] [data-count]`);
  await expect(count('raw')).toHaveAttribute('data-count', 'crawling');
  await expect(count('raw')).toHaveAttribute('data-count', 'converged', { timeout: 20_000 });
  await expect(count('standardized')).toHaveAttribute('data-count', 'converged');
  await expect(count('raw')).toContainText(/converged in [\d,]+ steps/);

  // One screen: no page scroll, the text fits its column, and the chart takes at least 40% of the screen.
  await expectOneScreen(page);

  // The prediction stays beside the result, with the measured answer marked.
  const predict = page.locator('.predict');
  await expect(predict).toHaveAttribute('data-state', 'revealed');
  await expect(predict.getByRole('button', { name: /Standardized features/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(predict.getByText('← measured')).toBeVisible();

  // The claim's step counts are the ones the chart writes on each plot.
  for (const side of ['raw', 'standardized']) {
    const claimed = (await page.getByTestId(`claim-steps-${side}`).textContent())?.replace(/,/g, '');
    expect(claimed).toBe(await count(side).getAttribute('data-steps'));
  }
  // κ on the chart is computed from the problem shown: a long valley raw, a round bowl standardized.
  const kappa = async (side: string) =>
    Number((await page.locator(`.scaling-focal-side[data-side=${side}] .contour-title`).textContent())?.match(/κ = ([\d.,]+)/)?.[1].replace(/,/g, ''));
  expect(await kappa('raw')).toBeGreaterThan(10);
  expect(await kappa('standardized')).toBeLessThan(1.5);

  // Replay runs it again from the start.
  await page.getByRole('button', { name: '↺ Replay' }).click();
  await expect(count('raw')).toHaveAttribute('data-count', 'crawling');
  health.expectClean();
});
