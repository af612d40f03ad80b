/**
 * Every backend the page offers trains for real: one iteration on cpu, wasm, webgl and WebGPU from the
 * same base checkpoint and seed, with the same sampled actions and the same losses (within float32
 * tolerance). The losses come from the page's own metrics export.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

const RUN = 'B=1&G=2&steps=2&seed=11&init=base';

async function oneIteration(page: Page, backend: string) {
  // A new document per backend: the backend is chosen once, when the page starts.
  await page.goto('about:blank');
  await page.goto(`./#backend=${backend}&${RUN}`);
  expect(await waitForBackend(page)).toBe(backend);
  await expect(page.getByTestId('step-once')).toBeEnabled({ timeout: 90_000 });
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 240_000 });
  const download = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const text = await (await (await download).createReadStream()).toArray();
  const lines = Buffer.concat(text).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, number>);
  return lines.at(-1)!;
}

test('one training iteration agrees on cpu, wasm, webgl and webgpu', async ({ page }, testInfo) => {
  test.setTimeout(600_000);
  const results: Record<string, Record<string, number>> = {};
  for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu']) results[backend] = await oneIteration(page, backend);
  const summary = Object.fromEntries(Object.entries(results).map(([b, r]) => [b, { 'loss/pg': r['loss/pg'], 'grad/norm': r['grad/norm'], 'entropy/token_mean': r['entropy/token_mean'], 'perf/iter_ms': r['perf/iter_ms'] }]));
  await testInfo.attach('losses.json', { body: JSON.stringify(summary, null, 2), contentType: 'application/json' });
  writeFileSync(testInfo.outputPath('losses.json'), JSON.stringify(summary, null, 2));
  const reference = results.cpu;
  expect(reference['loss/pg']).toBeDefined();
  for (const backend of ['wasm', 'webgl', 'webgpu']) {
    const r = results[backend];
    expect(r['batch/steps'], `${backend}: same number of steps`).toBe(reference['batch/steps']);
    expect(Math.abs(r['loss/pg'] - reference['loss/pg']), `${backend} loss/pg`).toBeLessThan(1e-3 + 1e-2 * Math.abs(reference['loss/pg']));
    expect(Math.abs(r['entropy/token_mean'] - reference['entropy/token_mean']), `${backend} entropy`).toBeLessThan(1e-3);
    expect(Math.abs(r['grad/norm'] - reference['grad/norm']), `${backend} grad norm`).toBeLessThan(1e-2 * Math.max(1, reference['grad/norm']));
  }
});
