/**
 * The first screen tells one story: what it shows agrees with the controls and the link, the inspector
 * opens on the EMPG lane and follows the newest iteration until a step is pinned, and "EMPG in 60
 * seconds" works on the inspected step.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

test('a plain link opens the recorded comparison with its own settings, and Step continues that comparison', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  // The controls say what the recording is.
  await expect(page.getByTestId('compare-toggle')).toBeChecked();
  await expect(page.getByTestId('algo-select')).toHaveValue('grpo');
  await expect(page.getByTestId('algo2-select')).toHaveValue('grpo+empg');
  await expect(page.getByTestId('run-caption')).toContainText(/Recorded run: GRPO vs GRPO \+ EMPG · ALFWorld-lite \(tiny\), seed 1 · B = 4 tasks × G = 8 rollouts/);
  expect(page.url()).toContain('compare=1');
  // The inspector opens on the EMPG lane, and EMPG in 60 seconds works on the inspected step.
  await expect(page.getByTestId('pin-state')).toContainText('Following the newest iteration');
  await expect(page.getByTestId('pin-state')).toContainText('GRPO+EMPG');
  const step = page.getByTestId('inspector-step');
  const traj = await step.getAttribute('data-traj');
  const t = Number(await step.getAttribute('data-t'));
  await expect(page.getByTestId('empg-in-60s').locator('summary')).toContainText(`τ${traj}, step ${t + 1} of iteration`);
  await expect(page.getByTestId('empg-in-60s').locator('summary')).toContainText('GRPO+EMPG');

  expect(await waitForBackend(page)).toBe('wasm');
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('recording-mark')).toHaveCount(0);
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 240_000 });
  // Still the two lanes the user was looking at, now live.
  await expect(page.getByTestId('success-rate-1')).toHaveText(/^\d\.\d\d$/, { timeout: 120_000 });
  await expect(page.getByTestId('compare-toggle')).toBeChecked();
  await expect(page.getByTestId('run-caption')).toContainText('Live run: GRPO vs GRPO + EMPG');
});

test('a link with other settings shows no recording of someone else\'s run', async ({ page }) => {
  await page.goto('./#backend=wasm&algo=grpo+empg&zeta=0.2&compare=1&algo2=grpo+empg-bonus');
  await expect(page.getByTestId('run-caption')).toContainText('Live run: GRPO + EMPG vs GRPO + EMPG, ablation: future-clarity bonus only', { timeout: 60_000 });
  await expect(page.getByTestId('run-caption').getByText('no recording of these settings')).toBeVisible();
  await expect(page.getByTestId('recording-mark')).toHaveCount(0);
  await expect(page.getByTestId('compare-toggle')).toBeChecked();
  await expect(page.getByTestId('zeta-slider')).toHaveValue('0.2');
});

test('the inspector follows the newest iteration until a step is pinned, and can be unpinned', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm&B=2&G=4&steps=5');
  await waitForBackend(page);
  await page.getByTestId('play').click();
  // More iterations than the page keeps (8): the selection must not fall behind or vanish.
  await expect.poll(async () => Number(await page.getByTestId('iteration').textContent()), { timeout: 240_000, intervals: [500] }).toBeGreaterThanOrEqual(10);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  const newest = Number(await page.getByTestId('iteration').textContent());
  await expect(page.getByTestId('pin-state')).toContainText(`Following the newest iteration (iteration ${newest})`);
  await expect(page.getByTestId('pin-state-compact')).toContainText(`iteration ${newest}`);
  await expect(page.getByTestId('inspector-step')).toBeVisible();

  // A click on a rollout pins it; training on leaves it where it is.
  await page.getByTestId('traj-chip').last().click();
  await expect(page.getByTestId('pin-state')).toHaveAttribute('data-pinned', '1');
  await expect(page.getByTestId('pin-state')).toContainText(`Pinned: iteration ${newest}`);
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText(String(newest + 1), { timeout: 120_000 });
  await expect(page.getByTestId('pin-state')).toContainText(`Pinned: iteration ${newest}`);
  await expect(page.getByTestId('inspector-iteration')).toHaveValue(String(newest));

  // Unpinned, it jumps to the newest iteration again.
  await page.getByTestId('unpin').click();
  await expect(page.getByTestId('pin-state')).toContainText(`Following the newest iteration (iteration ${newest + 1})`);
  await expect(page.getByTestId('inspector-iteration')).toHaveValue(String(newest + 1));

  // A click on a mark of the chart brings the inspector, far below, into view.
  const canvas = page.getByTestId('scatter-canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('inspector')).not.toBeInViewport();
  const mark = page.locator('.central-chart').first().getByTestId('scatter-active');
  const at = { x: Number(await mark.getAttribute('data-x')), y: Number(await mark.getAttribute('data-y')) };
  await canvas.click({ position: at });
  await expect(page.getByTestId('pin-state')).toHaveAttribute('data-pinned', '1');
  await expect(page.getByTestId('inspector')).toBeInViewport();
});

/** Whether an element lies inside the first screen. */
async function aboveTheFold(page: Page, testId: string, height: number) {
  const box = await page.getByTestId(testId).first().boundingBox();
  expect(box, testId).not.toBeNull();
  expect(box!.y + box!.height, `${testId} ends above the fold`).toBeLessThanOrEqual(height);
}

