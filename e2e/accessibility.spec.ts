import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openLab } from './lab.ts';

/** Every axe violation on the page, whatever its impact, as one readable line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`);
}

const STORY_SECTIONS = ['opening', 'scaling', 'shift', 'transform', 'bias', 'inference', 'rates', 'limits', 'noisy', 'smoothness', 'evidence'];
const PAGES = [
  '?dataset=blobs',
  '?view=scenarios',
  '?view=scaling',
  '?view=chain',
  // Embedded in a course page's frame (the frame's size is the page's here): the run bar and its panel alone.
  '?view=lab&embed=1&panel=curves&dataset=blobs',
  ...STORY_SECTIONS.map((s) => `?view=story&section=${s}&dataset=blobs&probeEvery=5&inferEvery=5`),
];

// Each page is loaded once and checked in both themes (the page follows the system's scheme live); the pages
// are split over two tests so the two workers share them.
const HALVES = [PAGES.slice(0, Math.ceil(PAGES.length / 2)), PAGES.slice(Math.ceil(PAGES.length / 2))];

test.describe('axe', () => {
  test.describe.configure({ mode: 'parallel' });
  for (const [i, pages] of HALVES.entries()) {
    test(`every view and story section has zero axe violations in the light and the dark theme (part ${i + 1} of 2)`, async ({ page }) => {
      test.setTimeout(150_000);
      for (const query of pages) {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(`/${query}`);
        await expect(page.locator('[data-chart] svg, .story-section, .gallery').first()).toBeVisible({ timeout: 20_000 });
        // Where there is training, take a few steps so the panels are drawn with data, not empty.
        const step = page.getByRole('button', { name: 'Step 10' });
        if ((await step.count()) > 0) {
          await expect(step).toBeEnabled({ timeout: 20_000 });
          await step.click();
          await expect(page.getByTestId('step-counter')).not.toHaveText('0');
        }
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
          expect(await violations(page), `${query} (${theme})`).toEqual([]);
        }
      }
    });
  }
});

test('the theme follows the system, the toggle overrides it, and the choice survives a reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openLab(page, '?dataset=blobs');
  const html = page.locator('html');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const dark = await paper();
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await paper()).not.toBe(dark);
  // The variant colors are theme variables: the plain variant's line changes color with the theme.
  const lineInk = () =>
    page
      .locator('[data-variant="none"] svg line')
      .first()
      .evaluate((el) => getComputedStyle(el).stroke);
  const lightInk = await lineInk();
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'light' });
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  expect(await lineInk()).not.toBe(lightInk);
});

test('each live chart has a title and a spoken summary of its current values', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  const loss = page.locator('[data-chart="loss"] svg');
  await expect(loss).toHaveAccessibleName('training loss against training step for Plain and BN before');
  await expect(loss).toHaveAccessibleDescription(/^training loss\. At step 10: Plain \d\.\d+; BN before \d\.\d+\.$/);
  await expect(page.locator('[data-chart="accuracy"] svg')).toHaveAccessibleDescription(
    /At step 10: Plain [\d.]+%; BN before [\d.]+%\. Reached 90(\.0)?%: Plain (not yet|at step \d+); BN before (not yet|at step \d+)\.$/,
  );
  await expect(page.locator('[data-hist="before-1"]')).toHaveAccessibleDescription(
    /^Step 10, into the sigmoid \(after BN\): median -?[\d.]+, middle 70% from -?[\d.]+ to -?[\d.]+; \d+% saturated\.$/,
  );
  // BN's input z = xW + b has its own histogram and drift chart, each saying which quantity it shows.
  await expect(page.locator('[data-hist-z="before-1"]')).toHaveAccessibleDescription(
    /^Step 10, z = xW \+ b \(before BN\): median -?[\d.]+, middle 70% from -?[\d.]+ to -?[\d.]+(; \d+% beyond ±10)?\.$/,
  );
  await expect(page.locator('[data-drift="none"]')).toHaveAccessibleDescription(
    /^Step 10, z = xW \+ b = sigmoid input\. Tracked unit: median .+\. Whole layer: median .+\.$/,
  );
  await expect(page.locator('[data-drift-z="before"]')).toHaveAccessibleDescription(
    /^Step 10, z = xW \+ b \(before BN\)\. Tracked unit: median .+\. Whole layer: median .+\.$/,
  );
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(loss).toHaveAccessibleDescription(/At step 20:/);
});

test('the learning-rate sweep, finished, has zero axe violations', async ({ page }) => {
  await openLab(page, '?view=lab&dataset=blobs&depth=1&width=8');
  await page.getByRole('button', { name: 'Run the sweep' }).click();
  await expect(page.getByTestId('sweep-progress')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(7);
  expect(await violations(page)).toEqual([]);
});
