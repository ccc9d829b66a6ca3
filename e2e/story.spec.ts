import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { openSection, runScenario } from './lab.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A number as the story prints it: "−0.468", "1.0×10⁻⁵". */
function readLive(text: string | null): number {
  const t = (text ?? '').replace(/−/g, '-').replace(/⁻/g, '-');
  const m = /^(-?[\d.]+)(?:×10(-?)([⁰¹²³⁴⁵⁶⁷⁸⁹]+))?$/.exec(t.replace(/-(?=[⁰-⁹¹²³])/g, '-'));
  if (m === null) return NaN;
  const exponent = m[3] ? Number([...m[3]].map((c) => SUPERSCRIPT.indexOf(c)).join('')) * (m[2] === '-' ? -1 : 1) : 0;
  return Number(m[1]) * 10 ** exponent;
}

test('the story opens at its contents, and ← → and the links move between sections that the address remembers', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /The story/ }).click();
  const contents = page.getByRole('navigation', { name: 'Story contents' });
  await expect(contents.getByRole('link')).toHaveCount(8);
  await expect(page.locator('#story-title')).toContainText('Feature scaling');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#story-title')).toContainText('Internal covariate shift');
  await expect(page).toHaveURL(/section=shift/);
  await contents.getByRole('link', { name: /Bias neutralization/ }).click();
  await expect(page.locator('#story-title')).toContainText('Bias neutralization');
  await page.goBack();
  await expect(page.locator('#story-title')).toContainText('Internal covariate shift');
  // The data must be in before a reload, or the reload cuts its download off.
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
  await page.reload();
  await expect(page.locator('#story-title')).toContainText('Internal covariate shift');
  // Let the data finish loading before leaving, so no request is cut off.
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
  await openSection(page, 'nonsense');
  await expect(page.locator('#story-title')).toContainText('Feature scaling');
  await expect(page.getByText(/Unknown story section "nonsense"/)).toBeVisible();
  health.expectClean();
});

test('every section shows its prose, a try-this prompt and a live demo, with math typeset', async ({ page }) => {
  const health = watchPageHealth(page);
  await openSection(page, 'scaling');
  const contents = page.getByRole('navigation', { name: 'Story contents' });
  for (const title of ['Feature scaling', 'Internal covariate shift', 'The BN transform', 'Bias neutralization', 'Inference', 'Larger learning rates', 'Is it really covariate shift?', 'Regularization and limits']) {
    await contents.getByRole('link', { name: title }).click();
    await expect(page.locator('#story-title')).toContainText(title);
    await expect(page.locator('.try-this').first()).toBeVisible();
    await expect(page.locator('.story-demo section, .story-demo .scaling-lab, .story-demo svg').first()).toBeVisible();
  }
  await contents.getByRole('link', { name: 'The BN transform' }).click();
  await expect(page.locator('.katex-display')).toBeVisible();
  health.expectClean();
});

test('the BN transform shows the running model\'s numbers, and they change as it trains', async ({ page }) => {
  await openSection(page, 'transform');
  await runScenario(page, /Run the BN paper/);
  const mean = page.getByTestId('live-bn').locator('[data-symbol="μ_B"]');
  const first = await mean.textContent();
  expect(readLive(first)).not.toBeNaN();
  await expect.poll(() => mean.textContent(), { timeout: 15_000 }).not.toBe(first);
  // x̂ of an input one batch σ above the mean is 1 to within ε.
  expect(readLive(await page.getByTestId('live-bn').locator('[data-symbol="x̂"]').textContent())).toBeCloseTo(1, 2);
});

test('bias neutralization: the bias feeding BN gets no gradient; plain and BN-after biases do', async ({ page }) => {
  await openSection(page, 'bias');
  await runScenario(page, /Plain, BN before and BN after/);
  const meter = page.getByTestId('bias-meter');
  const value = async (p: string) => readLive(await meter.locator(`.num[data-variant="${p}"]`).textContent());
  await expect.poll(() => value('none')).toBeGreaterThan(1e-4);
  expect(await value('before')).toBeLessThan(1e-6);
  expect(await value('after')).toBeGreaterThan(1e-4);
});

