import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openLab } from './lab.ts';

/** Clicks a button and returns the downloaded file's bytes and name. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent('download', { timeout: 30_000 });
  await click();
  const d = await event;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('a panel and the whole lab save as PNGs at twice their size on screen', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  const panel = page.locator('[data-panel="curves"]');
  const box = await panel.boundingBox();
  const shot = await download(page, () => panel.getByRole('button', { name: 'PNG' }).click());
  expect(shot.name).toBe('shift-lab-curves-step10.png');
  const size = pngSize(shot.bytes);
  expect(Math.abs(size.width - 2 * (box?.width ?? 0))).toBeLessThanOrEqual(2);
  expect(Math.abs(size.height - 2 * (box?.height ?? 0))).toBeLessThanOrEqual(2);
  const lab = await download(page, () => page.getByRole('button', { name: 'The whole lab (PNG)' }).click());
  expect(lab.name).toBe('shift-lab-lab-step10.png');
  const appWidth = (await page.locator('.app').boundingBox())?.width ?? 0;
  expect(Math.abs(pngSize(lab.bytes).width - 2 * appWidth)).toBeLessThanOrEqual(2);
});

test('the run history downloads as CSV and JSON, and the trace replays the very run on screen', async ({ page }) => {
  await openLab(page, '?dataset=blobs&depth=2&width=16');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('20');

  const csv = (await download(page, () => page.getByRole('button', { name: 'Run history (CSV)' }).click())).bytes.toString('utf8').trim().split('\n');
  const header = csv[0].split(',');
  expect(header.slice(0, 4)).toEqual(['step', 'plain_trainLoss', 'plain_testLoss', 'plain_testAcc']);
  expect(header).toContain('bn-before_L2_p50');
  const steps = csv.slice(1).map((line) => Number(line.split(',')[0]));
  expect(steps[0]).toBe(0);
  expect(steps.at(-1)).toBe(20);
  const json = JSON.parse((await download(page, () => page.getByRole('button', { name: 'Run history (JSON)' }).click())).bytes.toString('utf8'));
  expect(json.format).toBe('shift-lab-history/1');
  expect(json.config.depth).toBe(2);
  expect(json.columns).toEqual(header);
  expect(json.rows).toHaveLength(csv.length - 1);

  const trace = await download(page, () => page.getByRole('button', { name: 'Run trace (JSON)' }).click());
  expect(trace.name).toBe('shift-lab-trace-20steps.json');
  const t = JSON.parse(trace.bytes.toString('utf8')) as { format: string; sizes: number[]; batches: unknown[]; variants: { name: string; losses: number[] }[] };
  expect(t.format).toBe('shift-lab-trace/1');
  expect(t.sizes).toEqual([16, 16, 16, 4]);
  expect(t.batches).toHaveLength(20);
  // The trace is made afresh in the worker, yet it is the run on screen: the same loss, bit for bit, each step.
  const losses = (await download(page, () => page.getByRole('button', { name: 'Per-step losses (CSV)' }).click())).bytes.toString('utf8').trim().split('\n');
  for (let s = 0; s < 20; s++) expect(losses[s + 1].split(',').slice(1)).toEqual(t.variants.map((v) => String(v.losses[s])));
});
