/**
 * The Experiments view and the premise caption in the browser: the view shows the shipped results file
 * (public/results/quick.json, written by `npm run cli -- results`) — its run count, each environment's
 * table and curves — and, once the user trains live, draws that run over the committed curves of the
 * same environment; the caption under the central chart answers "is a confident step a good step?"
 * from the live run's premise metrics. Small runs (B = 2, G = 2 on wasm) keep this to a minute or two.
 */
import { readFileSync } from 'node:fs';
import { test, expect, waitForBackend } from './fixtures';

interface ShippedCell { regime: string; label: string; seeds: number }
interface ShippedComparison { regime: string; label: string; text: string }
const shipped = JSON.parse(readFileSync('public/results/quick.json', 'utf8')) as { runs: number; cells: ShippedCell[]; comparisons: ShippedComparison[]; trends: { regime: string; title: string; success: string; entropy: string }[] };
const cellsOf = (regime: string) => shipped.cells.filter((c) => c.regime === regime);

test('the Experiments view shows the shipped results, per environment', async ({ page }) => {
  await page.goto('./');
  const panel = page.getByTestId('experiments-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toContainText(`${shipped.runs} finished runs in profile quick`);
  for (const regime of ['alfworld-short', 'webshop']) {
    await page.getByTestId('experiments-regime').selectOption(regime);
    const rows = page.locator('[data-testid="experiments-table"] tbody tr');
    await expect(rows).toHaveCount(cellsOf(regime).length);
    for (const [i, cell] of cellsOf(regime).entries()) await expect(rows.nth(i).locator('td').first()).toHaveText(cell.label);
    await expect(page.getByTestId('experiments-table').locator('caption')).toContainText(/base checkpoint \d+\.\d %/);
    // The EMPG − base differences, worded as docs/RESULTS.md words them.
    const comparisons = shipped.comparisons.filter((c) => c.regime === regime);
    await expect(page.locator('[data-testid="experiments-comparisons"] li')).toHaveCount(comparisons.length);
    for (const c of comparisons) await expect(page.getByTestId('experiments-comparisons')).toContainText(`${c.label}: ${c.text}`);
    const success = page.getByTestId('experiments-chart-env/success_rate');
    await success.scrollIntoViewIfNeeded();
    await expect(success.locator('path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);
    await expect(page.getByTestId('experiments-own-run')).toContainText('Train live on');
    await expect(page.getByTestId('experiments-trends')).toHaveCount(0);
  }
  // The long regime's k/ζ sensitivity: each knob's trend test, worded as docs/RESULTS.md words it.
  const trends = shipped.trends.filter((t) => t.regime === 'alfworld-long');
  if (trends.length) {
    await page.getByTestId('experiments-regime').selectOption('alfworld-long');
    await expect(page.locator('[data-testid="experiments-trends"] li')).toHaveCount(trends.length);
    for (const t of trends) await expect(page.getByTestId('experiments-trends')).toContainText(`${t.title}: success ${t.success}; step entropy ${t.entropy}`);
  }
  // An environment without committed runs says so instead of drawing empty charts.
  const empty = ['alfworld-long', 'deepsearch'].find((r) => cellsOf(r).length === 0);
  if (empty) {
    await page.getByTestId('experiments-regime').selectOption(empty);
    await expect(panel).toContainText('No finished runs for this environment yet.');
  }
});

test('a live run gets the premise caption and is drawn over the committed curves of its environment', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm&B=2&G=2&env=alfworld&preset=tiny&speed=iteration');
  await waitForBackend(page);
  await page.getByTestId('play').click();
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent()), { timeout: 240_000, intervals: [500] }).toBeGreaterThanOrEqual(2);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });

  // The premise caption under the central chart: the question, then either a share of pairs or why there is none.
  const caption = page.getByTestId('premise-caption').first();
  await expect(caption).toContainText('Here, is a confident step a good step?');
  // The short answer shows; the paragraph behind it opens on a click.
  await expect(caption.getByTestId('premise-answer')).toHaveText(/^(Not yet|No|Hardly|A little|Yes)[,:] /);
  await expect(caption.locator('p')).toBeHidden();
  await caption.locator('summary').click();
  await expect(caption.locator('p')).toBeVisible();
  await expect(caption).toContainText(/step entropy: all|nothing to compare yet/);
  const auc = caption.getByTestId('premise-auc');
  if (await auc.count()) await expect(auc).toHaveText(/^\d{1,3} %$/);
  // ALFWorld-lite: the same question step by step, by the oracle's plan.
  await expect(caption).toContainText(/Step by step, by the oracle's shortest plan \(\d+ steps labelled, \d{1,3} % of them progress\)/);
  await expect(caption.getByTestId('premise-progress-auc')).toHaveText(/^\d{1,3} %$/);

  const panel = page.getByTestId('experiments-panel');
  await panel.scrollIntoViewIfNeeded();
  await page.getByTestId('experiments-regime').selectOption('alfworld-short');
  await expect(page.getByTestId('experiments-own-run')).toContainText(/The black line is your run \(lane 1, \d+ iterations?\)/);
  const chart = page.getByTestId('experiments-chart-env/success_rate');
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator('.recharts-legend-item-text', { hasText: 'your run' })).toHaveCount(1);
  await expect(chart.locator('path.recharts-line-curve[stroke="#000"]')).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);

  // Another environment's results are not compared with this run.
  await page.getByTestId('experiments-regime').selectOption('webshop');
  await expect(page.getByTestId('experiments-own-run')).toContainText('Train live on WebShop-lite');
  await expect(chart.locator('.recharts-legend-item-text', { hasText: 'your run' })).toHaveCount(0);
});
