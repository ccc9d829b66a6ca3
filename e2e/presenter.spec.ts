import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openLab, stepCount } from './lab.ts';

test.use({ viewport: { width: 1920, height: 1080 } });

/** The largest computed font size (px) among elements matching a selector, or its smallest when `min`. */
async function fontSizes(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
}

test('P turns the lab into a slide: large type, thick lines, the talk moves with the arrow keys', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(page.getByLabel('Experiment settings')).toHaveCount(0);
  await expect(page.getByTestId('slide-place')).toHaveText('12 / 12 The batch-norm lab');
  await expect(page).toHaveURL(/present=1/);
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  // Legibility at 1920×1080: body text ≥ 24 px, axis labels ≥ 18 px, lines ≥ 3 px.
  for (const size of await fontSizes(page, '.watch')) expect(size).toBeGreaterThanOrEqual(24);
  for (const size of await fontSizes(page, '.panel svg text')) expect(size).toBeGreaterThanOrEqual(18);
  const widths = await page.locator('[data-chart] path.series').evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).strokeWidth)));
  expect(widths.length).toBeGreaterThan(0);
  for (const w of widths) expect(w).toBeGreaterThanOrEqual(3);

  // ← to the story's last section, → back; one key press moves exactly one slide.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('slide-place')).toHaveText(/^11 \/ 12 Weighing the evidence/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('slide-place')).toHaveText(/^10 \/ 12 /);
  await expect(page).toHaveURL(/section=smoothness/);
  for (const size of await fontSizes(page, '.story-lead p')) expect(size).toBeGreaterThanOrEqual(24);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('slide-place')).toHaveText('12 / 12 The batch-norm lab');
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});

test('presenter keys drive the run: Space, ".", R, B and 1/2/3', async ({ page }) => {
  await openLab(page, '?dataset=blobs&present=1');
  const cards = page.locator('.variant-card');
  await page.keyboard.press('.');
  await expect(page.getByTestId('step-counter')).toHaveText('1');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => stepCount(page)).toBeGreaterThan(5);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('step-counter')).toHaveText('0');
  // B moves batch norm to the other side of the activation; 3 shows four variants, 1 the pair again.
  await page.keyboard.press('b');
  await expect(cards.nth(1)).toHaveAttribute('data-variant', 'after');
  await page.keyboard.press('3');
  await expect(cards).toHaveCount(4);
  await expect(cards.nth(3)).toHaveAttribute('data-variant', 'noisy');
  await page.keyboard.press('2');
  await expect(cards).toHaveCount(3);
  await page.keyboard.press('1');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(1)).toHaveAttribute('data-variant', 'before');
});

test('F shows the focused panel full screen, ? lists the keys, Esc leaves each in turn', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  await page.locator('[data-panel="histograms"] .watch').click();
  await page.keyboard.press('f');
  const panel = page.locator('[data-panel="histograms"]');
  await expect(panel).toHaveClass(/panel-full/);
  const box = await panel.boundingBox();
  expect(box?.width).toBe(1920);
  expect(box?.height).toBe(1080);
  await expect(page).toHaveURL(/panel=histograms/);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('presenter mode on or off');
  // Behind the sheet the other keys do nothing.
  await page.keyboard.press('3');
  await page.keyboard.press('p');
  await expect(page.locator('.variant-card')).toHaveCount(2);
  await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(panel).toHaveClass(/panel-full/);
  await page.keyboard.press('Escape');
  await expect(panel).not.toHaveClass(/panel-full/);
  // Esc works from a field inside the panel too (typing keys there do not).
  await page.locator('[data-panel="drift"]').getByRole('button', { name: 'Full screen' }).click();
  const unit = page.locator('[data-panel="drift"]').getByLabel('Tracked unit');
  await unit.focus();
  await page.keyboard.press('f');
  await expect(page.locator('[data-panel="drift"]')).toHaveClass(/panel-full/);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-panel="drift"]')).not.toHaveClass(/panel-full/);
  // The panel's own button does the same, for mouse and touch.
  await page.locator('[data-panel="curves"]').getByRole('button', { name: 'Full screen' }).click();
  await expect(page.locator('[data-panel="curves"]')).toHaveClass(/panel-full/);
  await page.getByRole('button', { name: 'Exit full screen' }).click();
  await expect(page.locator('[data-panel="curves"]')).not.toHaveClass(/panel-full/);
  // A full-screen panel ends when the page moves to another section, and the page scrolls again.
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-full-panel', '');
  // (The section link lies under the full-screen panel: a script's click, as from Back, moves the page.)
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Scenarios/ })
    .dispatchEvent('click');
  await expect(page.locator('html')).not.toHaveAttribute('data-full-panel', '');
  await expect(page).not.toHaveURL(/panel=/);
});

