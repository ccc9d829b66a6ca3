import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth } from './health.ts';

/**
 * Opens a link however long: vite preview answers a 100,000-character address with 431, where a static host
 * may serve it, so the page itself is fetched from '/' while the browser keeps the long address.
 */
async function openLink(page: Page, query: string): Promise<void> {
  await page.route(
    (url) => url.pathname === '/' && url.search.length > 8000,
    async (route) => route.fulfill({ response: await route.fetch({ url: new URL('/', route.request().url()).href }) }),
  );
  await page.goto(`/${query}`);
}

const payload = '<img src=x onerror="window.__pwned=1">';
const cases: [string, string][] = [
  ['a script tag', `?lr=${encodeURIComponent('<script>window.__pwned=1</script>')}`],
  ['huge, NaN and negative sizes', '?depth=1e308&width=-5&batchSize=NaN&evalBatchSize=Infinity'],
  ['a 10,000-character value', `?activation=${'x'.repeat(10_000)}`],
  ['an unknown version and keys carrying HTML', `?v=99&${encodeURIComponent(payload)}=${encodeURIComponent(payload)}`],
  ['HTML in the view and preset', `?view=${encodeURIComponent('<svg onload="window.__pwned=1">')}&preset=${encodeURIComponent('<b>bold</b>')}`],
  ['a 100,000-character preset', `?preset=${'x'.repeat(100_000)}`],
];

for (const [what, query] of cases) {
  test(`a link with ${what} renders the page, lists what it ignored, and runs nothing from it`, async ({ page }) => {
    const health = watchPageHealth(page);
    // A link without a view that names settings opens the lab; one whose view is garbage opens the story's start.
    await openLink(page, query);
    await expect(page.getByRole('heading', { name: 'Shift Lab' })).toBeVisible();
    const story = page.locator('#story-title');
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect(story.or(play)).toBeVisible({ timeout: 20_000 });
    if (await story.isVisible())
      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: /Batch-norm lab/ })
        .click();
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

test('a phone shows every notice of a hostile link within the screen, and names each value it ignored or moved', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // One long word in every notice: the quoted preset, an unknown key, a bad tracked layer; a unit the network lacks; a repeated key.
  await openLink(page, `?preset=${'x'.repeat(100_000)}&trackLayer=${'a'.repeat(60)}&trackUnit=300&lr=0.1&lr=0.2`);
  const notices = page.locator('.notice');
  await expect(notices.first()).toBeVisible({ timeout: 20_000 });
  const texts = await notices.allTextContents();
  expect(texts.join('\n')).toContain(`Unknown preset "${'x'.repeat(40)}…"`);
  expect(texts.join('\n')).toMatch(/trackLayer: .* is not valid .*; using 3/);
  expect(texts.join('\n')).toMatch(/trackUnit: 300 is not valid .*; using 0/);
  expect(texts.join('\n')).toContain('"lr" is given 2 times; using the last value, "0.2"');
  for (const box of await Promise.all((await notices.all()).map((n) => n.boundingBox()))) {
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // The page used the last lr, and wrote the address back with one value per key.
  await expect.poll(() => new URL(page.url()).searchParams.getAll('lr')).toEqual(['0.2']);
});
