/**
 * The training view in the browser: a teacher link with settings in the hash, Play until a few
 * iterations have run, finite curves, Space pauses, the URL round-trips, an export downloads a file
 * that parses, a bad URL value is reported while the page keeps working, and `hide=` hides controls.
 * Small runs (B = 2, G = 2 on wasm) keep an iteration to a couple of seconds on a CPU-only machine.
 */
import type { Page, TestInfo } from '@playwright/test';
import { listedSteps } from './chartSteps';
import { test, expect, stepIterations, waitForBackend } from './fixtures';

const SMALL_RUN = 'backend=wasm&B=2&G=2';

async function screenshot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function iteration(page: Page): Promise<number> {
  return Number(await page.getByTestId('iteration').textContent());
}

test('a teacher link trains live: Play, curves with finite values, Space pauses, hidden groups stay hidden', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.goto(`./#${SMALL_RUN}&algo=grpo+empg&zeta=0.2&hide=empg,io&speed=iteration`);
  await waitForBackend(page);
  await expect(page.getByTestId('algo-select')).toHaveValue('grpo+empg');
  await expect(page.getByTestId('batch-input')).toHaveValue('2');
  await expect(page.getByTestId('group-input')).toHaveValue('2');
  // hide=empg,io: the EMPG sliders and the export buttons are gone, the rest is there.
  await expect(page.locator('[data-group="empg"]')).toHaveCount(0);
  await expect(page.getByTestId('export-csv')).toHaveCount(0);
  await expect(page.locator('[data-group="training"]')).toBeVisible();
  await screenshot(page, testInfo, 'first-paint');

  await page.getByTestId('play').click();
  await expect(page.getByTestId('recording-mark')).toHaveCount(0);
  await expect.poll(() => iteration(page), { timeout: 240_000, intervals: [500] }).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId('success-rate')).toHaveText(/^\d\.\d\d$/);

  // Every drawn curve is made of finite coordinates.
  // (A chart redraws only on screen, as a reader scrolling down sees it.)
  for (const id of ['success', 'entropy', 'kl', 'grad-norm', 'empg-g']) {
    await page.getByTestId(`chart-${id}`).scrollIntoViewIfNeeded();
    const path = page.locator(`[data-testid="chart-${id}"] path.recharts-line-curve`).first();
    await expect(path).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);
  }
  await screenshot(page, testInfo, 'training');

  // Space pauses: the pause button goes disabled and the counter stops.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('pause')).toBeDisabled({ timeout: 60_000 });
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  const paused = await iteration(page);
  await page.waitForTimeout(1500);
  expect(await iteration(page)).toBe(paused);
  await screenshot(page, testInfo, 'paused-full-page', true);
});

test('the URL round-trips: a changed control is in the hash and survives a reload', async ({ page }) => {
  await page.goto(`./#${SMALL_RUN}`);
  await waitForBackend(page);
  await page.getByTestId('algo-select').selectOption('dapo+empg-signal');
  await page.getByTestId('temperature-slider').fill('0.7');
  await expect(page).toHaveURL(/algo=dapo\+empg-signal/);
  await expect(page).toHaveURL(/temperature=0\.7/);
  await expect(page).toHaveURL(/B=2&G=2|G=2.*B=2/);
  await page.reload();
  await waitForBackend(page);
  await expect(page.getByTestId('algo-select')).toHaveValue('dapo+empg-signal');
  await expect(page.getByTestId('temperature-slider')).toHaveValue('0.7');
  await expect(page.getByTestId('batch-input')).toHaveValue('2');
});

test('a bad URL value is reported, the default is used, and one step plus a metrics export still work', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(`./#${SMALL_RUN}&lr=banana&k=99`);
  await expect(page.getByTestId('error-banner')).toContainText('lr="banana" is invalid');
  await expect(page.getByTestId('error-banner')).toContainText('k="99" is invalid');
  await waitForBackend(page);
  await expect(page.getByTestId('lr-select')).toHaveValue('0.003');
  await page.getByTestId('step-once').click();
  await expect.poll(() => iteration(page), { timeout: 180_000, intervals: [500] }).toBe(1);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.jsonl$/);
  const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  const lines = text.trim().split('\n').map((line) => JSON.parse(line));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ algo: 'grpo+empg', env: 'alfworld', preset: 'tiny', iteration: 1 });
  expect(Number.isFinite(lines[0]['env/success_rate'])).toBe(true);

  const csvDownload = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const csv = await (await import('node:fs/promises')).readFile((await (await csvDownload).path())!, 'utf8');
  expect(csv.split('\n')[0]).toMatch(/^lane,algo,env,preset,seed,iteration,/);
  await screenshot(page, testInfo, 'bad-url');
});

