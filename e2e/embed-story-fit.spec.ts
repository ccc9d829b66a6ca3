import { expect, test } from '@playwright/test';
import { SECTIONS } from '../app/story/sections.ts';

/**
 * Every story section, embedded (`?embed=1&view=story&section=…`), fits its frame: from a 400×300 sidebar to a
 * 1280×720 slide (and a 360×480 portrait sidebar), neither the frame's document nor any box inside it scrolls, and the focal chart keeps a
 * readable share of the frame.
 */
const SIZES = [
  { width: 400, height: 300 },
  // A portrait sidebar: the title and the run share a row 360 px wide.
  { width: 360, height: 480 },
  { width: 1280, height: 720 },
];

/** What scrolls in the frame (the document, or any box inside it), in words; empty when nothing does. */
function scrollingBoxes(html: HTMLElement): string[] {
  const out: string[] = [];
  if (html.scrollHeight > html.clientHeight || html.scrollWidth > html.clientWidth) out.push(`document ${html.scrollWidth}×${html.scrollHeight}`);
  for (const el of document.querySelectorAll('body *')) {
    const style = getComputedStyle(el);
    const canScroll = (o: string) => o === 'auto' || o === 'scroll';
    if (canScroll(style.overflowY) && el.scrollHeight > el.clientHeight) out.push(`${el.className} scrolls ${el.scrollHeight - el.clientHeight} px down`);
    if (canScroll(style.overflowX) && el.scrollWidth > el.clientWidth) out.push(`${el.className} scrolls ${el.scrollWidth - el.clientWidth} px across`);
  }
  return out;
}

// Each section loads once and its frame is resized through the sizes (as a reader's window or a slide's scale
// changes it), the sections split in two halves that run side by side; the themes alternate section by section.
const HALVES = [SECTIONS.slice(0, Math.ceil(SECTIONS.length / 2)), SECTIONS.slice(Math.ceil(SECTIONS.length / 2))];

for (const half of HALVES) {
  test(`story sections ${half[0].id} to ${half.at(-1)!.id} fit 400×300, 360×480 and 1280×720 frames without scrolling`, async ({ page }, info) => {
    test.setTimeout(180_000);
    for (const { id } of half) {
      const theme = SECTIONS.findIndex((x) => x.id === id) % 2 === 0 ? 'light' : 'dark';
      const app = new URL(`/?view=story&section=${id}&embed=1&theme=${theme}`, info.project.use.baseURL).href;
      await page.setViewportSize({ width: SIZES[0].width + 16, height: SIZES[0].height + 16 });
      await page.setContent(
        `<!doctype html><title>Course</title><body style="margin:8px"><iframe title="Shift Lab" src="${app}" width="${SIZES[0].width}" height="${SIZES[0].height}" style="border:0;display:block"></iframe></body>`,
      );
      const frame = page.frameLocator('iframe');
      await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(frame.locator('.story-focal svg').first()).toBeVisible({ timeout: 30_000 });
      // Its run under way (labels appear as it goes), where the section has one.
      if ((await frame.getByTestId('demo-step').count()) > 0)
        await expect(frame.getByTestId('demo-step')).toHaveText(/step [1-9][\d,]* of/, { timeout: 30_000 });
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width + 16, height: size.height + 16 });
        await page.locator('iframe').evaluate((el, { width, height }) => {
          el.setAttribute('width', String(width));
          el.setAttribute('height', String(height));
        }, size);
        const where = `${id} at ${size.width}×${size.height}`;
        // The charts lay out again on their resize observers: checked once they have.
        await expect(async () => {
          expect(await frame.locator('html').evaluate(scrollingBoxes), where).toEqual([]);
          const chart = await frame.locator('.focal-chart').first().boundingBox();
          const frameBox = await page.locator('iframe').boundingBox();
          expect(chart, where).not.toBeNull();
          if (chart === null || frameBox === null) return;
          expect(chart.y + chart.height, `${where}: the chart's bottom inside the frame`).toBeLessThanOrEqual(frameBox.y + frameBox.height + 0.5);
          expect(chart.x + chart.width, `${where}: the chart's right edge inside the frame`).toBeLessThanOrEqual(frameBox.x + frameBox.width + 0.5);
          expect(chart.height, `${where}: the chart's height`).toBeGreaterThanOrEqual(0.75 * size.height);
        }).toPass({ timeout: 5_000 });
        if (['scaling', 'shift', 'inference', 'evidence'].includes(id))
          await page.locator('iframe').screenshot({ path: info.outputPath(`embed-story-${id}-${size.width}x${size.height}-${theme}.png`) });
      }
    }
  });
}
