import { readFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { listedSteps } from './chartSteps';
import { test, expect, waitForBackend } from './fixtures';

async function shot(target: Page | Locator, name: string, testInfo: TestInfo) {
  const body = await target.screenshot({ path: testInfo.outputPath(name) });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

/**
 * A step of the chart whose mark no other listed mark comes within 4 px of, away from the first step of
 * its rollout: its position on the canvas (page pixels) and its identity, from the chart's step list
 * (one button per step, carrying the mark's canvas position).
 */
async function isolatedPoint(chart: Locator) {
  // The mouse reaches only what is in the viewport: bring the canvas on screen before measuring it.
  await chart.getByTestId('scatter-canvas').first().scrollIntoViewIfNeeded();
  const canvas = await chart.getByTestId('scatter-canvas').first().boundingBox();
  expect(canvas, 'the scatter canvas').not.toBeNull();
  const marks = await (await listedSteps(chart)).evaluateAll((buttons) =>
    buttons.map((b) => ({ x: Number(b.getAttribute('data-x')), y: Number(b.getAttribute('data-y')), traj: b.getAttribute('data-traj')!, t: Number(b.getAttribute('data-t')) })));
  const found = marks.find((m) => m.t > 0 && marks.every((o) => o === m || Math.hypot(o.x - m.x, o.y - m.y) >= 4));
  expect(found, 'a chart mark away from the others').toBeDefined();
  return { ...found!, pageX: canvas!.x + found!.x, pageY: canvas!.y + found!.y };
}

test('central chart → inspector: a clicked step opens at the right place, arrows walk it, tokens show their top 5', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  // 2 tasks × 4 rollouts × ≤ 20 steps.
  await page.goto('./#backend=wasm&B=2&G=4&steps=20');
  await waitForBackend(page);
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 180_000 });

  // Every listed step has a finite entropy and magnitude and a position inside the canvas; at most 1,500.
  const chart = page.getByTestId('entropy-grad-chart');
  await expect(chart.getByTestId('scatter-active').first()).toBeAttached();
  const marks = await listedSteps(chart);
  await expect(marks.first()).toBeAttached();
  const size = (await chart.getByTestId('scatter-canvas').first().boundingBox())!;
  const listed = await marks.evaluateAll((els) => els.map((el) => ['data-entropy', 'data-magnitude', 'data-x', 'data-y'].map((a) => Number(el.getAttribute(a)))));
  expect(listed.length).toBeGreaterThan(0);
  expect(listed.length).toBeLessThanOrEqual(1500);
  for (const [entropy, magnitude, x, y] of listed) {
    expect(Number.isFinite(entropy) && Number.isFinite(magnitude)).toBe(true);
    expect(magnitude).toBeGreaterThanOrEqual(0);
    expect(x >= 0 && x <= size.width && y >= 0 && y <= size.height).toBe(true);
  }
  await expect(chart.getByTestId('coupling-caption')).toContainText(/corr\(H/);
  await shot(page.locator('.training-view'), 'training-view.png', testInfo);

  // Hover a mark on the canvas: its tooltip names the step's action. Click it: the inspector opens at that step.
  const point = await isolatedPoint(chart);
  await page.mouse.move(point.pageX, point.pageY);
  const action = (await chart.locator('.chart-tooltip code').textContent())!.trim();
  expect(action.length).toBeGreaterThan(0);
  await page.mouse.click(point.pageX, point.pageY);
  const step = page.getByTestId('inspector-step');
  await expect(step).toHaveAttribute('data-traj', point.traj!);
  await expect(step).toHaveAttribute('data-t', String(point.t));
  await expect(page.getByTestId('inspector-step-index')).toHaveText(String(point.t + 1));
  await expect(page.getByTestId('inspector-action')).toHaveText(new RegExp(`^${action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await expect(page.getByTestId('inspector-observation')).not.toHaveText('loading…');

  // Arrow keys walk the trajectory.
  await page.keyboard.press('ArrowLeft');
  await expect(step).toHaveAttribute('data-t', String(point.t - 1));
  await page.keyboard.press('ArrowRight');
  await expect(step).toHaveAttribute('data-t', String(point.t));

  // The keyboard reaches the same steps: focus a listed step, Enter opens it in the inspector.
  const otherIndex = await marks.evaluateAll((els, p) => els.findIndex((el) => el.getAttribute('data-traj') !== p.traj || el.getAttribute('data-t') !== String(p.t)), point);
  const other = marks.nth(otherIndex);
  const otherStep = { traj: (await other.getAttribute('data-traj'))!, t: (await other.getAttribute('data-t'))! };
  await other.focus();
  await page.keyboard.press('Enter');
  await expect(step).toHaveAttribute('data-traj', otherStep.traj);
  await expect(step).toHaveAttribute('data-t', otherStep.t);

  // The chart downloads as SVG (marks as circles and triangles) and as PNG.
  const svgDownload = page.waitForEvent('download');
  await chart.getByTestId('central-export-svg').first().click();
  const svgFile = await svgDownload;
  expect(svgFile.suggestedFilename()).toMatch(/\.svg$/);
  const svg = await readFile((await svgFile.path())!, 'utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('step entropy H_t');
  expect((svg.match(/<circle|<path d="M[^"]*Z"/g) ?? []).length).toBeGreaterThan(listed.length / 2);
  const pngDownload = page.waitForEvent('download');
  await chart.getByTestId('central-export-png').first().click();
  const png = await readFile((await (await pngDownload).path())!);
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  // A token's top-5 alternatives: probabilities in [0, 1] that sum to at most 1.
  await page.getByTestId('inspector').getByTestId('token').first().hover();
  const popup = page.getByTestId('inspector').getByTestId('top5');
  await expect(popup.getByTestId('top5-p').first()).toBeVisible();
  const probabilities = (await popup.getByTestId('top5-p').allTextContents()).map(Number);
  expect(probabilities.length).toBeGreaterThan(0);
  expect(probabilities.length).toBeLessThanOrEqual(5);
  for (const p of probabilities) expect(p >= 0 && p <= 1).toBe(true);
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1 + 1e-3);
  await shot(page.getByTestId('inspector'), 'inspector-top5.png', testInfo);

  // The binned view replaces the marks with decile bars, and back.
  await page.getByTestId('view-binned').click();
  await expect(chart.locator('[data-testid="update-point"]')).toHaveCount(0);
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await shot(chart, 'binned.png', testInfo);
  await page.getByTestId('view-points').click();
  await expect(marks.first()).toBeAttached();

  // The large view shows the same chart big.
  await page.getByTestId('enlarge-chart').click();
  await expect(page.locator('.central-dialog [data-testid="scatter-active"]').first()).toBeAttached();
  await shot(page, 'chart-enlarged.png', testInfo);
  await page.keyboard.press('Escape');
  await expect(page.locator('.central-dialog')).not.toBeVisible();
});

test('the keyboard reaches every step of a large iteration through one focusable element', async ({ page }) => {
  test.setTimeout(300_000);
  // 4 tasks × 8 rollouts × ≤ 20 steps: hundreds of steps, one element in the DOM for the keyboard.
  await page.goto('./#backend=wasm&B=4&G=8&steps=20');
  await waitForBackend(page);
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 240_000 });

  const chart = page.getByTestId('entropy-grad-chart').locator('.central-chart').first();
  const listbox = chart.getByTestId('scatter-steps');
  const total = Number((await listbox.getAttribute('aria-label'))!.match(/^(\d+) steps/)![1]);
  expect(total, 'steps in the iteration').toBeGreaterThan(300);
  await expect(listbox).toHaveAttribute('data-count', String(total));
  const active = listbox.getByTestId('scatter-active');
  await expect(active).toHaveCount(1);
  const rank = () => active.getAttribute('data-rank').then(Number);
  // The listbox names its active step: the screen reader's name of the step, with its rank.
  const activeName = async () => page.evaluate(() => {
    const box = document.querySelector('.central-chart [data-testid="scatter-steps"]')!;
    return document.getElementById(box.getAttribute('aria-activedescendant')!)?.getAttribute('aria-label') ?? '';
  });

  await listbox.focus();
  expect(await rank()).toBe(0);
  expect(await activeName()).toMatch(new RegExp(`^1 of ${total}: step \\d+ of trajectory \\d+, iteration 1, (solved|failed): entropy`));
  await page.keyboard.press('End');
  await expect.poll(rank).toBe(total - 1);
  expect(await activeName()).toMatch(new RegExp(`^${total} of ${total}: `));
  await page.keyboard.press('ArrowLeft');
  await expect.poll(rank).toBe(total - 2);
  await page.keyboard.press('Home');
  await expect.poll(rank).toBe(0);
  const stride = Math.max(10, Math.round(total / 20));
  const entropies = [Number(await active.getAttribute('data-entropy'))];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('PageDown');
    await expect.poll(rank).toBe(Math.min(total - 1, (i + 1) * stride));
    entropies.push(Number(await active.getAttribute('data-entropy')));
  }
  await expect(chart.getByTestId('scatter-active')).toHaveCount(1);
  await expect(chart.getByTestId('update-point')).toHaveCount(0);

  // Entropy never decreases along the order, and Enter opens the active step in the inspector.
  for (let i = 1; i < entropies.length; i++) expect(entropies[i]).toBeGreaterThanOrEqual(entropies[i - 1]);
  const focused = { traj: (await active.getAttribute('data-traj'))!, t: (await active.getAttribute('data-t'))! };
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('inspector-step')).toHaveAttribute('data-traj', focused.traj);
  await expect(page.getByTestId('inspector-step')).toHaveAttribute('data-t', focused.t);

  // On request, every step is listed as a button, in the same order.
  const listed = await listedSteps(page.getByTestId('entropy-grad-chart'));
  await expect(listed).toHaveCount(total);
  await expect(listed.nth(total - 1)).toHaveAttribute('data-rank', String(total - 1));
});
