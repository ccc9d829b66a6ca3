import { expect, test } from '@playwright/test';

for (const [what, route] of [
  ['missing', { status: 404, body: 'not found' }],
  ['corrupt', { status: 200, body: 'SHIFTMN1 but then garbage', contentType: 'application/octet-stream' }],
] as const) {
  test(`a ${what} MNIST file gives a clear message and training falls back to the synthetic set`, async ({ page }) => {
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.route('**/data/mnist.bin.gz', (r) => r.fulfill(route));
    await page.goto('/');
    await expect(page.getByText(/MNIST could not be loaded .*training on the synthetic blobs set instead/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByLabel('Data set')).toHaveValue('blobs');
    await page.getByRole('button', { name: 'Step 10' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('10');
    expect(pageErrors).toEqual([]);
  });
}
