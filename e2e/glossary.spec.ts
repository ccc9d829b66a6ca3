import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TERMS } from '../app/glossary/terms.ts';
import { openLab } from './lab.ts';

test('a term opens its definition on hover and on keyboard focus, and closes on leaving it or Esc', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  const curves = page.locator('[data-panel="curves"]');
  const term = curves.getByRole('button', { name: 'running averages', exact: true });
  const tip = page.getByRole('tooltip').filter({ hasText: TERMS.running.plain });
  // Screen readers get the definition with the term, open or not.
  await expect(term).toHaveAccessibleDescription(new RegExp(TERMS.running.plain.slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(tip).toBeHidden();

  await term.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(TERMS.running.more);
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  // The pointer can move onto the definition without losing it, then leave.
  const box = (await tip.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(tip).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(tip).toBeHidden();

  // Keyboard: focus opens it, Esc closes it and nothing else (the panel stays full screen).
  await curves.getByRole('button', { name: 'Full screen' }).click();
  await expect(curves).toHaveClass(/panel-full/);
  await term.focus();
  await expect(tip).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('[data-panel="curves"]').analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(term).toBeFocused();
  await expect(curves).toHaveClass(/panel-full/);
  // Enter pins it open; Tab away closes it.
  await page.keyboard.press('Enter');
  await expect(tip).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(tip).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(curves).not.toHaveClass(/panel-full/);
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a tap opens a term, a second tap or a tap elsewhere closes it, and it stays on screen', async ({ page }) => {
    await openLab(page, '?dataset=blobs');
    const card = page.locator('.variant-card').first();
    const term = card.getByRole('button', { name: 'steps to 90%' });
    const tip = page.getByRole('tooltip').filter({ hasText: TERMS.steps90.plain });
    await term.tap();
    await expect(tip).toBeVisible();
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await term.tap();
    await expect(tip).toBeHidden();
    await term.tap();
    await expect(tip).toBeVisible();
    await page.getByTestId('step-counter').tap();
    await expect(tip).toBeHidden();
  });
});
