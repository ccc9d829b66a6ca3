import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { expectOneScreen } from './storyFit.ts';

test.use({ viewport: { width: 1366, height: 768 } });

test('weighing the evidence: predict, then six measured networks against the covariate-shift trend, and a summary whose numbers are the chart’s', async ({
  page,
}) => {
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=evidence');
  const points = page.locator('.evidence-point');
  // Nothing measured shows before the prediction.
  await expect(page.locator('.focal-chart[data-chart=evidence]')).toBeVisible();
  await expect(points).toHaveCount(0);
  await expect(page.getByTestId('claim')).toHaveCount(0);
  await page.getByRole('button', { name: 'slowest', exact: true }).click();
  await expect(points).toHaveCount(6);
  await expect(page.locator('.evidence-view-label')).toContainText('covariate-shift view');

  // One screen: no page scroll, the text fits its column, and the chart takes at least 40% of the screen.
  await expectOneScreen(page);

  // The prediction stays beside the result.
  const predict = page.locator('.predict');
  await expect(predict).toHaveAttribute('data-state', 'revealed');
  await expect(predict.getByRole('button', { name: /slowest/ })).toHaveAttribute('aria-pressed', 'true');

  // The summary asks the closing question over the evidence, on both sides, and ends the section's text with it.
  const ledger = page.getByTestId('claim');
  await expect(ledger.locator('.evidence-question')).toContainText('Which explanation do your numbers support?');
  await expect(ledger.locator('li')).toHaveCount(6);
  // Its ℓ∞ line quotes the shift and the steps to 90% that the chart's ℓ∞ point marks.
  const linf = page.locator('.evidence-point[data-network=linf-before]');
  const linfLine = ledger.locator('li[data-claims^="lp-shift"]');
  await expect(linfLine).toContainText((await linf.getAttribute('data-shift')) ?? 'missing');
  await expect(linfLine).toContainText((await linf.getAttribute('data-steps')) ?? 'missing');
  health.expectClean();
});
