import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { openLab, openSection, stepCount } from './lab.ts';

test('after one visit the lab works with the network off: the page, its workers and the MNIST file come from the service worker', async ({ page, context }) => {
  const health = watchPageHealth(page);
  await openLab(page);
  await expect(page.getByLabel('Data set')).toHaveValue('mnist');
  // `ready` resolves once the worker is active, i.e. after it has precached the build and the data file;
  // clientsClaim then hands it this page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);

  await context.setOffline(true);
  const data: { fromServiceWorker: boolean; status: number }[] = [];
  page.on('response', (res) => {
    if (res.url().endsWith('/data/mnist.bin.gz')) data.push({ fromServiceWorker: res.fromServiceWorker(), status: res.status() });
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Shift Lab' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 20_000 });
  // Still MNIST: no fallback to the synthetic set, so the data file was served with the network off.
  await expect(page.getByLabel('Data set')).toHaveValue('mnist');
  await expect(page.getByText(/MNIST could not be loaded/)).toHaveCount(0);
  // The network is off: a request the service worker has not cached fails. (navigator.onLine is not the
  // test: this Chromium reports it true again after a reload under Playwright's offline emulation.)
  expect(await page.evaluate(() => fetch(`/not-cached-${Date.now()}`).then((r) => `answered ${r.status}`, () => 'failed'))).toBe('failed');

  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByLabel('Data set')).toHaveValue('mnist');
  expect(data.length, 'the workers asked for the data file').toBeGreaterThan(0);
  expect(data.every((d) => d.fromServiceWorker && d.status === 200), JSON.stringify(data)).toBe(true);

  // The story (a lazily loaded chunk with KaTeX and its fonts) opens offline as well.
  await openSection(page, 'transform');
  await expect(page.locator('.katex:visible').first()).toBeVisible();
  const katexFonts = () =>
    page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status !== 'unloaded').map((f) => f.status);
    });
  await expect.poll(katexFonts).toContain('loaded');
  expect(await katexFonts()).not.toContain('error');
  // The one request meant to fail, to show the network is off, is not a problem (nor the console line it logs).
  const meant = (p: string) => p.includes('/not-cached-') || p.endsWith('Failed to load resource: net::ERR_INTERNET_DISCONNECTED');
  expect(health.problems.filter(meant).length).toBeLessThanOrEqual(2);
  health.problems.splice(0, health.problems.length, ...health.problems.filter((p) => !meant(p)));
  health.expectClean();
});
