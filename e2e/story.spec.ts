import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { openLab, openSection, stepCount } from './lab.ts';
import { expectOneScreen } from './storyFit.ts';

const SECTIONS = ['opening', 'scaling', 'shift', 'transform', 'bias', 'inference', 'rates', 'limits', 'noisy', 'smoothness', 'evidence'];

test('the story opens on its first picture, and ← → and the contents move between sections that the address remembers', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/');
  const contents = page.getByRole('navigation', { name: 'Story contents' });
  await expect(contents.getByRole('link')).toHaveCount(SECTIONS.length);
  await expect(page.locator('#story-title')).toContainText('Same start, same batches');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#story-title')).toContainText('Feature scaling');
  await expect(page).toHaveURL(/section=scaling/);
  await contents.getByRole('link', { name: /Bias neutralization/ }).click();
  await expect(page.locator('#story-title')).toContainText('Bias neutralization');
  await page.goBack();
  await expect(page.locator('#story-title')).toContainText('Feature scaling');
  await page.reload();
  await expect(page.locator('#story-title')).toContainText('Feature scaling');
  await openSection(page, 'nonsense');
  await expect(page.locator('#story-title')).toContainText('Same start, same batches');
  await expect(page.getByText(/Unknown story section "nonsense"/)).toBeVisible();
  // Let the opening's data arrive before the page closes, so no request is cut off.
  await expect(page.getByTestId('demo-step')).toContainText(/step [1-9]/, { timeout: 20_000 });
  health.expectClean();
});

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

// Each section runs once and is checked at both sizes (the window resized, as a projector's might be), before
// and after its run; the sections are split in two halves that run side by side.
for (const half of [SECTIONS.slice(0, 6), SECTIONS.slice(6)]) {
  test(`sections ${half[0]} to ${half.at(-1)} fit 1366×768 and 1920×1080, in presenter mode too, before and after their run, with the focal chart on ≥ 40% of the screen`, async ({
    page,
  }, info) => {
    test.setTimeout(300_000);
    const bothModes = async (when: string, shot: string): Promise<void> => {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const at = `${when} at ${size.width}×${size.height}`;
        // The charts lay out again on their resize observers: checked once they have.
        await expect(() => expectOneScreen(page, `${at}:`)).toPass({ timeout: 5_000 });
        if (shot !== '') await page.screenshot({ path: info.outputPath(`${shot}-${size.width}x${size.height}.png`) });
        await page.keyboard.press('p');
        await expect(page.locator('html')).toHaveAttribute('data-present', '');
        await expect(() => expectOneScreen(page, `${at}, presenting:`)).toPass({ timeout: 5_000 });
        if (shot !== '') await page.screenshot({ path: info.outputPath(`${shot}-${size.width}x${size.height}-present.png`) });
        await page.keyboard.press('p');
        await expect(page.locator('html')).not.toHaveAttribute('data-present', '');
      }
    };
    for (const section of half) {
      await page.setViewportSize(SIZES[0]);
      await page.goto(`/?view=story&section=${section}&qa=fastdemo`);
      await expect(page.locator('.story-focal .focal-chart')).toBeVisible();
      await bothModes(`${section}, before its run`, '');
      // The first choice (right or wrong: a wrong guess keeps two choices in view), then the run to its end.
      const choice = page.locator('.predict-choice').first();
      if ((await choice.count()) > 0) {
        await choice.click();
        await expect(page.locator('.predict')).toHaveAttribute('data-state', 'revealed', { timeout: 30_000 });
      }
      // (A prediction can be revealed once its answer is settled, before the run's last step: wait for the end too.)
      const step = page.getByTestId('demo-step');
      if ((await step.count()) > 0) await expect(step).toHaveText(/^step (\d[\d,]*) of \1(?![\d,])/, { timeout: 30_000 });
      const ended = (await step.count()) > 0 ? await step.textContent() : null;
      await bothModes(`${section}, after its run`, `story-${section}`);
      // Presenting and resizing neither restart nor lose the finished run.
      if (ended !== null) await expect(step).toHaveText(ended);
    }
  });
}

