/**
 * The live run exported in the step format: two iterations are trained in the page, the Export
 * control downloads their steps as `empg-steps/v1` JSON lines, and the download is imported back
 * through the Real runs panel — every line read, none skipped, the same steps and iterations, and the
 * imported steps open in the inspector with the advantages the live run used.
 */
import { readFile } from 'node:fs/promises';
import { listedSteps } from './chartSteps';
import { test, expect, stepIterations, waitForBackend } from './fixtures';

test('the live run downloads in the step format and imports back step for step', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm&B=2&G=2&steps=10');
  await waitForBackend(page);
  await stepIterations(page, 2);

  const pending = page.waitForEvent('download');
  await page.getByTestId('export-steps').click();
  const download = await pending;
  const name = download.suggestedFilename();
  expect(name).toBe('empg-alfworld-tiny-iter1-2-steps.jsonl');
  const text = await readFile((await download.path())!, 'utf8');
  const [metaLine, ...lines] = text.trim().split('\n').map((line) => JSON.parse(line));
  expect(metaLine.meta).toMatchObject({ schema: 'empg-steps/v1', source: 'empg-playground', adv_estimator: 'grpo+empg', iterations: [1, 2], seed: 1 });
  expect(new Set(lines.map((l) => l.train_step))).toEqual(new Set([1, 2]));
  // Two tasks × two rollouts per iteration, every step of every episode.
  for (const iteration of [1, 2]) {
    const trajectories = new Set(lines.filter((l) => l.train_step === iteration).map((l) => l.traj_id));
    expect(trajectories.size).toBe(4);
  }
  for (const line of lines) {
    expect(line.tokens.length).toBeGreaterThan(0);
    expect(line.entropy).toHaveLength(line.tokens.length);
    expect(line.logprob).toHaveLength(line.tokens.length);
    expect(line.grad_sq).toHaveLength(line.tokens.length);
    expect(Number.isFinite(line.advantage)).toBe(true);
  }

  // Imported back: the same lines and training steps, nothing skipped.
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
  const report = page.getByTestId('import-report-0');
  await expect(report).toContainText(name);
  await expect(report).toContainText('empg-steps/v1 (token level)');
  await expect(report).toContainText('from empg-playground');
  await expect(report).toContainText(`${lines.length + 1} lines · 2 training steps`);
  await expect(page.getByTestId('import-skipped-0')).toHaveText('0 bad lines skipped');
  await expect(page.getByTestId('recording-mark')).toContainText(name);
  await expect(page.getByTestId('iteration')).toHaveText('2');

  // A step of the imported run opens in the inspector with the advantage the live run's update used.
  const marks = await listedSteps(page.getByTestId('entropy-grad-chart'));
  await expect(marks.first()).toBeAttached();
  expect(await marks.count()).toBe(lines.filter((l) => l.train_step === 2).length);
  const target = await marks.nth(0).evaluate((b) => ({ traj: b.getAttribute('data-traj')!, t: Number(b.getAttribute('data-t')) }));
  await marks.nth(0).evaluate((b) => (b as HTMLButtonElement).click());
  await expect(page.getByTestId('inspector-step')).toHaveAttribute('data-t', String(target.t));
  const advantage = page.getByTestId('imported-advantages');
  await expect(advantage).toContainText(/advantage in the file -?\d\.\d{3}/);
  const shown = Number(/advantage in the file (-?\d\.\d{3})/.exec((await advantage.textContent())!)![1]);
  const candidates = lines.filter((l) => l.train_step === 2 && l.step_idx === target.t).map((l) => l.advantage.toFixed(3));
  expect(candidates).toContain(shown.toFixed(3));
});
