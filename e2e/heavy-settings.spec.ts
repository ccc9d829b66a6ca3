import { spawn, type ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { watchPageHealth } from './health.ts';
import { stepCount } from './lab.ts';

/** Every setting at its documented maximum at once. */
const HEAVIEST = '?v=1&view=lab&depth=6&width=256&batchSize=512&variants=none,before,after,noisy&probeEvery=1&inferEvery=1&evalEvery=1&evalBatchSize=10000';

/** Two processes that keep both cores busy: the machine runs about twice as slow, like a phone or an old laptop. */
function busyProcesses(): ChildProcess[] {
  return [0, 1].map(() => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

test('at every setting at its maximum, on a machine twice as slow, the lab trains with no restart and Pause holds within half a second', async ({ page }) => {
  test.setTimeout(240_000);
  const busy = busyProcesses();
  try {
    const health = watchPageHealth(page);
    await page.goto(`/${HEAVIEST}`);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    // Step 0 alone (four evaluations and inference probes of a 6×256 network on 10,000 test digits) takes long here.
    await expect(play).toBeEnabled({ timeout: 150_000 });
    await play.click();
    // It trains: slowly (a step takes seconds), saying what it is doing meanwhile.
    await expect(page.getByTestId('run-rate')).toHaveText(/probing the landscape|training|evaluating|measuring inference/, { timeout: 20_000 });
    await expect.poll(() => stepCount(page), { timeout: 150_000, intervals: [1000] }).toBeGreaterThanOrEqual(1);
    // Pause in the middle of a step: the button says Play again within half a second.
    const pauseMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const button = document.querySelector<HTMLButtonElement>('button.play');
          if (button === null) throw new Error('no play button');
          const t0 = performance.now();
          const observer = new MutationObserver(() => {
            if (button.getAttribute('aria-label') !== 'Play') return;
            observer.disconnect();
            resolve(performance.now() - t0);
          });
          observer.observe(button, { attributes: true });
          button.click();
        }),
    );
    expect(pauseMs).toBeLessThan(500);
    // And it holds: the step in flight waits (at most the one the trainer finished as it heard the pause).
    const paused = await stepCount(page);
    await page.waitForTimeout(3000);
    expect(await stepCount(page)).toBeLessThanOrEqual(paused + 1);
    await expect(play).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: /trainer stopped answering|took over|stays stopped/ })).toHaveCount(0);
    health.expectClean();
  } finally {
    for (const p of busy) p.kill();
  }
});
