import { expect, test, type Page } from '@playwright/test';
import { watchPageHealth } from './health.ts';

interface LabState {
  step: number;
  playing: boolean;
  status: string;
  view: string;
  config: { lr: number; depth: number; batchSize: number };
  variants: { name: string; placement: string; status: string }[];
}

/** The embedded lab's state, asked through the API as the example page asks it. */
const getState = (page: Page) => page.evaluate(() => (window as unknown as { shiftLab: { call(m: string): Promise<LabState> } }).shiftLab.call('getState'));

/** The events the example page has heard, by name. */
const eventsHeard = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { shiftLab: { events: { event: string; state: LabState }[] } }).shiftLab.events.map((e) => ({ event: e.event, state: e.state })),
  );

test('public/embed-example.html drives the embedded lab with its buttons, through the postMessage API', async ({ page }) => {
  const health = watchPageHealth(page);
  await page.goto('/embed-example.html');
  await expect(page.getByRole('status')).toHaveText('The lab is ready.', { timeout: 30_000 });
  expect((await eventsHeard(page))[0]).toMatchObject({ event: 'ready', state: { view: 'lab', step: 0 } });
  const first = await getState(page);
  expect(first).toMatchObject({ step: 0, playing: false, view: 'lab' });
  expect(first.variants.map((v) => [v.name, v.placement])).toEqual([
    ['plain', 'none'],
    ['bn-before', 'before'],
  ]);

  // Play: the run advances and step events arrive.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await getState(page)).step, { timeout: 15_000 }).toBeGreaterThan(20);
  await expect.poll(async () => (await eventsHeard(page)).filter((e) => e.event === 'step').length).toBeGreaterThan(1);
  expect((await eventsHeard(page)).some((e) => e.event === 'statechanged' && e.state.playing)).toBe(true);

  // Pause: it stops and stays stopped.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await getState(page)).playing).toBe(false);
  const paused = (await getState(page)).step;
  await page.waitForTimeout(500);
  expect((await getState(page)).step).toBe(paused);

  // Step n: exactly n more, then it holds.
  await page.getByLabel('Steps').fill('7');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(async () => (await getState(page)).step).toBe(paused + 7);
  await page.waitForTimeout(500);
  expect(await getState(page)).toMatchObject({ step: paused + 7, playing: false });

  // Placement after: BN moves after the activation (a new run from step 0).
  await page.getByRole('button', { name: 'Placement after' }).click();
  await expect.poll(async () => (await getState(page)).variants.map((v) => v.name)).toEqual(['plain', 'bn-after']);
  await expect.poll(async () => (await getState(page)).status, { timeout: 15_000 }).not.toBe('loading');
  expect(await getState(page)).toMatchObject({ step: 0, variants: [{ placement: 'none' }, { placement: 'after' }] });

  // A bad config is refused with a reason naming the field, and nothing changes.
  await page.getByLabel('Config').fill('{"depth": 2, "lr": -1}');
  await page.getByRole('button', { name: 'Set config' }).click();
  await expect(page.getByRole('alert')).toContainText('setConfig refused: setConfig refused, nothing changed: lr: -1 is not valid');
  expect((await getState(page)).config).toMatchObject({ depth: 3, lr: 0.5 });

  // A preset, and the state shown by the Get state button.
  await page.getByLabel('Preset').selectOption('tiny-batch');
  await expect.poll(async () => (await getState(page)).config.batchSize).toBe(4);
  await page.getByRole('button', { name: 'Get state' }).click();
  await expect(page.getByLabel('State')).toContainText('"batchSize": 4');
  await page.screenshot({ path: 'test-results/embed-example.png' });

  // goTo shows another view in place: the frame's address follows, replaced, and the host's history does not grow.
  const frame = page.frames().find((f) => f.url().includes('embed=1'));
  if (frame === undefined) throw new Error('no embedded frame');
  const entries = await page.evaluate(() => history.length);
  await page.evaluate(() =>
    (window as unknown as { shiftLab: { call(m: string, ...a: string[]): Promise<unknown> } }).shiftLab.call('goTo', 'story', 'transform'),
  );
  await expect.poll(() => frame.url()).toContain('section=transform');
  expect(await getState(page)).toMatchObject({ view: 'story', section: 'transform' });
  expect(await page.evaluate(() => history.length)).toBe(entries);
  health.expectClean();
});
