/**
 * The views that redraw in pieces (a frame after their data changes, as a React transition, and only
 * while on screen) still draw what they show: the coupling chart on the recorded run the page opens with, and after the
 * shipped sample is imported, every training curve and every Experiments chart draw their lines with numeric axis ticks once in
 * view, and the central chart lists the marks of the newest training step.
 */
import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { listedSteps } from './chartSteps';
import { test, expect } from './fixtures';

const sample = 'public/samples/alfworld-empg-steps.jsonl';

/** The text of a chart's x-axis ticks, once it has at least two. */
async function xTicks(chart: Locator): Promise<string[]> {
  const ticks = chart.locator('text.recharts-cartesian-axis-tick-value[orientation="bottom"]');
  await expect.poll(() => ticks.count()).toBeGreaterThanOrEqual(2);
  return ticks.allTextContents();
}

test('after an import, every chart that redraws in pieces draws its lines and ticks', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./#backend=wasm');
  // The recorded run the page opens with: the coupling over time draws both lines, numeric iterations.
  const coupling = page.getByTestId('coupling-over-time');
  await expect(coupling.locator('path.recharts-line-curve')).toHaveCount(2);
  for (const tick of await xTicks(coupling)) expect(tick).toMatch(/^\d+$/);

  await page.getByTestId('import-sample').click();
  await expect(page.getByTestId('recording-mark')).toContainText('alfworld-empg-steps.jsonl');
  await expect(page.getByTestId('iteration')).toHaveText('3');

  // The central chart: a mark per step of the newest training step in the file (listed on request).
  const lines = (await readFile(sample, 'utf8')).trim().split('\n').slice(1).map((l) => JSON.parse(l));
  const newest = Math.max(...lines.map((l) => l.train_step));
  const marks = await listedSteps(page.getByTestId('entropy-grad-chart'));
  await expect(marks).toHaveCount(lines.filter((l) => l.train_step === newest).length);

  // Every training curve, scrolled into view in turn: numeric ticks, and a drawn line for every metric
  // the file has (an imported file has no KL or clipping metrics: those charts stay empty).
  const charts = page.locator('.charts-grid [data-testid^="chart-"]');
  const count = await charts.count();
  expect(count).toBeGreaterThan(5);
  let drawn = 0;
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    await chart.scrollIntoViewIfNeeded();
    for (const tick of await xTicks(chart)) expect(tick).toMatch(/^\d+$/);
    if (await chart.locator('path.recharts-line-curve').count()) {
      await expect(chart.locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);
      drawn++;
    }
  }
  await expect(page.getByTestId('chart-success').locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);
  expect(drawn).toBeGreaterThanOrEqual(3);

  // The Experiments charts: every setting's mean curve, numeric iterations on the x axis.
  const experiments = page.locator('[data-testid^="experiments-chart-"]');
  await expect(experiments.first()).toBeAttached();
  for (let i = 0; i < await experiments.count(); i++) {
    const chart = experiments.nth(i);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);
    for (const tick of await xTicks(chart)) expect(tick).toMatch(/^\d+$/);
  }
});
