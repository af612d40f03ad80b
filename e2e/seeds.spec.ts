/**
 * Compare lanes across seeds: GRPO vs GRPO + EMPG trained from two seeds for a few iterations each, then
 * each lane's mean ± std band; the run controls wait meanwhile and the first seed is set again after.
 */
import { test, expect, waitForBackend } from './fixtures';

test('two lanes across two seeds: mean ± std bands, controls wait, the seed comes back', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm&B=2&G=2&steps=10&compare=1&seed=4');
  await waitForBackend(page);
  const panel = page.getByTestId('seed-sweep');
  await panel.locator('summary').click();
  await page.getByTestId('sweep-seeds').selectOption('2');
  await page.getByTestId('sweep-iterations').selectOption('3');
  await page.getByTestId('sweep-start').click();
  await expect(page.getByTestId('sweep-status')).toContainText(/Seed [45] \([12] of 2\), iteration \d of 3/);
  await expect(page.getByTestId('step-once')).toBeDisabled();
  await expect(page.getByTestId('play')).toBeDisabled();
  await expect(page.getByTestId('sweep-status')).toHaveText('Done: 2 seeds × 3 iterations.', { timeout: 240_000 });

  for (const metric of ['env/success_rate', 'entropy/step_mean']) {
    const chart = page.getByTestId(`band-${metric}`);
    await expect(chart.locator('path.recharts-area-area')).toHaveCount(2);
    await expect(chart.locator('path.recharts-line-curve')).toHaveCount(2);
    for (const path of await chart.locator('path.recharts-area-area, path.recharts-line-curve').all()) {
      await expect(path).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);
    }
  }
  await expect(page).toHaveURL(/seed=4/);
  await expect(page.getByTestId('step-once')).toBeEnabled();
  const shot = testInfo.outputPath('seed-bands.png');
  await panel.screenshot({ path: shot });
  await testInfo.attach('seed-bands', { path: shot, contentType: 'image/png' });
});
