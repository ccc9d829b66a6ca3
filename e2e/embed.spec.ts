import { expect, test, type FrameLocator, type Page } from '@playwright/test';

/** A course page that embeds the app: one iframe of the given size and nothing else. */
async function embed(page: Page, query: string, width: number, height: number): Promise<FrameLocator> {
  const app = new URL(`/${query}`, test.info().project.use.baseURL).href;
  await page.setViewportSize({ width: width + 16, height: height + 16 });
  await page.setContent(
    `<!doctype html><title>Course</title><body style="margin:8px"><iframe title="Shift Lab" src="${app}" width="${width}" height="${height}" style="border:0;display:block"></iframe></body>`,
  );
  return page.frameLocator('iframe');
}

/** How far the frame's document overflows its window, and its stage scrolls, in px (0 when all fits). */
async function overflow(frame: FrameLocator) {
  return frame.locator('html').evaluate((html) => {
    const stage = document.querySelector('.embed-stage');
    return {
      x: html.scrollWidth - html.clientWidth,
      y: html.scrollHeight - html.clientHeight,
      stageY: stage === null ? 0 : stage.scrollHeight - stage.clientHeight,
      stageX: stage === null ? 0 : stage.scrollWidth - stage.clientWidth,
    };
  });
}

const SIZES = [
  { width: 400, height: 300 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

for (const size of SIZES) {
  test(`an embedded lab fills a ${size.width}×${size.height} frame in both themes, with only its demo and a link out`, async ({ page }, info) => {
    for (const theme of ['light', 'dark'] as const) {
      const frame = await embed(page, `?view=lab&embed=1&panel=curves&dataset=blobs&lr=0.05&theme=${theme}`, size.width, size.height);
      const step = frame.getByRole('button', { name: 'Step 10' });
      await expect(step).toBeEnabled({ timeout: 20_000 });
      await expect(frame.locator('html')).toHaveAttribute('data-theme', theme);
      await step.click();
      await expect(frame.getByTestId('step-counter')).toHaveText('10');
      // The frame's keys: "." steps once.
      await frame.locator('.embed-stage').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('.');
      await expect(frame.getByTestId('step-counter')).toHaveText('11');
      await page.locator('iframe').screenshot({ path: info.outputPath(`embed-lab-${size.width}x${size.height}-${theme}.png`) });
      // Only the demo: no masthead, section links or settings column.
      await expect(frame.locator('.masthead')).toHaveCount(0);
      await expect(frame.getByRole('navigation')).toHaveCount(0);
      await expect(frame.getByRole('complementary', { name: 'Experiment settings' })).toBeHidden();
      // Both charts inside the frame, the loss chart taller than a sliver.
      for (const chart of ['loss', 'accuracy']) {
        const box = await frame.locator(`[data-chart="${chart}"] svg`).boundingBox();
        const frameBox = await page.locator('iframe').boundingBox();
        expect(box, chart).not.toBeNull();
        expect(frameBox).not.toBeNull();
        if (box === null || frameBox === null) return;
        expect(box.x + box.width, `${chart} right edge`).toBeLessThanOrEqual(frameBox.x + frameBox.width + 0.5);
        expect(box.y + box.height, `${chart} bottom edge`).toBeLessThanOrEqual(frameBox.y + frameBox.height + 0.5);
        expect(box.height, `${chart} height`).toBeGreaterThanOrEqual(size.height < 500 ? 120 : 0.4 * size.height);
      }
      const over = await overflow(frame);
      expect(over.x, 'horizontal overflow').toBeLessThanOrEqual(0);
      expect(over.stageX, 'horizontal overflow of the stage').toBeLessThanOrEqual(0);
      if (size.width >= 1280) {
        expect(over.y, 'vertical overflow').toBeLessThanOrEqual(0);
        expect(over.stageY, 'the stage scrolls').toBeLessThanOrEqual(0);
      }
      // The link out: the same state in a new tab, whole (no embed, no lock).
      const link = frame.getByRole('link', { name: /Open in Shift Lab/ });
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', 'noopener');
      const params = new URL((await link.getAttribute('href')) ?? '', 'http://x/').searchParams;
      expect(params.get('embed')).toBeNull();
      expect(params.get('lock')).toBeNull();
      expect([params.get('view'), params.get('panel'), params.get('dataset'), params.get('lr'), params.get('theme')]).toEqual([
        'lab',
        'curves',
        'blobs',
        '0.05',
        theme,
      ]);
    }
  });
}

test('lock=all disables the run bar, its keys and every settings group', async ({ page }, info) => {
  const frame = await embed(page, '?view=lab&embed=1&panel=curves&dataset=blobs&lock=all', 1280, 720);
  await expect(frame.getByRole('button', { name: 'Step 10' })).toBeVisible({ timeout: 20_000 });
  await expect(frame.getByTestId('run-rate')).not.toHaveText(/loading/, { timeout: 20_000 });
  for (const name of ['Play', 'Step 10', 'Reset']) await expect(frame.getByRole('button', { name, exact: true })).toBeDisabled();
  await expect(frame.getByRole('combobox', { name: 'Speed' })).toBeDisabled();
  await expect(frame.getByText('Run locked by the embedding page')).toBeVisible();
  await frame.locator('.embed-stage').click({ position: { x: 5, y: 5 } });
  for (const key of [' ', '.', 'r']) await page.keyboard.press(key);
  await expect(frame.getByTestId('step-counter')).toHaveText('0');
  // The settings show, disabled, each group saying why.
  await frame.getByRole('button', { name: '☰ Settings' }).click();
  const settings = frame.getByRole('complementary', { name: 'Experiment settings' });
  await expect(settings).toBeVisible();
  for (const group of ['presets', 'variants', 'testtime', 'network', 'training', 'data'])
    await expect(settings.locator(`fieldset[data-locked="${group}"]`)).toHaveJSProperty('disabled', true);
  await expect(settings.getByRole('combobox', { name: 'Preset' })).toBeDisabled();
  await expect(settings.getByRole('textbox', { name: 'Batch size' })).toBeDisabled();
  await page.locator('iframe').screenshot({ path: info.outputPath('embed-lab-locked-1280x720.png') });
});

test('an embedded story section shows its demo and focal chart, without prose or a prediction to answer first', async ({ page }, info) => {
  const frame = await embed(page, '?view=story&section=shift&embed=1', 1280, 720);
  await expect(frame.getByRole('heading', { level: 2 })).toContainText('shift');
  await expect(frame.getByRole('group', { name: 'This section’s run' })).toBeVisible();
  await expect(frame.getByTestId('demo-step')).toHaveText(/step [\d,]+ of/, { timeout: 30_000 });
  await expect(frame.locator('.story-focal svg').first()).toBeVisible();
  await expect(frame.locator('.predict, .story-lead, .contents')).toHaveCount(0);
  // The arrows stay on the section the link names (a deck around the frame has its own).
  await frame.getByRole('heading', { level: 2 }).click();
  await page.keyboard.press('ArrowRight');
  await expect(frame.getByRole('heading', { level: 2 })).toContainText('Internal covariate shift');
  expect((await overflow(frame)).x).toBeLessThanOrEqual(0);
  await page.locator('iframe').screenshot({ path: info.outputPath('embed-story-shift-1280x720.png') });
});

test('lock=presets (or all) disables choosing a scenario in the gallery, embedded or not, keyboard included', async ({ page }, info) => {
  for (const query of ['?view=scenarios&embed=1&lock=presets', '?view=scenarios&lock=all']) {
    const embedded = query.includes('embed=1');
    const frame = embedded ? await embed(page, query, 1280, 720) : null;
    if (!embedded) await page.goto(`/${query}`);
    const root = frame ?? page.locator('body');
    const gallery = root.locator('.gallery');
    await expect(gallery.getByRole('heading', { name: 'Scenarios', level: 2 })).toBeVisible({ timeout: 20_000 });
    await expect(gallery.getByText('Locked by the page that embeds this')).toBeVisible();
    const links = gallery.locator('.gallery-card a');
    const count = await links.count();
    expect(count).toBeGreaterThan(3);
    for (const link of await links.all()) {
      await expect(link).toHaveAttribute('aria-disabled', 'true');
      await expect(link).not.toHaveAttribute('href', /./);
    }
    // A click chooses nothing, and Tab from the gallery's heading never lands on a card.
    await links.first().click({ force: true });
    await gallery.getByRole('heading', { name: 'Scenarios', level: 2 }).click();
    for (let i = 0; i < count + 2; i++) {
      await page.keyboard.press('Tab');
      const onCard = await gallery.locator('.gallery-card :focus').count();
      expect(onCard, `Tab ${i + 1} lands on a card`).toBe(0);
    }
    await expect(gallery.getByRole('heading', { name: 'Scenarios', level: 2 })).toBeVisible();
    await expect(root.getByRole('button', { name: 'Step 10' })).toHaveCount(0);
    if (embedded) await page.locator('iframe').screenshot({ path: info.outputPath('embed-scenarios-locked-1280x720.png') });
  }
});
