import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

async function shot(target: Page | Locator, name: string, testInfo: TestInfo) {
  const body = await target.screenshot({ path: testInfo.outputPath(name) });
  await testInfo.attach(name, { body, contentType: 'image/png' });
}

/** One visible mark of the chart (the topmost element at its centre), away from the first step of its rollout. */
async function clickablePoint(chart: Locator) {
  const found = await chart.locator('[data-testid="update-point"]').evaluateAll((marks) => {
    for (const mark of marks) {
      const r = mark.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (Number(mark.getAttribute('data-t')) > 0 && document.elementFromPoint(x, y) === mark) {
        return { x, y, traj: mark.getAttribute('data-traj'), t: Number(mark.getAttribute('data-t')) };
      }
    }
    return null;
  });
  expect(found, 'a chart mark not covered by another').not.toBeNull();
  return found!;
}

test('central chart → inspector: a clicked step opens at the right place, arrows walk it, tokens show their top 5', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm');
  await waitForBackend(page);
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 180_000 });

  // Every step is a mark with finite coordinates, at most 1,500 of them.
  const chart = page.getByTestId('entropy-grad-chart');
  const marks = chart.locator('[data-testid="update-point"]');
  await expect(marks.first()).toBeAttached();
  const coordinates = await marks.evaluateAll((els) => els.map((el) => [el.getAttribute('data-x'), el.getAttribute('data-y')].map(Number)));
  expect(coordinates.length).toBeGreaterThan(0);
  expect(coordinates.length).toBeLessThanOrEqual(1500);
  for (const [x, y] of coordinates) {
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    expect(y).toBeGreaterThanOrEqual(0);
  }
  await expect(chart.getByTestId('coupling-caption')).toContainText(/corr\(H/);
  await shot(page.locator('.training-view'), 'training-view.png', testInfo);

  // Hover a mark: its tooltip names the step's action. Click it: the inspector opens at that step.
  const point = await clickablePoint(chart);
  await page.mouse.move(point.x, point.y);
  const action = (await chart.locator('.chart-tooltip code').textContent())!.trim();
  expect(action.length).toBeGreaterThan(0);
  await page.mouse.click(point.x, point.y);
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
  await expect(page.locator('.central-dialog [data-testid="update-point"]').first()).toBeAttached();
  await shot(page, 'chart-enlarged.png', testInfo);
  await page.keyboard.press('Escape');
  await expect(page.locator('.central-dialog')).not.toBeVisible();
});
