import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { openLab } from './lab.ts';

test('Copy link copies an address that reopens the same setup', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs');
  await page.getByRole('combobox', { name: 'Variant 2', exact: true }).selectOption('ln-after');
  await page.getByLabel('Batch size').fill('8');
  await page.getByLabel('Batch size').press('Enter');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/variants=none%2Cln-after/);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('combobox', { name: 'Variant 2', exact: true })).toHaveValue('ln-after');
  await expect(other.getByLabel('Batch size')).toHaveValue('8');
  await expect(other.getByLabel('Data set')).toHaveValue('blobs');
  health.expectClean();
});

test('a refused clipboard shows the link to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await openLab(page, '?dataset=blobs&lr=0.2');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(/refused the clipboard\. Copy this link by hand: http.*lr=0\.2/)).toBeVisible();
});

test('classroom flags hide chosen controls, and the links the page writes keep them', async ({ page }) => {
  await openLab(page, '?v=1&dataset=blobs&hide=nav,network,variants');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  const settings = page.getByLabel('Experiment settings');
  await expect(settings.getByRole('group', { name: 'Network' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Variant 1', exact: true })).toHaveCount(0);
  // What is not hidden still works.
  await expect(settings.getByRole('combobox', { name: 'At test time, batch norms use' })).toBeVisible();
  await settings.getByLabel('Batch size').fill('16');
  await settings.getByLabel('Batch size').press('Enter');
  await expect(page).toHaveURL(/\?v=1&.*batchSize=16.*&hide=nav,variants,network/);
  // The whole column can go too.
  await openLab(page, '?dataset=blobs&hide=controls');
  await expect(page.getByLabel('Experiment settings')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
});

test('a link from a newer version, or with bad page flags, still opens, says what it ignored, and keeps the rest', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?v=9&dataset=blobs&present=maybe&panel=nope&hide=everything,nav');
  await expect(page.getByText(/newer Shift Lab \(link version 9\)/)).toBeVisible();
  await expect(page.getByText(/present="maybe" is not 1 or 0/)).toBeVisible();
  await expect(page.getByText(/Unknown panel "nope"/)).toBeVisible();
  await expect(page.getByText(/Cannot hide "everything"/)).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.getByLabel('Data set')).toHaveValue('blobs');
  health.expectClean();
});

test("the story's links carry the page's state and its parallel override, and moving keeps them", async ({ page }) => {
  await page.goto('/?v=1&view=story&section=shift&seed=5&hide=nav&parallel=0');
  const contents = page.getByRole('navigation', { name: 'Story contents' });
  const bias = contents.getByRole('link', { name: /Bias neutralization/ });
  for (const part of ['view=story', 'section=bias', 'seed=5', 'hide=nav', 'parallel=0'])
    await expect(bias).toHaveAttribute('href', new RegExp(`[?&]${part}(&|$)`));
  await page
    .getByRole('link', { name: /Feature scaling/ })
    .first()
    .click();
  await expect(page).toHaveURL(/section=scaling/);
  await expect(page).toHaveURL(/parallel=0/);
  // The link to the feature-scaling lab, in that section's "More", carries them too.
  await page.getByText('More', { exact: true }).click();
  const lab = page.getByRole('link', { name: /Open the full feature-scaling lab/ });
  for (const part of ['view=scaling', 'seed=5', 'parallel=0']) await expect(lab).toHaveAttribute('href', new RegExp(`[?&]${part}(&|$)`));
  // The keyboard moves the same way.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/section=shift/);
  await expect(page).toHaveURL(/parallel=0/);
});
