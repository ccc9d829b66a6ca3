import { expect, test, type Page } from '@playwright/test';

interface DemoState {
  step: number;
  playing: boolean;
  view: string;
  section: string | null;
  demo: { phase: string; step: number; target: number; run: number } | null;
}

/**
 * A course page with a story section's frame below the fold, and the API's client in a few lines: `host.call`
 * answers with a call's result or throws its error, `host.events` keeps what the frame posted.
 */
async function coursePage(page: Page, query: string) {
  const src = new URL(`/${query}`, test.info().project.use.baseURL).href;
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.setContent(`<!doctype html><title>Course</title><body style="margin:8px">
    <p style="height:1500px">Read this first.</p>
    <iframe title="Shift Lab" src="${src}" width="800" height="500" style="border:0;display:block"></iframe>
    <p style="height:1500px">And then this.</p>
    <script>
      const frame = document.querySelector('iframe');
      const waiting = new Map();
      let next = 1;
      window.host = {
        events: [],
        call(method, args = []) {
          const callbackId = next++;
          return new Promise((resolve, reject) => {
            waiting.set(callbackId, { resolve, reject });
            frame.contentWindow.postMessage({ namespace: 'shift-lab', method, args, callbackId }, '*');
          });
        },
      };
      addEventListener('message', (e) => {
        if (e.source !== frame.contentWindow || e.data?.namespace !== 'shift-lab') return;
        if (e.data.event !== 'callback') return void window.host.events.push(e.data);
        const p = waiting.get(e.data.callbackId);
        waiting.delete(e.data.callbackId);
        'error' in e.data ? p?.reject(new Error(e.data.error)) : p?.resolve(e.data.result);
      });
    </script>`);
}

const call = (page: Page, method: string, args: unknown[] = []) =>
  page.evaluate(([m, a]) => (window as unknown as { host: { call(m: string, a: unknown[]): Promise<DemoState> } }).host.call(m, a), [method, args] as const);
const events = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { host: { events: { event: string; state: DemoState }[] } }).host.events.map((e) => ({ event: e.event, state: e.state })),
  );
const scrollTo = (page: Page, y: number) => page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);

test('an embedded story section waits off screen, plays its demo when scrolled to, and its host drives that demo through the API', async ({ page }) => {
  await coursePage(page, '?view=story&section=shift&embed=1');
  // Ready once the demo's run has loaded, held at step 0: the frame is below the fold.
  await expect.poll(async () => (await events(page)).filter((e) => e.event === 'ready').length, { timeout: 30_000 }).toBe(1);
  expect((await events(page))[0].state).toMatchObject({ view: 'story', section: 'shift', playing: false, step: 0, demo: { phase: 'paused', target: 500 } });
  await page.waitForTimeout(500);
  expect((await call(page, 'getState')).step, 'held while nobody can see it').toBe(0);

  // Scrolled into view, it plays from step 0.
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await call(page, 'getState')).step).toBeGreaterThan(0);
  expect((await call(page, 'getState')).playing).toBe(true);
  expect((await events(page)).some((e) => e.event === 'step' && e.state.demo?.phase === 'running')).toBe(true);

  // The host pauses it; scrolling away and back leaves the host's pause alone.
  await expect(call(page, 'step', [5])).rejects.toThrow(/step counts the lab’s steps/);
  await call(page, 'pause');
  await expect.poll(async () => (await call(page, 'getState')).playing).toBe(false);
  const held = (await call(page, 'getState')).step;
  await scrollTo(page, 0);
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  expect(await call(page, 'getState')).toMatchObject({ playing: false, step: held });

  // Played again, it holds when scrolled away and goes on when back.
  await call(page, 'play');
  await expect.poll(async () => (await call(page, 'getState')).step).toBeGreaterThan(held);
  await scrollTo(page, 0);
  await expect.poll(async () => (await call(page, 'getState')).playing).toBe(false);
  const away = (await call(page, 'getState')).step;
  await page.locator('iframe').scrollIntoViewIfNeeded();
  await expect.poll(async () => (await call(page, 'getState')).step).toBeGreaterThan(away);

  // Reset replays it from step 0: a new run.
  const run = (await call(page, 'getState')).demo!.run;
  await call(page, 'reset');
  await expect.poll(async () => (await call(page, 'getState')).demo?.run).toBeGreaterThan(run);
});
