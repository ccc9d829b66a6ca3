import { expect, test, type Page } from '@playwright/test';
import { openLab } from './lab.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Per chart: the svg's box, its axis titles' and its tick labels' boxes (page pixels, rotation included). */
async function axisBoxes(page: Page) {
  return page.locator('[data-chart] svg').evaluateAll((svgs) =>
    svgs.map((svg) => {
      const box = (el: Element): Box => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const all = (sel: string) => [...svg.querySelectorAll(sel)].map((el) => ({ text: el.textContent ?? '', box: box(el) }));
      return {
        chart: svg.closest('[data-chart]')?.getAttribute('data-chart') ?? '',
        svg: box(svg),
        xTitle: all('.x-title')[0],
        yTitle: all('.y-title')[0],
        xTicks: all('.x-ticks text'),
        yTicks: all('.y-ticks text'),
      };
    }),
  );
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, outer: Box) =>
  a.x >= outer.x - 0.5 && a.y >= outer.y - 0.5 && a.x + a.width <= outer.x + outer.width + 0.5 && a.y + a.height <= outer.y + outer.height + 0.5;

test.use({ viewport: { width: 1366, height: 768 } });

test('in presenter mode at 1366×768 no axis title overprints a tick label, and no tick label is clipped', async ({ page }) => {
  // The probes' charts (gradient changes, covariate shift) reach small values: the widest tick labels.
  await openLab(page, '?dataset=blobs&present=1&probeEvery=10');
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await page.getByLabel('Steps per Step press').selectOption('100');
  await page.getByRole('button', { name: 'Step 100' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('100', { timeout: 30_000 });
  // Both step axes: the log one (the default) and the linear one.
  for (const logSteps of [true, false]) {
    // The slide shows one panel at a time: the curves, then the landscape's probe charts in their place.
    const picker = page.getByRole('group', { name: 'Panel on this slide' });
    await picker.getByRole('button', { name: 'Loss and accuracy' }).click();
    await page.getByLabel('log step axis').setChecked(logSteps);
    await expect(page.locator('[data-chart="loss"] .x-title')).toHaveText(logSteps ? 'training step (log scale)' : 'training step');
    const charts = await axisBoxes(page);
    await picker.getByRole('button', { name: 'Landscape' }).click();
    await expect(page.locator('[data-chart="ics-diff"] .x-title')).toHaveText(logSteps ? 'training step (log scale)' : 'training step');
    charts.push(...(await axisBoxes(page)));
    expect(charts.map((c) => c.chart)).toEqual(expect.arrayContaining(['loss', 'accuracy', 'ics-diff']));
    for (const c of charts) {
      expect(c.yTicks.length, c.chart).toBeGreaterThanOrEqual(2);
      for (const t of c.yTicks) {
        expect(overlaps(t.box, c.yTitle.box), `${c.chart}: y title over "${t.text}"`).toBe(false);
        expect(inside(t.box, c.svg), `${c.chart}: "${t.text}" clipped`).toBe(true);
      }
      for (const [i, t] of c.xTicks.entries()) {
        expect(overlaps(t.box, c.xTitle.box), `${c.chart}: x title over "${t.text}"`).toBe(false);
        expect(inside(t.box, c.svg), `${c.chart}: "${t.text}" clipped`).toBe(true);
        if (i > 0) expect(overlaps(t.box, c.xTicks[i - 1].box), `${c.chart}: "${t.text}" over its neighbour`).toBe(false);
      }
      expect(inside(c.yTitle.box, c.svg), `${c.chart}: y title clipped`).toBe(true);
      expect(inside(c.xTitle.box, c.svg), `${c.chart}: x title clipped`).toBe(true);
    }
    // Wide labels were among them (at 18 px, 0.001 is as wide as the old 70 px margin allowed beside the title).
    const widest = Math.max(...charts.flatMap((c) => c.yTicks.map((t) => t.text.length)));
    expect(widest, 'a tick label as wide as 0.001').toBeGreaterThanOrEqual(5);
  }
  // The axis text is the projector's 18 px, not shrunk to fit.
  const sizes = await page.locator('[data-chart] svg text').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  for (const s of sizes) expect(s).toBeGreaterThanOrEqual(18);
});

test('arrow keys reach each slide title without a focus ring', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  await page.keyboard.press('p');
  const title = page.getByTestId('slide-place');
  await expect(title).toBeFocused();
  const ring = () => title.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(await ring()).toBe('none');
  await page.keyboard.press('ArrowLeft');
  await expect(title).not.toHaveText(/The batch-norm lab/);
  await expect(title).toBeFocused();
  expect(await ring()).toBe('none');
  await page.keyboard.press('ArrowRight');
  await expect(title).toHaveText(/The batch-norm lab/);
  expect(await ring()).toBe('none');
  // Tab moves on to the next control, which shows its ring.
  await page.keyboard.press('Tab');
  const next = page.locator(':focus');
  await expect(next).not.toHaveAttribute('data-testid', 'slide-place');
  expect(await next.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the lab slide shows both curves whole on the first screen at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openLab(page, '?dataset=blobs&present=1');
    for (const id of ['loss', 'accuracy']) {
      const box = (await page.locator(`[data-chart="${id}"] svg`).boundingBox())!;
      expect(box.y, id).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, id).toBeLessThanOrEqual(size.height);
      expect(box.width, id).toBeGreaterThan(size.width / 3);
    }
  });
}
