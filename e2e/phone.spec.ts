/**
 * The page on a phone (390 × 844, touch): with no backend in the link it trains on wasm (or webgl) and
 * says why, shows the recording first with the central chart on the first screen and the settings
 * behind a button, fits the screen without sideways scrolling, and Play works by touch. A backend named in the link still wins.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * How far the page is wider than the screen (0 when it fits). Measured against the device's width, not
 * `innerWidth`: a phone widens its layout viewport to a page that overflows and zooms out.
 */
async function overflow(page: Page): Promise<number> {
  return (await page.evaluate(() => document.scrollingElement!.scrollWidth)) - page.viewportSize()!.width;
}

test('a phone defaults to wasm and the recording, fits the screen, and trains by touch', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.goto('./');
  expect(await waitForBackend(page)).toMatch(/^(wasm|webgl)$/);
  await expect(page.getByTestId('backend-reason')).toBeVisible();
  await expect(page.getByTestId('backend-reason')).toContainText(/phone or touch screen/i);
  await expect(page.getByTestId('backend-reason')).not.toContainText('#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible();
  await expect(page.getByTestId('iteration')).not.toHaveText('0');
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  // The story first: the central chart starts on the first screen, above the settings (behind a button).
  const chart = await page.getByTestId('entropy-grad-chart').boundingBox();
  expect(chart!.y).toBeLessThan(844 - 120);
  await expect(page.getByTestId('settings-drawer')).toBeHidden();
  await page.getByTestId('settings-open').tap();
  await expect(page.getByTestId('settings-drawer')).toBeVisible();
  await page.getByTestId('settings-close').tap();
  await expect(page.getByTestId('settings-drawer')).toBeHidden();
  await screenshot(page, testInfo, 'phone-first-paint');

  // A smaller run than the recording's, so one iteration is quick.
  await page.evaluate(() => { window.location.hash = '#B=2&G=2&steps=20'; });
  await expect(page.getByTestId('recording-mark')).toHaveCount(0);
  await page.getByTestId('play').tap();
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent()), { timeout: 240_000, intervals: [500] }).toBeGreaterThanOrEqual(1);
  await page.getByTestId('pause').tap();
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('success-rate')).toHaveText(/^\d\.\d\d$/);
  await expect(page.locator('[data-testid="entropy-grad-chart"] [data-testid="scatter-active"]').first()).toBeAttached();
  expect(await overflow(page)).toBeLessThanOrEqual(0);
  await page.getByTestId('entropy-grad-chart').scrollIntoViewIfNeeded();
  await screenshot(page, testInfo, 'phone-trained');
});

test('on a phone a backend named in the link wins over the default', async ({ page }) => {
  await page.goto('./#backend=cpu&B=2&G=2');
  expect(await waitForBackend(page)).toBe('cpu');
  await expect(page.getByTestId('backend-reason')).toContainText('#backend=cpu');
});
