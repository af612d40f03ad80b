/**
 * axe-core on the main views — first paint, after a live iteration, the inspector, presentation mode and
 * the phone view: no serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

/** The serious and critical violations on the page now, one readable line per rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

test('first paint and presentation mode: no serious or critical axe violations', async ({ page }) => {
  test.setTimeout(480_000);
  await page.goto('./#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('inspector-step')).toBeVisible();
  await waitForBackend(page);
  expect(await seriousViolations(page), 'first paint').toEqual([]);
  await page.getByTestId('present-toggle').click();
  await expect(page.locator('.training-view.present')).toBeVisible();
  expect(await seriousViolations(page), 'presentation mode').toEqual([]);
  await page.getByTestId('settings-open').click();
  expect(await seriousViolations(page), 'presentation mode, settings drawer').toEqual([]);
});

test('after a live iteration, with the inspector open on a step: no serious or critical axe violations', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm&B=2&G=4&steps=8');
  await waitForBackend(page);
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 180_000 });
  await expect(page.getByTestId('inspector-observation')).not.toHaveText('loading…', { timeout: 60_000 });
  expect(await seriousViolations(page), 'after an iteration').toEqual([]);
  await page.getByTestId('traj-chip').nth(1).click();
  await page.getByTestId('next-step').click();
  await page.locator('#empg-in-60s summary').click();
  expect(await seriousViolations(page), 'inspector and EMPG in 60 seconds').toEqual([]);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('the phone view: no serious or critical axe violations', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('./');
    await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('inspector-observation')).not.toHaveText('loading…', { timeout: 60_000 });
    await waitForBackend(page);
    expect(await seriousViolations(page), 'phone').toEqual([]);
  });
});
