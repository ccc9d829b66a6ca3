import { expect, type Page } from '@playwright/test';

/** Opens the lab (the story is the front page, so the lab is named) with a query string and waits until the first run is built (Play enabled). */
export async function openLab(page: Page, query = ''): Promise<void> {
  const named = /[?&]view=/.test(query) ? query : query === '' ? '?view=lab' : `${query}&view=lab`;
  await page.goto(`/${named}`);
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled({ timeout: 20_000 });
}

/** The step counter as a number. */
export async function stepCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('step-counter').textContent())?.replace(/,/g, ''));
}

/** Opens a story section and waits for its heading. */
export async function openSection(page: Page, section: string) {
  await page.goto(`/?view=story&section=${section}`);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
}