test('presentation mode puts the story above the fold at 1280×720, settings in a drawer, keys drive the run', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  // The coupling over time sits near the top of the full page too.
  await expect(page.getByTestId('story')).toBeVisible();
  await expect(page.getByTestId('coupling-latest')).toHaveText(/^Iteration 24: plain [+−]\d\.\d\d, after EMPG [+−]\d\.\d\d\.$/);
  await expect(page.getByTestId('results-link')).toHaveAttribute('href', 'docs/RESULTS.md');
  for (const doc of ['docs/RESULTS.md', 'docs/TRAINING.md']) {
    const shipped = await page.request.get(doc);
    expect(shipped.ok(), `${doc} ships with the page`).toBe(true);
  }
  // The line is generated from the report it links to.
  expect(await (await page.request.get('docs/RESULTS.md')).text()).toContain('## When EMPG helps here');

  await page.getByTestId('present-toggle').click();
  await expect(page).toHaveURL(/present=1/);
  await expect(page.locator('.training-view.present')).toBeVisible();
  await expect(page.getByTestId('settings-drawer')).toBeHidden();
  for (const id of ['present-tour', 'play', 'scatter-canvas', 'coupling-caption', 'coupling-over-time', 'success-rate', 'success-rate-1', 'story-honest']) {
    await aboveTheFold(page, id, 720);
  }
  const canvas = (await page.getByTestId('scatter-canvas').first().boundingBox())!;
  expect(canvas.width).toBeGreaterThan(330);

  await page.getByTestId('settings-open').click();
  await expect(page.getByTestId('settings-drawer')).toBeVisible();
  await expect(page.getByTestId('algo2-select')).toHaveValue('grpo+empg');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-drawer')).toBeHidden();

  // Space plays, Space pauses.
  await waitForBackend(page);
  await page.locator('body').press('Space');
  await expect(page.getByTestId('pause')).toBeEnabled({ timeout: 60_000 });
  await page.locator('body').press('Space');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 240_000 });
  await expect(page.getByTestId('run-state')).toHaveText('‖ Paused');

  await page.getByTestId('present-toggle').click();
  await expect(page).not.toHaveURL(/present=1/);
  await expect(page.locator('.training-view.present')).toHaveCount(0);
});

test('charts off screen draw before the page prints', async ({ page }) => {
  await page.goto('./#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  const far = page.getByTestId('chart-empg-bonus').locator('.recharts-line-curve');
  await expect(page.getByTestId('chart-empg-bonus')).not.toBeInViewport();
  await expect(far).toHaveCount(0);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(far.first()).toBeAttached();
});

test('the deciles chart lists its legend in the order of its bars, and its y title clears the ticks', async ({ page }, testInfo) => {
  await page.goto('./#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('view-binned').click();
  const chart = page.locator('.central-chart').first();
  await expect(chart.locator('.recharts-legend-item-text')).toHaveText(['plain |A(τ)|', 'EMPG |A_final|']);
  const title = (await chart.locator('.recharts-label').filter({ hasText: '|A|' }).first().boundingBox())!;
  // The y ticks are the labels written with two decimals (the x ticks are percentile ranges).
  const tickLefts = () => chart.locator('.recharts-cartesian-axis-tick-value').evaluateAll((els) => els
    .filter((el) => /^\d+\.\d\d$/.test(el.textContent ?? '')).map((el) => el.getBoundingClientRect().left));
  // The axis draws its ticks a frame or more after the legend on a busy machine.
  await expect.poll(async () => (await tickLefts()).length, { timeout: 30_000 }).toBeGreaterThan(0);
  const ticks = await tickLefts();
  expect(title.x + title.width, 'the y title ends left of every tick label').toBeLessThanOrEqual(Math.min(...ticks));
  await chart.screenshot({ path: testInfo.outputPath('deciles.png') });
});

test('every drop-down of the settings shows its whole choice', async ({ page }) => {
  for (const viewport of [{ width: 1360, height: 900 }, { width: 1024, height: 768 }]) {
    await page.setViewportSize(viewport);
    await page.goto('./#backend=wasm&decoding=free');
    await expect(page.getByTestId('run-caption')).toContainText('Live run', { timeout: 60_000 });
    // The selected choice's text width (in the select's own font) against the room inside the select, less its arrow.
    const cut = await page.locator('.settings select').evaluateAll((selects) => selects.flatMap((el) => {
      const select = el as HTMLSelectElement;
      const style = getComputedStyle(select);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.text ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return context.measureText(text).width > room ? [`"${text}" (${Math.round(context.measureText(text).width)} px in ${Math.round(room)} px)`] : [];
    }));
    expect(cut, `cut-off choices at ${viewport.width}×${viewport.height}`).toEqual([]);
  }
});

test('the training curves of one row start their plots at the same height', async ({ page }) => {
  await page.goto('./#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  await page.locator('.charts-grid').first().scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-zero-std').locator('svg.recharts-surface')).toBeVisible();
  // Figures that share a row (same top) must have their plots at the same top too ("Groups without signal" sat lower).
  const rows = await page.locator('.charts-grid').first().locator('.metric-chart').evaluateAll((figures) => {
    const byRow = new Map<number, number[]>();
    for (const figure of figures) {
      const plot = figure.querySelector('svg.recharts-surface');
      if (!plot) continue;
      const top = Math.round(figure.getBoundingClientRect().top);
      byRow.set(top, [...(byRow.get(top) ?? []), plot.getBoundingClientRect().top]);
    }
    return [...byRow.values()];
  });
  expect(rows.length).toBeGreaterThanOrEqual(2);
  for (const plots of rows) expect(Math.max(...plots) - Math.min(...plots), `plot tops ${plots.join(', ')}`).toBeLessThan(1);
});
