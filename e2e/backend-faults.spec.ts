/**
 * Backend faults for real, caused through the page's test hooks (`?testhooks`): the WebGPU device is
 * destroyed in the middle of a run, and the wasm heap runs out until the module aborts. Each time the
 * banner says what happened, the page stays usable, and the run goes on from its last completed
 * iteration — never from 0. Every console problem must be one of the expected reports.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForBackend, type ConsoleLog } from './fixtures';

const SMALL_RUN = 'B=1&G=2&steps=2&seed=11';

async function iteration(page: Page): Promise<number> {
  return Number(await page.getByTestId('iteration').textContent());
}

async function fault(page: Page, name: 'destroy-gpu-device' | 'exhaust-wasm-heap'): Promise<void> {
  await page.evaluate((f) => (window as unknown as { empgTestHooks: { fault(f: string): void } }).empgTestHooks.fault(f), name);
}

/** Removes the expected reports from the console problems; whatever is left fails the test. */
function expectOnly(log: ConsoleLog, expected: RegExp[]): string[] {
  const seen = log.problems.filter((line) => expected.some((re) => re.test(line)));
  const unexpected = log.problems.filter((line) => !expected.some((re) => re.test(line)));
  expect(unexpected, 'console problems other than the expected reports').toEqual([]);
  log.problems.length = 0;
  return seen;
}

test('a WebGPU device destroyed mid-run: banner, fallback, and the run continues from its last iteration', async ({ page, consoleLog }) => {
  test.setTimeout(600_000);
  await page.goto(`./?testhooks#backend=webgpu&${SMALL_RUN}`);
  expect(await waitForBackend(page)).toBe('webgpu');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 90_000 });
  await page.getByTestId('play').click();
  await expect.poll(() => iteration(page), { timeout: 300_000, intervals: [500] }).toBeGreaterThanOrEqual(2);
  const atLoss = await iteration(page);
  await fault(page, 'destroy-gpu-device');

  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText(/WebGPU device lost \(reason "destroyed"\)|WebGPU failed during training/, { timeout: 120_000 });
  await expect(banner).toContainText('the run continues from its last completed iteration');
  await expect(banner).toContainText('Switched from webgpu to');
  const fallback = await waitForBackend(page);
  expect(fallback).not.toBe('webgpu');
  // Not back to 0: the counter resumes from the iteration completed before the loss, and climbs.
  const resumedAt = await iteration(page);
  expect(resumedAt).toBeGreaterThanOrEqual(atLoss);
  await expect.poll(() => iteration(page), { timeout: 240_000, intervals: [500] }).toBeGreaterThanOrEqual(resumedAt + 2);
  await expect(page.getByTestId('run-state')).toHaveText(/Training/);
  await page.getByTestId('pause').click();

  const reports = expectOnly(consoleLog, [/\[device-lost\] (WebGPU device lost \(reason "destroyed"\)|WebGPU failed during training)/]);
  expect(reports.length).toBeGreaterThanOrEqual(1);
});

test('a wasm module that aborts (heap exhausted) is replaced; the run waits at its last iteration and goes on', async ({ page, consoleLog }) => {
  test.setTimeout(600_000);
  await page.goto(`./?testhooks#backend=wasm&${SMALL_RUN}`);
  expect(await waitForBackend(page)).toBe('wasm');
  await expect(page.getByTestId('step-once')).toBeEnabled({ timeout: 90_000 });
  for (const n of [1, 2]) {
    await page.getByTestId('step-once').click();
    await expect(page.getByTestId('iteration')).toHaveText(String(n), { timeout: 240_000 });
  }
  await fault(page, 'exhaust-wasm-heap');

  const banner = page.getByTestId('error-banner');
  // Worded from the abort itself (an empty reason in a release build), not from the next call into the dead module.
  await expect(banner).toContainText(/The wasm backend aborted(?: \([^)]*\))?, most likely because its 4 GiB memory ran out/, { timeout: 240_000 });
  await expect(banner).not.toContainText(/out of bounds|unreachable/);
  await expect(banner).toContainText('A fresh wasm module replaced it, and the run is paused at its last completed iteration (2)');
  expect(await waitForBackend(page)).toBe('wasm');
  await expect(page.getByTestId('run-state')).toHaveText(/Paused/);
  await expect(page.getByTestId('iteration')).toHaveText('2');
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('3', { timeout: 240_000 });
  await expect(page.getByTestId('empg-calculator')).toBeVisible();

  const reports = expectOnly(consoleLog, [/\[backend-aborted\] The wasm backend aborted/, /\[worker (error|warning)\] Aborted\(\)/]);
  expect(reports.some((line) => line.includes('[backend-aborted]'))).toBe(true);
});
