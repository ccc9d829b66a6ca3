import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { watchPageHealth } from './health.ts';

/**
 * A real reveal.js deck (e2e/deck/) as the API's client, on another origin than the app: the deck is served
 * from https://deck.test by the test, its labs from the app's own server. The deck is driven only by reveal's
 * keyboard navigation; what the labs do is read through their API (getState, and the events they post).
 *
 * Chromium's Local Network Access checks block a public page from framing a loopback one (the app's test
 * server), and a page answered by page.route counts as public. A deck hosted for real and a lab hosted for
 * real are both public; here the deck is https (a secure context, as LNA asks) and granted the permission.
 */
const DECK = 'https://deck.test';
const deckDir = fileURLToPath(new URL('./deck/', import.meta.url));
const revealDir = fileURLToPath(new URL('../node_modules/reveal.js/dist/', import.meta.url));

interface Variant {
  name: string;
  placement: string;
  trainLoss: number | null;
  testAcc: number | null;
  status: string;
}
interface LabState {
  step: number;
  playing: boolean;
  view: string;
  section: string | null;
  variants: Variant[];
  demo: { phase: string; step: number; target: number; run: number } | null;
}
interface LabEvent {
  frame: number;
  event: string;
  at: number;
  state?: LabState;
}

/** Serves the deck's files, and reveal's dist files under /reveal/, at DECK. */
async function serveDeck(page: Page) {
  await page.route(`${DECK}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/' || path === '/index.html') return route.fulfill({ path: `${deckDir}index.html` });
    if (path === '/deck.js') return route.fulfill({ path: `${deckDir}deck.js` });
    const reveal = /^\/reveal\/([\w/.-]+)$/.exec(path);
    if (reveal && !reveal[1].includes('..')) return route.fulfill({ path: `${revealDir}${reveal[1]}` });
    return route.fulfill({ status: 404, body: `not in the deck: ${path}` });
  });
}

const getState = (page: Page, frame: number) => page.evaluate((f) => window.callLab(f, 'getState') as Promise<LabState>, frame);
const labEvents = (page: Page, frame: number, event?: string) =>
  page.evaluate(([f, name]) => (window.__labEvents as LabEvent[]).filter((e) => e.frame === f && (name === undefined || e.event === name)), [
    frame,
    event,
  ] as const);
const slideId = (page: Page) => page.evaluate(() => Reveal.getCurrentSlide().id);

/** Presses a key as a presenter would: on the deck, never inside an embedded lab. */
async function press(page: Page, key: string) {
  expect(await page.evaluate(() => document.activeElement?.tagName), 'focus is on the deck, not in a lab').not.toBe('IFRAME');
  await page.keyboard.press(key);
}

test('a reveal.js deck on another origin plays a slide’s lab on entering, pauses it on leaving, and moves BN after the activation with a fragment', async ({
  page,
  baseURL,
}) => {
  const health = watchPageHealth(page);
  await serveDeck(page);
  await page.context().grantPermissions(['local-network-access'], { origin: DECK });
  await page.goto(`${DECK}/?lab=${encodeURIComponent(baseURL!)}`);
  await expect.poll(() => page.evaluate(() => Reveal.isReady())).toBe(true);
  expect(await slideId(page)).toBe('title');
  // Both labs are preloaded (data-src within viewDistance) and say they are ready; neither plays on the title slide.
  await expect.poll(async () => (await labEvents(page, 0, 'ready')).length + (await labEvents(page, 1, 'ready')).length, { timeout: 30_000 }).toBe(2);
  for (const frame of [0, 1]) expect(await getState(page, frame)).toMatchObject({ playing: false, step: 0, view: 'lab' });

  // Slide 2: its lab plays; it says so (statechanged, then step events) and its step advances.
  await press(page, 'ArrowRight');
  expect(await slideId(page)).toBe('curves');
  await expect.poll(async () => (await getState(page, 0)).playing).toBe(true);
  await expect.poll(async () => (await getState(page, 0)).step).toBeGreaterThan(0);
  expect((await labEvents(page, 0, 'statechanged')).some((e) => e.state?.playing === true)).toBe(true);
  // At most 4 step events a second: five never arrive within 900 ms (timed on arrival, so 100 ms is left for the
  // delivery's jitter between processes; a lab posting at its snapshot rate, ~20 a second, would put five in 250 ms).
  await expect.poll(async () => (await labEvents(page, 0, 'step')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(6);
  const steps = await labEvents(page, 0, 'step');
  for (let i = 4; i < steps.length; i++) expect(steps[i].at - steps[i - 4].at).toBeGreaterThanOrEqual(900);
  expect(steps.every((e) => e.state?.playing === true && e.state.step > 0)).toBe(true);
  expect((await getState(page, 1)).playing, 'the next slide’s lab waits').toBe(false);

  // Slide 3: the first lab pauses and holds its step while the second one plays.
  await press(page, 'ArrowRight');
  expect(await slideId(page)).toBe('placement');
  await expect.poll(async () => (await getState(page, 0)).playing).toBe(false);
  expect((await labEvents(page, 0, 'statechanged')).at(-1)?.state?.playing).toBe(false);
  const held = (await getState(page, 0)).step;
  await expect.poll(async () => (await getState(page, 1)).step).toBeGreaterThan(0);
  const second = await getState(page, 1);
  expect(second.playing).toBe(true);
  expect(second.variants.map((v) => v.placement)).toEqual(['none', 'before']);
  await expect.poll(async () => (await getState(page, 1)).step).toBeGreaterThan(second.step);
  expect((await getState(page, 0)).step, 'the left slide’s lab stays paused').toBe(held);

  // The fragment moves BN after the activation; stepping back hides it and moves BN back before.
  await press(page, 'ArrowRight');
  await expect(page.locator('#after-fragment')).toHaveClass(/visible/);
  expect(await slideId(page)).toBe('placement');
  await expect.poll(async () => (await getState(page, 1)).variants.map((v) => v.placement)).toEqual(['none', 'after']);
  await press(page, 'ArrowLeft');
  await expect(page.locator('#after-fragment')).not.toHaveClass(/visible/);
  await expect.poll(async () => (await getState(page, 1)).variants.map((v) => v.placement)).toEqual(['none', 'before']);
  expect(await slideId(page)).toBe('placement');
  expect((await getState(page, 0)).playing).toBe(false);

  // The story slide pauses the second lab, and replays the section's demo from step 0: a new run that plays.
  await press(page, 'ArrowRight');
  await press(page, 'ArrowRight');
  expect(await slideId(page)).toBe('drift');
  await expect.poll(async () => (await getState(page, 1)).playing).toBe(false);
  // The story frame says ready once its demo's run has loaded (held while its slide was not shown); the deck's held reset follows.
  await expect.poll(async () => (await labEvents(page, 2, 'ready')).length, { timeout: 30_000 }).toBe(1);
  const ready = (await labEvents(page, 2, 'ready'))[0].state!;
  expect(ready).toMatchObject({ view: 'story', section: 'shift', demo: { target: 500 } });
  await expect.poll(async () => (await getState(page, 2)).demo?.run).toBeGreaterThan(ready.demo!.run);
  await expect.poll(async () => (await getState(page, 2)).playing, { timeout: 20_000 }).toBe(true);
  const replayed = await getState(page, 2);
  expect(replayed.variants.map((v) => v.placement)).toEqual(['none', 'before']);
  await expect.poll(async () => (await labEvents(page, 2, 'step')).filter((e) => e.state?.demo?.run === replayed.demo?.run).length).toBeGreaterThan(0);

  // The closing slide pauses the demo, which then holds its step.
  await press(page, 'ArrowRight');
  expect(await slideId(page)).toBe('end');
  await expect.poll(async () => (await getState(page, 2)).demo?.phase).toMatch(/^(paused|done)$/);
  const stopped = (await getState(page, 2)).step;
  await page.waitForTimeout(500);
  expect((await getState(page, 2)).step).toBe(stopped);
  // Every call the deck made was taken, and reveal's own 'slide:start' / 'slide:stop' strings were ignored, not refused.
  for (const frame of [0, 1, 2]) expect(await labEvents(page, frame, 'error')).toEqual([]);
  health.expectClean();
});

declare global {
  interface Window {
    callLab(frame: number, method: string, args?: unknown[]): Promise<unknown>;
    __labEvents: unknown[];
  }
  const Reveal: { isReady(): boolean; getCurrentSlide(): HTMLElement };
}