test('a story link opens its slide, and the room is asked before the run', async ({ page }) => {
  await page.goto('/?v=1&view=story&section=rates&present=1');
  await expect(page.getByTestId('slide-place')).toHaveText(/^7 \/ 12 Larger learning rates/);
  // In presenter mode the room answers by a show of hands: the choices are shown, and Space runs the slide.
  await expect(page.locator('.predict-tag')).toHaveText('Ask the room');
  await expect(page.getByTestId('demo-step')).toHaveText('waits for your prediction');
  await page.locator('.story-lead').click();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('demo-step')).toContainText(/step \d+ of 500/, { timeout: 20_000 });
});

test('a link opens presenter mode with a panel full screen; slow motion takes single steps', async ({ page }) => {
  await openLab(page, '?v=1&view=lab&dataset=blobs&present=1&panel=drift');
  await expect(page.getByTestId('slide-place')).toHaveText(/^12 \/ 12 The batch-norm lab/);
  await expect(page.locator('[data-panel="drift"]')).toHaveClass(/panel-full/);
  await page.keyboard.press('Escape');
  await page.getByLabel('Speed').selectOption({ label: 'slow motion' });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('step-counter')).toHaveText('1', { timeout: 10_000 });
  // One step every two seconds: it is still at a handful when the first has just been seen.
  expect(await stepCount(page)).toBeLessThanOrEqual(2);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`the lab's slide is one screen at ${size.width}×${size.height}: the curves first, any other panel picked in their place`, async ({ page }) => {
    await page.setViewportSize(size);
    await openLab(page, '?v=1&view=lab&present=1');
    await page.getByRole('button', { name: 'Step 10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('10');
    const picker = page.getByRole('group', { name: 'Panel on this slide' });
    await expect(picker.getByRole('button', { name: 'Loss and accuracy' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('[data-panel]')).toHaveCount(1);
    const fit = () =>
      page.evaluate(() => {
        const area = document.querySelector('.slide-panel');
        const chart = document.querySelector('[data-panel="curves"] .curves-grid')?.getBoundingClientRect();
        return {
          page: document.documentElement.scrollHeight - innerHeight,
          inner: area === null ? -1 : area.scrollHeight - area.clientHeight,
          share: chart === undefined ? 0 : (chart.width * (Math.min(chart.bottom, innerHeight) - Math.max(chart.top, 0))) / (innerWidth * innerHeight),
        };
      });
    const curves = await fit();
    expect(curves.page, 'the slide scrolls').toBeLessThanOrEqual(0);
    expect(curves.inner, 'the curves panel is cut off').toBeLessThanOrEqual(0);
    expect(curves.share).toBeGreaterThanOrEqual(0.4);
    // Every panel can take the curves' place, and the slide itself never scrolls.
    for (const name of ['Histograms', 'Drift', 'Networks', 'Landscape', 'Inference', 'Rate sweep']) {
      await picker.getByRole('button', { name }).click();
      await expect(picker.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
      expect((await fit()).page, `${name}: the slide scrolls`).toBeLessThanOrEqual(0);
    }
    if (size.width === 1920) {
      // The drift charts on a slide show the tracked layer alone, each at least 240 px tall, and fit whole.
      await picker.getByRole('button', { name: 'Drift' }).click();
      const heights = await page.locator('[data-panel="drift"] .drift-row svg').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(heights.length).toBeGreaterThan(0);
      for (const h of heights) expect(h).toBeGreaterThanOrEqual(240);
      await expect(page.locator('[data-panel="drift"] .drift-row')).toHaveCount(1);
      expect((await fit()).inner, 'the drift panel is cut off').toBeLessThanOrEqual(0);
    }
  });
}

test('on a 390×844 phone nothing in presenter mode is wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const query of ['?v=1&view=lab&present=1', '?v=1&view=story&section=opening&present=1']) {
    await page.goto(`/${query}`);
    await expect(page.locator('.presenter-bar')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: 'Leave presenter mode' })).toBeVisible();
    // The bar's own buttons (its 445 px overflow) and any other element on the slide.
    const over = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -0.5 || r.right > width + 0.5);
      });
      return { scroll: document.documentElement.scrollWidth, width, wide: wide.map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`) };
    });
    expect(over.wide, query).toEqual([]);
    expect(over.scroll, query).toBeLessThanOrEqual(over.width);
  }
});
