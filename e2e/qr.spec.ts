import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { watchPageHealth } from './health.ts';
import { openLab } from './lab.ts';

/** The link in the page's QR code, read from a screenshot of it as a phone's camera would (jsQR on the pixels). */
async function scanQr(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await page.getByTestId('class-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** A page's own address (every changed field, written after a change), without presenter mode. */
const settled = (url: string) => url.replace(/&present=1/, '');

test('Q in presenter mode shows a QR code of the compact link, which opens the same setup; Esc closes it', async ({ page, context, baseURL }) => {
  const health = watchPageHealth(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openLab(page, '?preset=noisy-bn&seed=7&lr=0.2');
  await page.keyboard.press('p');
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  await expect(page).toHaveURL(/present=1/);
  const address = settled(page.url());
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));

  await page.keyboard.press('q');
  const dialog = page.getByRole('dialog', { name: 'Scan to open this on your phone' });
  await expect(dialog).toBeVisible();
  const link = await scanQr(page);
  // The preset and the two fields changed from it, the view, and no presenter mode: the students open the page.
  expect(link).toBe(`${baseURL}/?v=1&view=lab&preset=noisy-bn&lr=0.2&seed=7`);
  await expect(page.getByTestId('class-qr-link')).toHaveText(`${new URL(baseURL ?? '').host}/?v=1&view=lab&preset=noisy-bn&lr=0.2&seed=7`);
  expect([...origins].every((o) => o === new URL(baseURL ?? '').origin)).toBe(true);

  // A phone opening it gets the same config (and the preset’s “what to watch”): its address, written in full (on any change, so P twice), is the presenter's.
  const phone = await context.newPage();
  await openLab(phone, new URL(link ?? '').search);
  await phone.keyboard.press('p');
  await phone.keyboard.press('p');
  await expect(phone).toHaveURL(address);
  await expect(phone.getByText(/Noisy BN: shifted on purpose, and still fast: /)).toBeVisible();
  await phone.close();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-present', '');
  // The shortcut sheet's button shows it too, and Q closes it.
  await page.keyboard.press('?');
  await page.screenshot({ path: 'test-results/qr-sheet.png' });
  await page.getByRole('button', { name: /Show the class a QR code/ }).click();
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('q');
  await expect(dialog).toHaveCount(0);
  health.expectClean();
});

const SCREENS = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
];

test('the QR code scans at 1366×768, 1920×1080 and on a phone, in both themes, large, with its link in view, and axe-clean', async ({ page, baseURL }) => {
  for (const theme of ['light', 'dark'])
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      await page.goto(`/?v=1&view=story&section=bias&seed=3&present=1&theme=${theme}`);
      await expect(page.getByTestId('slide-place')).toBeVisible();
      await page.keyboard.press('q');
      const qr = page.getByTestId('class-qr');
      await expect(qr).toBeVisible();
      expect(await scanQr(page), `${theme} ${screen.name}`).toBe(`${baseURL}/?v=1&view=story&section=bias&seed=3&theme=${theme}`);
      // The symbol (a square letterboxed in the element) spans most of the screen's shorter side.
      const box = await qr.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0), `${theme} ${screen.name}`).toBeGreaterThan(0.55 * Math.min(screen.width, screen.height));
      const text = await page.getByTestId('class-qr-link').boundingBox();
      expect((text?.y ?? 0) + (text?.height ?? 0)).toBeLessThanOrEqual(screen.height);
      await expect(page.getByRole('button', { name: 'Close (Esc)' })).toBeInViewport();
      if (screen.name === '1920x1080') {
        const axe = await new AxeBuilder({ page }).include('.class-qr').analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      }
      await page.screenshot({ path: `test-results/qr-${screen.name}-${theme}.png` });
    }
});
