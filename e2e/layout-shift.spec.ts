/**
 * Nothing on the first screen jumps: from load, through the backend's reason arriving, Play and Pause,
 * the control bar, the story and the central chart keep their place and size. Both the boxes of the
 * main blocks (compared between the stages) and the browser's own layout-shift entries (with the
 * elements that moved) are checked; on a failure the message names the block that moved.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

/** The blocks whose place and size must not change, by CSS selector. */
const FIXED = [
  '.header', '.notices', '.resume-offer', '.control-bar', '.iteration-progress', '.run-caption', '.story', '.coupling-over-time',
  '.update-column .column-head', '.update-column .central-controls', '.update-column .scatter-canvas',
];
/** Blocks that may grow at their bottom as content arrives (nothing of the first screen lies under them), but must not move. */
const GROWING = ['main', '.flow', '.present-stage', '.update-column', '.outcome-column'];
const BLOCKS = [...FIXED, ...GROWING];

/** Each block's box in page coordinates: x, y, width, and height for a fixed block. */
type Boxes = Record<string, number[]>;

/** Each block's box (first match). */
function boxes(page: Page): Promise<Boxes> {
  return page.evaluate(({ selectors, fixed }) => {
    const out: Record<string, number[]> = {};
    for (const selector of selectors) {
      const el = document.querySelector(selector);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      out[selector] = [r.x + window.scrollX, r.y + window.scrollY, r.width, ...(fixed.includes(selector) ? [r.height] : [])];
    }
    return out;
  }, { selectors: BLOCKS, fixed: FIXED });
}

/** Starts recording the browser's layout shifts, with a short description of each element that moved. */
async function watchShifts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const shifts: string[] = [];
    (window as unknown as { shifts: string[] }).shifts = shifts;
    const name = (node: Node | null) => {
      if (!(node instanceof Element)) return node?.nodeName ?? '?';
      const id = node.getAttribute('data-testid');
      return `${node.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }[]) {
        for (const s of entry.sources ?? []) {
          // Right after a click the page answers it; a move under a pixel is rounding; words re-flowing
          // inside a sentence that was rewritten are new content, not a jump (the elements' boxes are checked).
          if (entry.hadRecentInput || s.node?.nodeType === Node.TEXT_NODE) continue;
          if (Math.abs(s.previousRect.x - s.currentRect.x) < 1 && Math.abs(s.previousRect.y - s.currentRect.y) < 1) continue;
          const rect = (r: DOMRectReadOnly) => `(${r.x.toFixed(1)}, ${r.y.toFixed(1)}) ${r.width.toFixed(1)}×${r.height.toFixed(1)}`;
          shifts.push(`${name(s.node)} "${(s.node?.textContent ?? '').slice(0, 40)}": ${rect(s.previousRect)} → ${rect(s.currentRect)}`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: false });
  });
}

const shifts = (page: Page) => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts.slice());

/**
 * The blocks whose box differs from `before` by a pixel or more (less is rounding, not a jump), as
 * readable lines. With `fold`, blocks that start below it both times are left out (not on the first screen).
 */
function moved(before: Boxes, after: Boxes, fold = Infinity): string[] {
  const text = (box: number[] | undefined) => (box ? box.map((v, i) => `${'xywh'[i]} ${v.toFixed(1)}`).join(' ') : 'absent');
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => !(before[k] && after[k] && before[k][1] >= fold && after[k][1] >= fold))
    .filter((k) => !before[k] || !after[k] || before[k].some((v, i) => Math.abs(v - after[k][i]) >= 1))
    .map((k) => `${k}: ${text(before[k])} → ${text(after[k])}`);
}

/** Waits until the page has drawn iteration `n` everywhere it shows it (deferred views included), and two frames more. */
async function settled(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('coupling-latest')).toContainText(`Iteration ${n}:`, { timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

const iteration = async (page: Page) => Number(await page.getByTestId('iteration').textContent());

// The page is checked whole (the central chart lies below the fold there, and must not jump either);
// presentation mode on its first screen, since the captions under its chart grow the stage downwards.
for (const { name, hash, viewport, fold } of [
  { name: 'the page', hash: '', viewport: { width: 1360, height: 900 }, fold: Infinity },
  { name: 'presentation mode at 1280×720', hash: '&present=1', viewport: { width: 1280, height: 720 }, fold: 720 },
]) {
  test(`${name}: nothing moves from load through the backend's reason, Play and Pause`, async ({ page }) => {
    test.setTimeout(360_000);
    await page.setViewportSize(viewport);
    // A short episode cap, so an iteration ends soon; the default (probing) backend, whose reason comes late.
    await page.goto(`./#B=2&G=4&steps=5${hash}`, { waitUntil: 'domcontentloaded' });
    await expect(page.locator('.update-column .scatter-canvas')).toBeVisible({ timeout: 60_000 });
    await watchShifts(page);
    const atLoad = await boxes(page);
    test.info().annotations.push({ type: 'backend at the first measurement', description: (await page.getByTestId('backend').textContent()) ?? '' });
    expect(Object.keys(atLoad).length).toBeGreaterThanOrEqual(8);

    await waitForBackend(page);
    if (!hash) await expect(page.getByTestId('backend-reason')).toBeVisible();
    await expect(page.getByTestId('run-caption')).toContainText('Live run');
    const ready = await boxes(page);
    expect(moved(atLoad, ready, fold), 'blocks moved when the backend was chosen').toEqual([]);

    await page.getByTestId('play').click();
    await expect.poll(() => iteration(page), { timeout: 240_000, intervals: [250] }).toBeGreaterThanOrEqual(2);
    await settled(page, await iteration(page));
    const playing = await boxes(page);
    expect(moved(ready, playing, fold), 'blocks moved while playing').toEqual([]);

    await page.getByTestId('pause').click();
    await expect(page.getByTestId('run-state')).toHaveText('‖ Paused', { timeout: 120_000 });
    await settled(page, await iteration(page));
    const paused = await boxes(page);
    expect(moved(playing, paused, fold), 'blocks moved after Pause').toEqual([]);
    expect(await shifts(page), 'layout shifts seen by the browser (not right after a click)').toEqual([]);
  });
}

test('the recorded first screen: nothing moves when Play starts training live and Pause stops it', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./#backend=wasm');
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  await waitForBackend(page);
  await settled(page, 24);
  await watchShifts(page);
  const recorded = await boxes(page);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('iteration-progress')).toHaveAttribute('data-phase', 'rollout', { timeout: 120_000 });
  expect(moved(recorded, await boxes(page)), 'blocks moved when Play replaced the recording').toEqual([]);
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('run-state')).toHaveText('‖ Paused', { timeout: 120_000 });
  expect(moved(recorded, await boxes(page)), 'blocks moved after Pause').toEqual([]);
  expect(await shifts(page), 'layout shifts seen by the browser (not right after a click)').toEqual([]);
});