test('predict, then run: the run waits for the prediction, starts at step 0, and the answer shows beside the guess', async ({ page }) => {
  const health = watchPageHealth(page);
  // (qa=fastdemo: the run skips its watching pace, so the test need not wait ten seconds for it.)
  await page.goto('/?view=story&section=rates&qa=fastdemo');
  await expect(page.getByTestId('demo-step')).toHaveText('waits for your prediction');
  await expect(page.locator('[data-chart="race"] .race-line')).toHaveCount(0);
  await page.getByRole('button', { name: 'Both learn faster' }).click();
  await expect(page.getByTestId('demo-step')).toContainText(/step \d+ of 500/, { timeout: 20_000 });
  // The first evaluation drawn is step 0's.
  await expect(page.locator('[data-chart="race"]')).toHaveAttribute('data-first-step', '0');
  await expect(page.getByTestId('demo-step')).toContainText('step 500 of 500', { timeout: 40_000 });
  await expect(page.locator('.predict[data-state="revealed"]')).toBeVisible();
  await expect(page.getByRole('button', { name: /Both learn faster/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.predict-choice[data-answer]')).toHaveCount(1);
  await expect(page.locator('.predict-why')).not.toBeEmpty();
  // The guess stays on the device: a reload runs at once, with the guess still shown.
  await page.reload();
  await expect(page.getByRole('button', { name: /Both learn faster/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('demo-step')).toContainText(/step \d+ of 500/, { timeout: 20_000 });
  await expect(page.getByTestId('demo-step')).toContainText('step 500 of 500', { timeout: 40_000 });
  health.expectClean();
});

test('the opening’s claim says what its chart shows: the step at which each network passed 90%', async ({ page }) => {
  await page.goto('/?qa=fastdemo');
  await expect(page.getByTestId('demo-step')).toContainText('step 500 of 500', { timeout: 40_000 });
  const claim = (await page.getByTestId('claim-run').textContent()) ?? '';
  for (const label of await page.locator('[data-chart="race"] .race-label[data-kind="reached"]').all()) {
    const step = Number(await label.getAttribute('data-step'));
    expect(claim).toContain(`at step ${step.toLocaleString('en-US')}`);
  }
  // The measured sentence names its seeds and numbers from the claims, not from this run.
  await expect(page.locator('.claim-measured')).toContainText('Over 5 seeds');
});

test('the lab’s long run never leaks into the story: each section starts its own run from step 0', async ({ page }) => {
  await openLab(page, '?dataset=blobs');
  await page.getByRole('button', { name: 'Step 10' }).click();
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect.poll(() => stepCount(page)).toBe(20);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /The story/ })
    .click();
  await expect(page.getByTestId('demo-step')).toContainText(/step \d+ of 500/, { timeout: 20_000 });
  const seen = Number((await page.getByTestId('demo-step').textContent())?.match(/step (\d+)/)?.[1]);
  expect(seen).toBeLessThan(400);
  // Back in the lab, its run is where it was.
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('link', { name: /Batch-norm lab/ })
    .click();
  await expect.poll(() => stepCount(page)).toBe(20);
});

test('Space runs, pauses and goes on; R replays from step 0', async ({ page }) => {
  await openSection(page, 'noisy');
  await page.keyboard.press(' ');
  // Paused at step 100 or later, so that a replay (from 0, at the watching pace) is plainly behind it when read.
  await expect(page.getByTestId('demo-step')).toContainText(/step [1-9]\d{2,} of 500/, { timeout: 30_000 });
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Go on' })).toBeVisible();
  const held = await page.getByTestId('demo-step').textContent();
  await page.waitForTimeout(600);
  expect(await page.getByTestId('demo-step').textContent()).toBe(held);
  await page.keyboard.press('r');
  await expect(page.getByTestId('demo-step')).toContainText(/step \d+ of 500/);
  const replayed = Number((await page.getByTestId('demo-step').textContent())?.match(/step (\d+)/)?.[1]);
  expect(replayed).toBeLessThan(Number(held?.match(/step (\d+)/)?.[1]) + 1);
});
