import { expect, type Page } from '@playwright/test';

/** Opens the lab with a query string and waits until the first run is built (Play enabled). */
export async function openLab(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 20_000 });
}

/** The step counter as a number. */
export async function stepCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('step-counter').textContent())?.replace(/,/g, ''));
}
