// npm run bench:ui: trains bn-paper at max speed for 30 s in Chromium with every panel on screen, and reports
// paired steps/s, main-thread frame times, long tasks and the JS heap. A measurement, not a test.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const PORT = 4180;
const SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 30);
const json = process.argv.includes('--json');

const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
const stop = () => server.kill();
process.on('exit', stop);

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

await waitForServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--enable-precise-memory-info'],
});
// Tall enough that every panel is on screen at once.
const page = await browser.newPage({ viewport: { width: 1920, height: 2000 } });
const cdp = await page.context().newCDPSession(page);
// The page's own choice by default (one worker per variant from 2 cores); BENCH_UI_PARALLEL=1 or 0 forces either.
const forced = process.env.BENCH_UI_PARALLEL === '1' || process.env.BENCH_UI_PARALLEL === '0' ? process.env.BENCH_UI_PARALLEL : null;
const parallel = forced === null ? availableParallelism() >= 2 : forced === '1';
// BENCH_UI_VARIANTS=none,ln-before,linf-before measures other normalizations (the page reports any bad value).
const variants = process.env.BENCH_UI_VARIANTS ? `&variants=${encodeURIComponent(process.env.BENCH_UI_VARIANTS)}` : '';
await page.goto(`http://127.0.0.1:${PORT}/?preset=bn-paper${forced === null ? '' : `&parallel=${forced}`}${variants}`);
await page.getByRole('button', { name: 'Play' }).waitFor();
await page.waitForFunction('!document.querySelector("button.play").disabled', null, { timeout: 30_000 });

const heap = async () => {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await page.evaluate('performance.memory.usedJSHeapSize')) as number;
};
const heapBefore = await heap();
// A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
await page.evaluate(`(() => {
  window.__frames = [];
  window.__long = [];
  let last = performance.now();
  const tick = (t) => { window.__frames.push(t - last); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
})()`);
const counter = page.getByTestId('step-counter');
const readStep = async () => Number((await counter.textContent())?.replace(/,/g, ''));
await page.getByRole('button', { name: 'Play' }).click();
const t0 = Date.now();
const s0 = await readStep();
await page.waitForTimeout(SECONDS * 1000);
const s1 = await readStep();
const elapsed = (Date.now() - t0) / 1000;
const { frames, long } = (await page.evaluate('({ frames: window.__frames.slice(1), long: window.__long })')) as { frames: number[]; long: number[] };
await page.getByRole('button', { name: 'Pause' }).click();
const heapAfter = await heap();
await browser.close();
stop();

const sorted = [...frames].sort((a, b) => a - b);
const result = {
  parallel,
  seconds: +elapsed.toFixed(1),
  pairedSteps: s1 - s0,
  pairedStepsPerSecond: +((s1 - s0) / elapsed).toFixed(1),
  frames: frames.length,
  frameMeanMs: +(frames.reduce((a, b) => a + b, 0) / frames.length).toFixed(2),
  frameP95Ms: +sorted[Math.floor(0.95 * (sorted.length - 1))].toFixed(2),
  longTasks: long.length,
  longTaskMaxMs: +Math.max(0, ...long).toFixed(1),
  heapBeforeMB: +(heapBefore / 1e6).toFixed(1),
  heapAfterMB: +(heapAfter / 1e6).toFixed(1),
};
if (json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`bench:ui  bn-paper at max speed for ${result.seconds} s, all panels visible (1920×2000), ${parallel ? 'one worker per variant' : 'one worker'}`);
  console.log(`paired steps/s      ${result.pairedStepsPerSecond}   (${result.pairedSteps} paired steps; target ≥ 170)`);
  console.log(`frame time          mean ${result.frameMeanMs} ms, p95 ${result.frameP95Ms} ms over ${result.frames} frames (target p95 ≤ 20 ms)`);
  console.log(`long tasks > 50 ms  ${result.longTasks} (longest ${result.longTaskMaxMs} ms)`);
  console.log(
    `JS heap (main)      ${result.heapBeforeMB} MB before, ${result.heapAfterMB} MB after: growth ${(result.heapAfterMB - result.heapBeforeMB).toFixed(1)} MB (soak target ≤ 20 MB)`,
  );
}
