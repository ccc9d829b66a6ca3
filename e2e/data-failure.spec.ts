import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const real = readFileSync('public/data/mnist.bin.gz');
/** The real file with one pixel byte changed: a valid gzip whose CRC-32 no longer matches. */
const flipped = (() => {
  const raw = gunzipSync(real);
  raw[raw.length - 100] ^= 0x55;
  return gzipSync(raw);
})();
/** The real file with trainCount set to 0: the header lies outside the checksummed body, so the CRC still matches. */
const noTraining = (() => {
  const raw = gunzipSync(real);
  raw.writeUInt32LE(0, 24);
  return gzipSync(raw);
})();
const binary = 'application/octet-stream';

for (const [what, route, reason] of [
  ['missing', { status: 404, body: 'not found' }, /404/],
  ['corrupt', { status: 200, body: 'SHIFTMN1 but then garbage', contentType: binary }, /./],
  ['truncated', { status: 200, body: real.subarray(0, real.length >> 1), contentType: binary }, /the MNIST file is truncated or corrupt: /],
  ['bad-checksum', { status: 200, body: flipped, contentType: binary }, /checksum|CRC/i],
  ['zero-training-digits', { status: 200, body: noTraining, contentType: binary }, /0 to train.*at least one training and one test digit/],
] as const) {
  test(`a ${what} MNIST file gives a clear message and training falls back to the synthetic set`, async ({ page }) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/data/mnist.bin.gz', (r) => r.fulfill(route));
    await page.goto('/?view=lab');
    const notice = page.getByText(/MNIST could not be loaded .*training on the synthetic blobs set instead/);
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toContainText(reason);
    await expect(notice).not.toContainText('Failed to fetch');
    await expect(page.getByLabel('Data set')).toHaveValue('blobs');
    await page.getByRole('button', { name: 'Step 10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('10');
    expect(pageErrors).toEqual([]);
  });
}

test('a data request that never answers is given up after 15 s without a byte, and training falls back to the synthetic set', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Never fulfilled, continued or aborted: the request hangs as a stalled server's would.
  await page.route('**/data/mnist.bin.gz', () => new Promise<void>(() => {}));
  await page.goto('/?view=lab');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
  const notice = page.getByText(/MNIST could not be loaded .*training on the synthetic blobs set instead/);
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice).toContainText('the MNIST download stalled: no data for 15 s (0 bytes received)');
  await expect(page.getByLabel('Data set')).toHaveValue('blobs');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Step 10' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('10');
  expect(pageErrors).toEqual([]);
});
