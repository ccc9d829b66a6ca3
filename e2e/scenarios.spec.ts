import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { stepCount } from './lab.ts';

const REQUIRED = [
  'The BN paper on MNIST',
  'A learning rate too large without BN',
  'BN with batches of 4',
  'ReLU: BN before or after the activation?',
  'Noisy BN: shifted on purpose, and still fast',
  'Features on scales a thousand apart',
];

test('the scenario gallery: each card a title, what to watch and a link; one click runs it in the lab', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Scenarios/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Scenarios', level: 2 })).toBeVisible();
  const cards = page.locator('.gallery-card');
  for (const title of REQUIRED) await expect(cards.filter({ has: page.getByRole('heading', { name: title, exact: true }) })).toHaveCount(1);
  for (const card of await cards.all()) {
    await expect(card.locator('p')).not.toBeEmpty();
    await expect(card.getByRole('link')).toHaveAttribute('href', /^\?v=1&preset=[a-z-]+$/);
  }
  const highLr = cards.filter({ has: page.getByRole('heading', { name: 'A learning rate too large without BN' }) });
  await highLr.getByRole('link').click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/A learning rate too large without BN: /)).toBeVisible();
  await expect(page.getByLabel('Typed learning rate')).toHaveValue('10');
  await expect.poll(() => stepCount(page), { timeout: 30_000 }).toBeGreaterThan(20);
  health.expectClean();
});

test('a scenario link opened on its own loads the same setup and says what to watch', async ({ page }) => {
  await page.goto('/?v=1&preset=relu-before-vs-after');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 20_000 });
  await expect(page.getByText(/ReLU: BN before or after the activation\?: Compare/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Activation', exact: true })).toHaveValue('relu');
  await expect(page.locator('.variant-card')).toHaveCount(3);
});
