import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { openLab, openSection, stepCount } from './lab.ts';

const dataBytes = statSync('public/data/mnist.bin.gz').size;
/** The cache in which the downloading worker keeps the data file (src/worker/mnistCache.ts). */
const kept = 'shift-lab-mnist-v1';

/** Whether the workers' kept copy of the data file is in Cache Storage. */
const hasKeptCopy = (page: Page) => page.evaluate(async (name) => (await (await caches.open(name)).match('/data/mnist.bin.gz')) !== undefined, kept);

test('a first visit downloads MNIST once, and the service worker precaches neither it nor the fuzz chunk', async ({ page, context }) => {
  const fuzzChunks = readdirSync(join(process.env.E2E_DIST ?? 'dist', 'assets')).filter((f) => /^fuzz-.*\.js$/.test(f));
  expect(fuzzChunks, 'the build names the fuzz chunk so that the precache can leave it out').toHaveLength(1);
  const downloads: Promise<{ url: string; bySw: boolean; body: number }>[] = [];
  const swAsked: string[] = [];
  // The context sees the service worker's requests as well as the page's and its workers'.
  context.on('requestfinished', (req) => {
    if (req.serviceWorker() !== null) swAsked.push(req.url());
    if (!req.url().endsWith('/data/mnist.bin.gz')) return;
    downloads.push(
      req.sizes().then(async (s) => ({
        url: req.url(),
        bySw: req.serviceWorker() !== null,
        body: (await req.response())?.fromServiceWorker() ? 0 : s.responseBodySize,
      })),
    );
  });
  await openLab(page);
  await expect(page.getByLabel('Data set')).toHaveValue('mnist');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => hasKeptCopy(page)).toBe(true);
  const seen = await Promise.all(downloads);
  expect(seen.length).toBeGreaterThan(0);
  expect(
    seen.reduce((n, d) => n + d.body, 0),
    JSON.stringify(seen),
  ).toBe(dataBytes);
  expect(swAsked.filter((u) => u.includes('mnist') || u.includes('/fuzz-'))).toEqual([]);
  const precached = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
    return (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
  });
  expect(precached.length, 'the service worker precached the build').toBeGreaterThan(10);
  expect(precached.filter((u) => u.includes('mnist') || u.includes('/fuzz-'))).toEqual([]);
});

test('after a first visit to the story alone, the lab trains on MNIST with the network off', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The story's demos train on MNIST, so its worker downloads and keeps the file.
  await expect.poll(() => hasKeptCopy(page), { timeout: 30_000 }).toBe(true);
  await context.setOffline(true);
  await openLab(page);
  await expect(page.getByLabel('Data set')).toHaveValue('mnist');
  await expect(page.getByText(/MNIST could not be loaded/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
});

test("after one visit the lab works with the network off: the page and its workers come from the service worker, the MNIST file from the workers' kept copy", async ({
  page,
  context,
}) => {
  const health = watchPageHealth(page);
  await openLab(page);
  await expect(page.getByLabel('Data set')).toHaveValue('mnist');
  // `ready` resolves once the service worker is active, i.e. after it has precached the build; clientsClaim
  // then hands it this page. The data file was kept by the worker that downloaded it, before Play was enabled.
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
  expect(
    await page.evaluate(() =>
      fetch(`/not-cached-${Date.now()}`).then(
        (r) => `answered ${r.status}`,
        () => 'failed',
      ),
    ),
  ).toBe('failed');

  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByLabel('Data set')).toHaveValue('mnist');
  // MNIST loaded with no request for it: the workers read their kept copy.
  expect(data, 'no request for the data file').toEqual([]);
  expect(await hasKeptCopy(page)).toBe(true);

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
