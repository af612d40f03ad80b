/**
 * Nothing is lost on reload: a run playing on wasm is saved after every iteration; reloading while the
 * next iteration runs offers "Resume run at iteration N", and resuming brings back the counter and the
 * curves and trains on from N + 1. Discarding starts the link's run (and a link with other settings
 * says so first); a corrupted record is explained and removed, and the page trains as usual.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

const LINK = './#backend=wasm&B=2&G=2&steps=6';

/** The completed iterations the page shows. */
async function iteration(page: Page): Promise<number> {
  return Number((await page.getByTestId('iteration').textContent())!.trim());
}

/** Trains `n` iterations with Step. */
async function stepTimes(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const before = await iteration(page);
    await expect(page.getByTestId('step-once')).toBeEnabled();
    await page.getByTestId('step-once').click();
    await expect(page.getByTestId('iteration')).toHaveText(String(before + 1), { timeout: 180_000 });
  }
}

test('a reload in the middle of a run loses no completed iteration, and the run continues', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(LINK);
  await waitForBackend(page);
  await page.getByTestId('play').click();
  // At least two iterations done and saved; the run goes on into the next one.
  await expect.poll(() => iteration(page), { timeout: 300_000 }).toBeGreaterThanOrEqual(2);
  let done = 0;
  await expect.poll(async () => {
    done = await iteration(page);
    return (await page.getByTestId('saved-status').textContent()) === `Saved in this browser at iteration ${done}`;
  }, { timeout: 120_000 }).toBe(true);
  const successRate = await page.getByTestId('success-rate').textContent();
  await page.reload();

  const offer = page.getByTestId('resume-offer');
  await expect(offer).toBeVisible({ timeout: 60_000 });
  const resume = page.getByTestId('resume-run');
  const offered = Number(/iteration (\d+)/.exec((await resume.textContent())!)![1]);
  // Every iteration the page had shown was saved (one more may have finished before the reload landed).
  expect(offered).toBeGreaterThanOrEqual(done);
  await expect(offer).toContainText('alfworld/tiny');
  await waitForBackend(page);
  await resume.click();
  await expect(offer).toBeHidden();
  await expect(page.getByTestId('iteration')).toHaveText(String(offered), { timeout: 120_000 });
  if (offered === done) await expect(page.getByTestId('success-rate')).toHaveText(successRate!);
  await stepTimes(page, 1);
  await expect(page.getByTestId('iteration')).toHaveText(String(offered + 1));
  await expect(page.getByTestId('saved-status')).toHaveText(`Saved in this browser at iteration ${offered + 1}`, { timeout: 60_000 });
});

test('discarding the saved run starts the link\'s run, and a link with other settings says what it would change', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(LINK);
  await waitForBackend(page);
  await stepTimes(page, 1);
  await expect(page.getByTestId('saved-status')).toHaveText('Saved in this browser at iteration 1', { timeout: 60_000 });

  await page.goto(`${LINK}&seed=7`);
  await page.reload();
  const offer = page.getByTestId('resume-offer');
  await expect(offer).toBeVisible({ timeout: 60_000 });
  await expect(offer).toContainText('seed 7 (saved: 1)');
  await expect(offer).toContainText('the new run is not saved');
  await waitForBackend(page);
  // Until the user chooses, training the link's run does not overwrite the saved one.
  await stepTimes(page, 1);
  await expect(page.getByTestId('saved-status')).toHaveCount(0);
  await page.getByTestId('discard-run').click();
  await expect(offer).toBeHidden();
  await stepTimes(page, 1);
  await expect(page.getByTestId('saved-status')).toHaveText('Saved in this browser at iteration 2', { timeout: 60_000 });
  await page.reload();
  await expect(page.getByTestId('resume-offer')).toContainText('seed 7');
});

test('a corrupted saved run is explained and removed, and the page trains as usual', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto(LINK);
  await waitForBackend(page);
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('empg-playground', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('runs');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('runs', 'readwrite');
      tx.objectStore('runs').put({ format: 'empg-playground-saved-run', version: 1, savedAt: 'x', lanes: [{ config: { lr: 'fast' }, state: 7 }] }, 'current');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  await expect(page.getByTestId('error-banner')).toContainText('A saved run was found but cannot be resumed: lane 0:', { timeout: 60_000 });
  await expect(page.getByTestId('error-banner')).toContainText('It was discarded.');
  await expect(page.getByTestId('resume-offer')).toHaveCount(0);
  await waitForBackend(page);
  await stepTimes(page, 1);
  await expect(page.getByTestId('saved-status')).toHaveText('Saved in this browser at iteration 1', { timeout: 60_000 });
});

