import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';

const payload = '<img src=x onerror="window.__pwned=1">';
const cases: [string, string][] = [
  ['a script tag', `?lr=${encodeURIComponent('<script>window.__pwned=1</script>')}`],
  ['huge, NaN and negative sizes', '?depth=1e308&width=-5&batchSize=NaN&evalBatchSize=Infinity'],
  ['a 10,000-character value', `?activation=${'x'.repeat(10_000)}`],
  ['an unknown version and keys carrying HTML', `?v=99&${encodeURIComponent(payload)}=${encodeURIComponent(payload)}`],
  ['HTML in the view and preset', `?view=${encodeURIComponent('<svg onload="window.__pwned=1">')}&preset=${encodeURIComponent('<b>bold</b>')}`],
];

for (const [what, query] of cases) {
  test(`a link with ${what} renders the page, lists what it ignored, and runs nothing from it`, async ({ page }) => {
    const health = watchPageHealth(page);
    // A link without a view that names settings opens the lab; one whose view is garbage opens the story's start.
    await page.goto(`/${query}`);
    await expect(page.getByRole('heading', { name: 'Shift Lab' })).toBeVisible();
    const story = page.locator('#story-title');
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect(story.or(play)).toBeVisible({ timeout: 20_000 });
    if (await story.isVisible()) await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Batch-norm lab/ }).click();
    await expect(play).toBeEnabled({ timeout: 20_000 });
    // A notice names what the link got wrong.
    await expect(page.locator('.notice.warning').first()).toContainText(/Link:|Unknown|newer Shift Lab/);
    // ...briefly: a long value is quoted in part, not in full.
    for (const text of await page.locator('.notice').allTextContents()) expect(text.length).toBeLessThan(300);
    // Nothing from the link became markup or ran.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.notices img, .notices script, .notices svg, .notices b').count()).toBe(0);
    // The defaults stand in, and training works.
    await page.getByRole('button', { name: 'Step 10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('10', { timeout: 20_000 });
    health.expectClean();
  });
}