test('is it really covariate shift: noisy BN trains beside BN while the probes measure the landscape and report their cost', async ({ page }) => {
  const health = watchPageHealth(page);
  await openSection(page, 'smoothness');
  await runScenario(page, /Noisy BN, with probes/, 60);
  await expect(page.locator('.variant-card[data-variant="noisy"]')).toBeVisible();
  await expect(page.getByTestId('probe-cost')).toContainText(/Cost: \d+ ms per probe/);
  await expect(page.locator('[data-chart="landscape-beta"] path.series[data-variant="noisy"]')).toHaveAttribute('d', /L/);
  // Shift per layer: every hidden layer of every variant, the first with none by definition.
  const ics = page.getByTestId('ics-by-layer');
  await expect(ics.locator('tbody tr')).toHaveCount(3);
  await expect(ics.locator('tbody tr').nth(2).locator('td[data-variant="noisy"] .num')).toHaveText(/^\d/);
  health.expectClean();
});

test('inference side by side: a test batch of one collapses to one class, and the table moves as the model trains', async ({ page }) => {
  const health = watchPageHealth(page);
  await openSection(page, 'inference');
  await runScenario(page, /Measure inference every 50 steps/, 60);
  const table = page.getByTestId('inference-table');
  const cell = (id: string, k: number) => table.locator(`tr[data-case="${id}"] td`).nth(k);
  const percent = async (id: string, k = 0) => Number((await cell(id, k).textContent())?.replace('%', ''));
  await expect.poll(() => percent('batch60'), { timeout: 20_000 }).toBeGreaterThan(50);
  // One digit per batch: x̂ = 0, so every digit gets the same class, about one in ten right.
  expect(await percent('batch1')).toBeLessThan(20);
  // Each cell carries a bar of its accuracy in its variant's color (a theme variable, mixed to a tint).
  expect(await cell('batch60', 0).evaluate((td) => getComputedStyle(td).backgroundImage)).toMatch(/^linear-gradient\(to right, (rgb|color)/);
  await expect(page.getByTestId('infer-summary')).toContainText('single class for every digit');
  await expect(page.getByTestId('infer-cost')).toContainText(/Cost: \d+ ms per measurement/);
  const caption = await table.locator('caption').textContent();
  await expect.poll(() => table.locator('caption').textContent(), { timeout: 20_000 }).not.toBe(caption);
  health.expectClean();
});

test('the learning-rate sweep runs in its own workers with progress, can be cancelled, and fills its chart and table', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/?view=story&section=rates&dataset=blobs&width=64');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Run the sweep' }).click();
  // The lab waits while the sweep works.
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const progress = page.getByTestId('sweep-progress');
  const rows = page.getByTestId('sweep-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel sweep' }).click();
  await expect(progress).toHaveAttribute('data-status', 'cancelled');
  const kept = await rows.count();
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(7);
  await page.getByRole('button', { name: 'Run the sweep again' }).click();
  await expect(progress).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(rows).toHaveCount(7);
  await expect(progress).toContainText('100%');
  // Every cell is a step count, "never" or "diverged", and BN reaches 90% at the lab's own rate.
  for (const text of await page.getByTestId('sweep-table').locator('td .num').allTextContents()) expect(text).toMatch(/^(\d[\d,]*|never \(.+\)|diverged at .+)$/);
  await expect(rows.nth(3).locator('td[data-variant="before"]')).toHaveAttribute('data-outcome', 'reached');
  await expect(page.locator('[data-chart="lr-sweep"] [data-variant="before"] path.marker')).toHaveCount(7);
  await expect(page.getByTestId('sweep-ranges')).toContainText(/BN before: .+ rates/);
  health.expectClean();
});

test('the shift and limits sections: their scenarios load and their demos move as the model trains', async ({ page }) => {
  const health = watchPageHealth(page);
  await openSection(page, 'shift');
  await runScenario(page, /The BN paper, Figure 1/, 30);
  const median = page.locator('svg[data-drift="none"] path.median.unit');
  const before = await median.getAttribute('d');
  await expect.poll(() => median.getAttribute('d'), { timeout: 15_000 }).not.toBe(before);
  await page.getByRole('navigation', { name: 'Story contents' }).getByRole('link', { name: 'Regularization and limits' }).click();
  await runScenario(page, /Test batches of one/, 30);
  // Tiny batches, evaluated one example at a time with batch statistics: the accuracy curve is drawn and moves.
  const curve = page.locator('[data-chart="accuracy"] path.series[data-variant="before"]');
  const first = await curve.getAttribute('d');
  await expect.poll(() => curve.getAttribute('d'), { timeout: 15_000 }).not.toBe(first);
  await expect(page.locator('.variant-card[data-variant="before"]')).toContainText('%');
  health.expectClean();
});