test('compare lanes: GRPO vs GRPO + EMPG from the same start, both curves overlaid', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.goto(`./#${SMALL_RUN}`);
  await waitForBackend(page);
  await page.getByTestId('compare-toggle').check();
  await expect(page.getByTestId('algo-select')).toHaveValue('grpo');
  await expect(page.getByTestId('algo2-select')).toHaveValue('grpo+empg');
  await expect(page).toHaveURL(/compare=1/);
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('success-rate-1')).toHaveText(/^\d\.\d\d$/, { timeout: 180_000 });
  await expect(page.getByTestId('success-rate')).toHaveText(/^\d\.\d\d$/);
  // A line needs two points: one more iteration of both lanes.
  await expect(page.getByTestId('step-once')).toBeEnabled();
  await page.getByTestId('step-once').click();
  await expect.poll(() => iteration(page), { timeout: 180_000, intervals: [500] }).toBe(2);
  await expect(page.locator('.lane-legend li')).toHaveCount(2);
  await page.getByTestId('chart-success').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-testid="chart-success"] path.recharts-line-curve')).toHaveCount(2);
  await screenshot(page, testInfo, 'compare-lanes');
});

test('on WebGPU (SwiftShader here): Play runs three iterations, the charts stay finite, Space pauses', async ({ page }, testInfo) => {
  test.setTimeout(480_000);
  await page.goto('./#backend=webgpu&B=1&G=2&steps=4&algo=grpo+empg');
  expect(await waitForBackend(page)).toBe('webgpu');
  await page.getByTestId('play').click();
  await expect.poll(() => iteration(page), { timeout: 420_000, intervals: [1000] }).toBeGreaterThanOrEqual(3);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 120_000 });

  const marks = await listedSteps(page.getByTestId('entropy-grad-chart'));
  await expect(marks.first()).toBeAttached();
  for (const [entropy, magnitude] of await marks.evaluateAll((els) => els.map((el) => [Number(el.getAttribute('data-entropy')), Number(el.getAttribute('data-magnitude'))]))) {
    expect(Number.isFinite(entropy) && Number.isFinite(magnitude) && magnitude >= 0).toBe(true);
  }
  await page.getByTestId('chart-grad-norm').scrollIntoViewIfNeeded();
  await expect(page.locator('[data-testid="chart-grad-norm"] path.recharts-line-curve').first()).toHaveAttribute('d', /^M[\d.,\sLCZ-]+$/);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await screenshot(page, testInfo, 'webgpu-training');
});

test('in-page links keep the link\'s state: "EMPG in 60 seconds ↓" and "…in the inspector ↓" leave the hash alone', async ({ page }) => {
  test.setTimeout(300_000);
  // A link with its own settings opens without a recording: one live iteration gives the links something
  // to show. On wasm, as every run here: auto mode's speed probe, on a heavily loaded machine, can choose
  // SwiftShader's webgl, where this one iteration takes minutes.
  await page.goto('./#env=webshop&seed=3&zeta=0.2&B=2&G=4&backend=wasm');
  await waitForBackend(page);
  await stepIterations(page, 1);
  const url = page.url();
  await page.getByTestId('jump-empg60').click();
  await expect(page.getByTestId('empg-in-60s')).toHaveAttribute('open', '');
  await page.getByTestId('jump-inspector').click();
  await expect(page.getByTestId('inspector')).toBeFocused();
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByTestId('env-select')).toHaveValue('webshop');
});

test('a Step pressed while the run is still starting waits for it, the progress line says so, and then it runs', async ({ page }) => {
  test.setTimeout(300_000);
  // The worker cannot build the live run before it has the base checkpoint: hold that back until the
  // Step has been pressed, as a slow connection or a busy machine would.
  let release = () => {};
  let requests = 0;
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.context().route('**/checkpoints/*.json', async (route) => {
    requests++;
    await held;
    await route.continue();
  });
  // A link with no run setting opens the recorded run, whose Step is there before the live run is.
  await page.goto('./#env=webshop&backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('recording-mark')).toHaveCount(0);
  const line = page.getByTestId('iteration-progress');
  await expect(line).toHaveAttribute('data-phase', 'starting');
  await expect(line).toContainText('Step runs one iteration as soon as it is ready.');
  await expect(page.getByTestId('step-once')).toBeDisabled();
  await expect(page.getByTestId('iteration')).toHaveText('0');
  release();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 180_000 });
  await expect(line).toHaveAttribute('data-phase', 'idle');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  expect(requests, 'the worker\'s base checkpoint request was held').toBeGreaterThan(0);
});