test('two tabs: one owns the saved run, the other trains without saving until it takes the run over', async ({ page, context }) => {
  test.setTimeout(900_000);
  await page.goto(LINK);
  await waitForBackend(page);
  await stepTimes(page, 1);
  await expect(page.getByTestId('saved-status')).toHaveText('Saved in this browser at iteration 1', { timeout: 60_000 });

  // A second tab of the same page: told plainly, offered nothing, saves nothing.
  const second = await context.newPage();
  const problems: string[] = [];
  second.on('pageerror', (error) => problems.push(error.message));
  second.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
  await second.goto(`${LINK}&seed=7`);
  await expect(second.getByTestId('saved-elsewhere')).toContainText('open in another tab', { timeout: 60_000 });
  await expect(second.getByTestId('resume-offer')).toHaveCount(0);
  await waitForBackend(second);
  await stepTimes(second, 2);
  await expect(second.getByTestId('saved-status')).toHaveCount(0);
  // The first tab still saves its own run.
  await stepTimes(page, 1);
  await expect(page.getByTestId('saved-status')).toHaveText('Saved in this browser at iteration 2', { timeout: 60_000 });

  // Taking over: the first tab stops saving and says so; the second is offered the first tab's run.
  await second.getByTestId('take-over-run').click();
  await expect(page.getByTestId('saved-elsewhere')).toContainText('took the saved run over');
  await expect(page.getByTestId('saved-status')).toHaveCount(0);
  const offer = second.getByTestId('resume-offer');
  await expect(offer).toContainText('stopped at iteration 2');
  await expect(offer).toContainText('seed 7 (saved: 1)');
  // What the first tab trains now is not saved over the run the second tab took.
  await stepTimes(page, 1);
  await expect(page.getByTestId('iteration')).toHaveText('3');
  await second.getByTestId('resume-run').click();
  await expect(second.getByTestId('iteration')).toHaveText('2', { timeout: 120_000 });
  await stepTimes(second, 2);
  await expect(second.getByTestId('saved-status')).toHaveText('Saved in this browser at iteration 4', { timeout: 60_000 });

  // A reload of the first tab finds the saved run open in the second and offers nothing.
  await page.reload();
  await expect(page.getByTestId('saved-elsewhere')).toContainText('open in another tab', { timeout: 60_000 });
  await expect(page.getByTestId('resume-offer')).toHaveCount(0);
  // Once the second tab is closed, taking over offers the run it saved last.
  await second.close();
  await page.getByTestId('take-over-run').click();
  await expect(page.getByTestId('saved-elsewhere')).toHaveCount(0);
  await expect(page.getByTestId('resume-offer')).toContainText('stopped at iteration 4');
  expect(problems, 'console errors in the second tab').toEqual([]);
});

/** Each lane's metric lines from the page's metrics export, by algorithm (the two lanes differ in it). */
async function exportedLanes(page: Page): Promise<Map<string, Record<string, unknown>[]>> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const chunks = await (await (await download).createReadStream()).toArray();
  const lanes = new Map<string, Record<string, unknown>[]>();
  for (const line of Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean)) {
    const row = JSON.parse(line) as Record<string, unknown>;
    const key = String(row.algo);
    lanes.set(key, [...(lanes.get(key) ?? []), row]);
  }
  return lanes;
}

/** A metric line without its timings and tensor count (which differ between runs of the same iteration). */
const comparable = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('perf/') && k !== 'tfjs/num_tensors'));

test('compare mode: a reload mid-run brings both lanes back at their iterations, and both continue', async ({ page }) => {
  test.setTimeout(900_000);
  await page.goto(`${LINK}&compare=1&algo=grpo&algo2=grpo+empg`);
  await waitForBackend(page);
  await expect(page.getByTestId('compare-toggle')).toBeChecked();
  await page.getByTestId('play').click();
  await expect.poll(() => iteration(page), { timeout: 400_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(async () => {
    const done = await iteration(page);
    return (await page.getByTestId('saved-status').textContent()) === `Saved in this browser at iteration ${done}`;
  }, { timeout: 120_000 }).toBe(true);
  const before = await exportedLanes(page);
  expect(before.size).toBe(2);
  await page.reload();

  const resume = page.getByTestId('resume-run');
  await expect(resume).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('resume-offer')).toContainText('grpo vs grpo+empg');
  const offered = Number(/iteration (\d+)/.exec((await resume.textContent())!)![1]);
  await waitForBackend(page);
  await resume.click();
  await expect(page.getByTestId('iteration')).toHaveText(String(offered), { timeout: 120_000 });
  await expect(page.getByTestId('compare-toggle')).toBeChecked();
  await expect(page.locator('.lane-legend li')).toHaveCount(2);

  // Both lanes are back with their curves: lane 0 at the offered iteration, lane 1 at it or one behind
  // (Play alternates the lanes), every iteration shown before the reload with the same metrics.
  const after = await exportedLanes(page);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  const [first, second] = [...after.values()];
  expect(first.map((row) => row.iteration)).toEqual(Array.from({ length: offered }, (_, i) => i + 1));
  const behind = offered - second.length;
  expect(behind === 0 || behind === 1).toBe(true);
  expect(second.map((row) => row.iteration)).toEqual(Array.from({ length: second.length }, (_, i) => i + 1));
  for (const [algo, rows] of before) {
    const restored = after.get(algo)!;
    for (const row of rows) {
      const same = restored.find((r) => r.iteration === row.iteration);
      if (same) expect(comparable(same)).toEqual(comparable(row));
    }
  }

  // Both continue: one Step trains one more iteration of each lane, and that is saved.
  await stepTimes(page, 1);
  // Step trains lane 0, then lane 1: the counter (lane 0's) moves first.
  await expect.poll(async () => [...(await exportedLanes(page)).values()].map((rows) => rows.length), { timeout: 180_000 })
    .toEqual([offered + 1, second.length + 1]);
  await expect(page.getByTestId('saved-status')).toHaveText(`Saved in this browser at iteration ${offered + 1}`, { timeout: 60_000 });
});
