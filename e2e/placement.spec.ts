import { expect, test } from '@playwright/test';
import { openLab } from './lab.ts';
import { watchPageHealth } from './health.ts';

test('switching BN to after the activation resets the pair together and redraws the network', async ({ page }) => {
  const health = watchPageHealth(page);
  await openLab(page, '?dataset=blobs');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');

  await page.getByRole('combobox', { name: 'Variant 2', exact: true }).selectOption('after');
  await expect(page.getByText(/Changed the variants: every variant restarted together/).last()).toBeVisible();
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  const after = page.locator('[data-network="after"]');
  await expect(after).toBeVisible();
  await expect(page.locator('[data-network="before"]')).toHaveCount(0);
  // Dense → activation → BN, in every hidden layer.
  await expect(after.locator('.layer-button').first().locator('.block')).toHaveText(['dense 100', 'σ', 'BN']);
  await expect(page).toHaveURL(/variants=none%2Cafter/);
  // Two variants are the least: neither can be removed. A third can be added, and then removed again.
  await expect(page.getByRole('button', { name: /^Remove variant/ }).first()).toBeDisabled();
  await page.getByRole('button', { name: '+ Add a variant' }).click();
  await expect(page.getByRole('combobox', { name: 'Variant 3', exact: true })).toHaveValue('before');
  await page.getByRole('combobox', { name: 'Variant 3', exact: true }).selectOption('ln-before');
  const ln = page.locator('[data-network="ln-before"]');
  await expect(ln.locator('.layer-button').first().locator('.block')).toHaveText(['dense 100', 'LN', 'σ']);
  await expect(page).toHaveURL(/variants=none%2Cafter%2Cln-before/);
  // A placement another slot holds cannot be chosen twice.
  await expect(page.getByRole('combobox', { name: 'Variant 1', exact: true }).locator('option[value="after"]')).toBeDisabled();
  await page.getByRole('button', { name: 'Remove variant 1 (Plain (no BN))' }).click();
  await expect(page.getByRole('combobox', { name: 'Variant 1', exact: true })).toHaveValue('after');
  await expect(page.getByRole('combobox', { name: 'Variant 3', exact: true })).toHaveCount(0);
  health.expectClean();
});

test('a typed value out of range is clamped, with a visible message', async ({ page }) => {
  await page.goto('/?dataset=blobs');
  const batch = page.getByLabel('Batch size');
  await batch.fill('5000');
  await batch.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Batch size: 5000 is above 512; using 512.' })).toBeVisible();
  await expect(batch).toHaveValue('512');
  await expect(page).toHaveURL(/batchSize=512/);
});

test('nonsense typed into the lab’s number fields is refused next to the field, and the run carries on', async ({ page }) => {
  await page.goto('/?dataset=blobs');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 20_000 });
  for (const label of ['Batch size', 'Units per layer', 'Typed learning rate', 'Momentum']) {
    // By role: a label holding a glossary term also holds its (hidden) definition text, which getByLabel reads.
    const field = page.getByRole('textbox', { name: label, exact: true });
    const before = await field.inputValue();
    for (const [bad, says] of [
      ['', '"" is not a number'],
      ['NaN', '"NaN" is not a number'],
      ['abc', '"abc" is not a number'],
      ['-5', 'is below'],
      ['1e308', '1e+308 is above'],
    ]) {
      await field.fill(bad);
      await field.press('Enter');
      // A message beside the field names what was wrong; the field shows a usable number again.
      await expect(
        page
          .getByRole('alert')
          .filter({ hasText: `${label}: ` })
          .filter({ hasText: says }),
      ).toBeVisible();
      expect(Number.isFinite(Number(await field.inputValue()))).toBe(true);
    }
    expect(Number(await field.inputValue())).not.toBeNaN();
    await field.fill(before);
    await field.press('Enter');
  }
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10', { timeout: 20_000 });
  for (const t of await page.locator('.counter-value, .variant-card').allTextContents()) expect(t).not.toMatch(/NaN|Infinity/);
});
