/**
 * Real runs in the browser: the shipped sample (a playground run in the empg-steps/v1 format) is
 * imported through the worker and every view draws it — central chart, inspector with the extra token
 * colourings, deciles, EMPG in 60 seconds, history, group view — then a second run is compared with it,
 * a file with bad lines is imported with the lines reported by number, a verl rollout dump and a TRL
 * Parquet table import at sequence level, and the imported run exports back to the step format.
 */
import { readFile } from 'node:fs/promises';
import { listedSteps } from './chartSteps';
import { test, expect } from './fixtures';

const sample = 'public/samples/alfworld-empg-steps.jsonl';

test('import the sample and walk every view; compare, bad lines, verl and TRL files, export', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./#backend=wasm');
  await page.getByTestId('import-sample').click();
  const report = page.getByTestId('import-report-0');
  await expect(report).toContainText('alfworld-empg-steps.jsonl');
  await expect(report).toContainText('empg-steps/v1 (token level)');
  await expect(page.getByTestId('import-skipped-0')).toHaveText('0 bad lines skipped');
  await expect(page.getByTestId('recording-mark')).toContainText('alfworld-empg-steps.jsonl');
  await expect(page.getByTestId('iteration')).toHaveText('3');

  // Central chart: a mark per step with a finite entropy and magnitude.
  const chart = page.getByTestId('entropy-grad-chart');
  const marks = await listedSteps(chart);
  await expect(marks.first()).toBeAttached();
  const listed = await marks.evaluateAll((els) => els.map((el) => [Number(el.getAttribute('data-entropy')), Number(el.getAttribute('data-magnitude'))]));
  expect(listed.length).toBeGreaterThan(10);
  for (const [h, m] of listed) expect(Number.isFinite(h) && Number.isFinite(m) && m >= 0).toBe(true);

  // Inspector: a step of the chart opens with the file's advantage next to the recomputed ones,
  // and its tokens can be coloured by the file's Σπ².
  const target = await marks.nth(1).evaluate((b) => ({ traj: b.getAttribute('data-traj'), t: b.getAttribute('data-t') }));
  await marks.nth(1).evaluate((b) => (b as HTMLButtonElement).click());
  await expect(page.getByTestId('inspector-step')).toHaveAttribute('data-traj', target.traj!);
  await expect(page.getByTestId('inspector-step')).toHaveAttribute('data-t', target.t!);
  await expect(page.getByTestId('inspector-observation')).not.toHaveText('loading…');
  await expect(page.getByTestId('imported-advantages')).toContainText(/advantage in the file -?\d\.\d{3} · GRPO recomputed -?\d\.\d{3} · EMPG recomputed -?\d\.\d{3}/);
  const field = page.getByTestId('token-field');
  await expect(field.locator('option')).toHaveText(['1 − π(a) (from log-prob)', '‖e_a − p‖ (from Σπ²)']);
  await field.selectOption('grad_sq');
  const tokens = await page.getByTestId('inspector').getByTestId('token').count();
  await expect(page.getByTestId('token-field-token')).toHaveCount(tokens);
  await expect(page.getByTestId('token-field-token').first()).toHaveAttribute('aria-label', /1 − 2π \+ Σπ² \d/);

  // Deciles view, and back.
  await page.getByTestId('view-binned').click();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await page.getByTestId('view-points').click();

  // EMPG in 60 seconds works the imported step.
  await page.getByTestId('jump-empg60').click();
  await expect(page.getByTestId('empg-in-60s')).toHaveAttribute('open', '');
  await expect(page.getByTestId('empg-in-60s').locator('summary')).toContainText(`worked on τ${target.traj}`);

  // History across training steps, and the group view of a prompt (every sample, clickable).
  await expect(page.getByTestId('import-history').locator('tbody tr')).toHaveCount(3);
  const groupRows = page.getByTestId('import-group-table').locator('tbody tr');
  expect(await groupRows.count()).toBeGreaterThan(1);
  await groupRows.first().getByRole('button').click();
  await expect(page.getByTestId('inspector-step-index')).toHaveText('1');

  // A second run (the same file under another name) compared prompt for prompt.
  const text = await readFile(sample, 'utf8');
  await page.getByTestId('import-file-second').setInputFiles({ name: 'run-b.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
  await expect(page.getByTestId('import-report-1')).toContainText('run-b.jsonl');
  await expect(page.getByTestId('import-compare').locator('summary')).toContainText(/\d+ shared/);
  expect(await page.getByTestId('import-compare').locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(page.getByTestId('success-rate-1')).not.toHaveText('–');

  // Export back out: the meta line, then one line per kept step with the recomputed advantages.
  const pending = page.waitForEvent('download');
  await page.getByTestId('import-export-0').click();
  const exported = (await readFile((await (await pending).path())!, 'utf8')).trim().split('\n');
  expect(JSON.parse(exported[0]).meta.schema).toBe('empg-steps/v1');
  expect(exported.length).toBe(text.trim().split('\n').length);
  expect(JSON.parse(exported[1])).toHaveProperty('empg_advantage');

  // Bad lines: reported by line number, everything else imported.
  const lines = text.trim().split('\n');
  lines[2] = lines[2].slice(0, 50);
  lines[5] = lines[5].replace('"entropy":[', '"entropy":[1,');
  await page.getByTestId('import-file').setInputFiles({ name: 'damaged.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('import-skipped-0')).toHaveText('2 bad lines skipped');
  await expect(page.getByTestId('import-problems-0')).toContainText('line 3: not JSON');
  await expect(page.getByTestId('import-problems-0')).toContainText(/line 6: entropy: has \d+ values for \d+ tokens/);
  await expect(page.getByTestId('error-banner')).toContainText('damaged.jsonl: 2 bad lines skipped (first: line 3: not JSON');

  // Sequence-level files: a verl rollout dump and a TRL completions table.
  await page.getByTestId('import-file').setInputFiles('src/import/__fixtures__/verl-rollout/12.jsonl');
  await expect(page.getByTestId('import-report-0')).toContainText('verl rollout_data_dir (sequence level)');
  await expect(page.getByTestId('import-report-0')).toContainText('no token entropies');
  await expect(page.getByTestId('import-group-table').locator('tbody tr')).toHaveCount(2);
  await page.getByTestId('import-file').setInputFiles('src/import/__fixtures__/trl-completions/completions_00005.parquet');
  await expect(page.getByTestId('import-report-0')).toContainText('TRL GRPOTrainer completions (sequence level)');
  await expect(page.getByTestId('import-group-table').locator('tbody tr')).toHaveCount(3);
});
