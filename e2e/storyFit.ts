import { expect, type Page } from '@playwright/test';

/** How a story section sits on the screen: the page's overflow, the text column's, and the focal chart's share of the window. */
export async function storyFit(page: Page): Promise<{ pageOverflow: number; textOverflow: number; chartShare: number }> {
  return page.evaluate(() => {
    const chart = document.querySelector('.story-focal .focal-chart')?.getBoundingClientRect();
    const text = document.querySelector('.story-text');
    const visible = chart === undefined ? 0 : Math.max(0, Math.min(chart.bottom, innerHeight) - Math.max(chart.top, 0)) * chart.width;
    return {
      pageOverflow: document.documentElement.scrollHeight - innerHeight,
      textOverflow: text === null ? 0 : text.scrollHeight - text.clientHeight,
      chartShare: visible / (innerWidth * innerHeight),
    };
  });
}

/** One screen, one picture: the page does not scroll, the text fits its column, and the focal chart covers ≥ 40% of the window. */
export async function expectOneScreen(page: Page, what = ''): Promise<void> {
  const fit = await storyFit(page);
  expect(fit.pageOverflow, `${what} page scrolls by ${fit.pageOverflow} px`).toBeLessThanOrEqual(0);
  expect(fit.textOverflow, `${what} text column overflows by ${fit.textOverflow} px`).toBeLessThanOrEqual(2);
  expect(fit.chartShare, `${what} focal chart covers ${(fit.chartShare * 100).toFixed(0)}%`).toBeGreaterThanOrEqual(0.4);
}
