/**
 * The training view with Deep Search-lite: a link with `env=deepsearch` selects it, one iteration runs from the
 * shipped base checkpoint without an error, and the metrics export names the environment.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, waitForBackend } from './fixtures';

test('env=deepsearch trains one iteration from its base checkpoint and exports its metrics', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.goto('./#env=deepsearch&backend=wasm&B=2&G=2');
  await waitForBackend(page);
  await expect(page.getByTestId('env-select')).toHaveValue('deepsearch');
  await page.getByTestId('step-once').click();
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent()), { timeout: 180_000, intervals: [500] }).toBe(1);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByText('base checkpoint (deepsearch/tiny, supervised warm start)').first()).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const lines = (await readFile((await (await download).path())!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
  expect(lines[0]).toMatchObject({ env: 'deepsearch', preset: 'tiny', iteration: 1 });
  expect(Number.isFinite(lines[0]['env/success_rate'])).toBe(true);
  const path = testInfo.outputPath('training-deepsearch.png');
  await page.screenshot({ path });
  await testInfo.attach('training-deepsearch.png', { path, contentType: 'image/png' });
});
