/**
 * Export and import in the browser: a short run's metrics (JSON lines) and checkpoint are downloaded,
 * then imported through the import controls — the checkpoint becomes the live run's starting point, the
 * metrics file is shown as a recorded run with its iterations and curves. Malformed files (valid JSON of
 * the wrong shape, or JSON cut short) are refused with a message naming the file and the problem, and
 * what was on screen stays.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, stepIterations, waitForBackend } from './fixtures';

async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const pending = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await pending;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('export a short run, import its checkpoint and its metrics; malformed files are refused and the page keeps working', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm&B=2&G=2&steps=10');
  await waitForBackend(page);
  await stepIterations(page, 2);
  const metrics = await download(page, 'export-jsonl');
  expect(metrics.text.trim().split('\n')).toHaveLength(2);
  const checkpoint = await download(page, 'export-checkpoint');
  expect(JSON.parse(checkpoint.text)).toMatchObject({ format: 'empg-playground-checkpoint', iteration: 2 });

  // The checkpoint: the live run restarts from its weights.
  await page.getByTestId('import-checkpoint').setInputFiles(asFile(checkpoint.name, checkpoint.text));
  await expect(page.getByTestId('import-status')).toContainText(`Loaded checkpoint ${checkpoint.name}`);
  await expect(page.locator('.init-label')).toContainText(`loaded file ${checkpoint.name}`);
  await expect(page.getByTestId('iteration')).toHaveText('0');
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 180_000 });

  // The metrics file: viewed as a recorded run, two iterations, curves drawn.
  await page.getByTestId('import-run').setInputFiles(asFile(metrics.name, metrics.text));
  await expect(page.getByTestId('recording-mark')).toContainText(metrics.name);
  await expect(page.getByTestId('iteration')).toHaveText('2');
  await expect(page.getByTestId('import-status')).toContainText(`Viewing ${metrics.name}: 1 lane, 2 iterations`);
  await page.getByTestId('chart-success').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-testid="chart-success"] path.recharts-line-curve')).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);

  // Malformed files: a clear message each, and the viewed run stays on screen.
  const banner = page.getByTestId('error-banner');
  await page.getByTestId('import-run').setInputFiles(asFile('nope.json', '{"nope":1}'));
  await expect(banner).toContainText('nope.json is neither a recording');
  await expect(banner).toContainText('line 1 has no "iteration"');
  await page.getByTestId('import-run').setInputFiles(asFile('cut-run.jsonl', metrics.text.slice(0, metrics.text.length - 40)));
  await expect(banner).toContainText('cut-run.jsonl');
  await expect(banner).toContainText('seems cut short');
  await page.getByTestId('import-checkpoint').setInputFiles(asFile('nope-weights.json', '{"nope":1}'));
  await expect(banner).toContainText('nope-weights.json is not an EMPG Playground checkpoint');
  await page.getByTestId('import-checkpoint').setInputFiles(asFile('cut-weights.json', checkpoint.text.slice(0, 500)));
  await expect(banner).toContainText('cut-weights.json is not valid JSON, it seems cut short');
  await expect(page.getByTestId('recording-mark')).toContainText(metrics.name);
  await expect(page.getByTestId('iteration')).toHaveText('2');

  // Still working: Step returns to the live run (from the loaded checkpoint) and trains.
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('recording-mark')).toHaveCount(0);
  await expect(page.getByTestId('iteration')).toHaveText('2', { timeout: 180_000 });
  await expect(page.locator('.init-label')).toContainText(`loaded file ${checkpoint.name}`);
});
