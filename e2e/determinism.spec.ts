import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';

const run = promisify(execFile);

test('200 steps of bn-paper give bit-identical per-step losses in the browser worker and in the Node CLI', async ({ page }) => {
  test.setTimeout(120_000);
  // The CLI writes a trace (config, batches, per-step losses) of the same preset and seed.
  const tracePath = join(mkdtempSync(join(tmpdir(), 'shift-lab-')), 'trace.json');
  const cli = run('npx', ['tsx', 'src/cli/experiment.ts', '--preset', 'bn-paper', '--steps', '200', '--trace', tracePath], { maxBuffer: 1 << 24 });

  await openLab(page, '?preset=bn-paper');
  await page.getByRole('combobox', { name: 'Steps per Step press' }).selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBe(100);
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBe(200);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Per-step losses (CSV)' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8')
    .trim()
    .split('\n');
  expect(csv[0]).toBe('step,plain_loss,bn-before_loss');

  await cli;
  const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as { variants: { name: string; losses: number[] }[] };
  expect(trace.variants.map((v) => v.name)).toEqual(['plain', 'bn-before']);
  // Compare the text of every loss: String() is the shortest round-trip form, so equal text is equal bits.
  for (let s = 0; s < 200; s++) {
    const [step, ...losses] = csv[s + 1].split(',');
    expect(Number(step)).toBe(s + 1);
    expect(losses).toEqual(trace.variants.map((v) => String(v.losses[s])));
  }
});

test('a share link replayed gives the same run, loss for loss', async ({ browser }) => {
  const link = '/?dataset=blobs&depth=2&width=32&batchSize=16&lr=0.3&seed=7&variants=none,before,after';
  const lossesOf = async () => {
    const page = await browser.newPage();
    await openLab(page, link.slice(1));
    await page.getByRole('combobox', { name: 'Steps per Step press' }).selectOption('100');
    await page.getByRole('button', { name: 'Step 100' }).click();
    await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBe(100);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Per-step losses (CSV)' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    await page.close();
    return text;
  };
  const first = await lossesOf();
  expect(first.trim().split('\n')).toHaveLength(101);
  expect(first.split('\n')[0]).toBe('step,plain_loss,bn-before_loss,bn-after_loss');
  expect(await lossesOf()).toBe(first);
});
