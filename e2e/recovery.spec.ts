import { expect, test, type Page } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';

/** The loss chart's first series path: what has been drawn so far. */
const drawnLoss = (page: Page) => page.locator('[data-panel=curves] path.series').first().getAttribute('d');

async function trainSome(page: Page): Promise<string | null> {
  await openLab(page, '?dataset=blobs');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect.poll(() => stepCount(page)).toBe(20);
  return drawnLoss(page);
}

test('a crashed trainer is replaced from the same settings, and the history already drawn stays', async ({ page }) => {
  const before = await trainSome(page);
  expect(before).toMatch(/L/);
  const [worker] = page.workers();
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  await expect(page.getByRole('listitem').filter({ hasText: /The trainer crashed \(.*simulated crash.*\)\. A new trainer took over/ })).toBeVisible();
  // The replacement replays to step 20, so the counter and the drawn curve carry on.
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
  expect(await stepCount(page)).toBe(20);
  // Every point drawn before the crash is still there (the newest one may be re-measured by the replay:
  // the training loss is averaged over the steps since the previous snapshot).
  const kept = (before ?? '').slice(0, (before ?? '').lastIndexOf('L'));
  expect(kept.length).toBeGreaterThan(20);
  expect(await drawnLoss(page)).toContain(kept);
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect.poll(() => stepCount(page)).toBe(30);
});

test('a hung trainer is noticed by the watchdog and replaced the same way', async ({ page }) => {
  await trainSome(page);
  const [worker] = page.workers();
  await worker.evaluate(() => {
    setTimeout(() => {
      for (;;);
    });
  });
  await expect(page.getByRole('listitem').filter({ hasText: /The trainer stopped answering\. A new trainer took over/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
  expect(await stepCount(page)).toBe(20);
  // It trains on when asked.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => stepCount(page), { timeout: 15_000 }).toBeGreaterThan(40);
});

test('with one worker per variant, a crash in either is recovered into a single worker', async ({ page }) => {
  await openLab(page, '?dataset=blobs&parallel=1');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect.poll(() => stepCount(page)).toBe(10);
  expect(page.workers()).toHaveLength(2);
  await page.workers()[1].evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  await expect(page.getByRole('listitem').filter({ hasText: /The trainer crashed/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
  expect(await stepCount(page)).toBe(10);
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect.poll(() => stepCount(page)).toBe(20);
  await expect.poll(() => page.workers().length).toBe(1);
});
