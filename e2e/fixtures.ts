/**
 * A page fixture that fails the test on any console error, uncaught exception or WebGPU validation
 * message — from the page or from its workers — so a silent GPU failure cannot pass.
 */
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

const GPU_TROUBLE = /Invalid (ComputePipeline|CommandBuffer|BindGroup)|exceeds the maximum|GPUValidationError|WebGPU error|device lost/i;

/** Messages collected while a test ran. */
export interface ConsoleLog {
  problems: string[];
  all: string[];
}

function watch(log: ConsoleLog, origin: string) {
  return (msg: ConsoleMessage) => {
    const line = `[${origin} ${msg.type()}] ${msg.text()}`;
    log.all.push(line);
    if (msg.type() === 'error' || GPU_TROUBLE.test(msg.text())) log.problems.push(line);
  };
}

/** Playwright's `test` with the console watch switched on for every test (`auto`), asked for or not. */
export const test = base.extend<{ consoleLog: ConsoleLog }>({
  consoleLog: [async ({ page }, use, testInfo) => {
    const log: ConsoleLog = { problems: [], all: [] };
    page.on('console', watch(log, 'page'));
    page.on('worker', (worker) => worker.on('console', watch(log, 'worker')));
    page.on('pageerror', (error) => log.problems.push(`[pageerror] ${error.message}`));
    await use(log);
    if (log.all.length) await testInfo.attach('console.txt', { body: log.all.join('\n'), contentType: 'text/plain' });
    expect(log.problems, 'console errors or WebGPU validation messages').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** Waits until the worker has chosen and verified a backend; returns the badge text. */
export async function waitForBackend(page: Page): Promise<string> {
  const badge = page.getByTestId('backend');
  await expect(badge).toHaveText(/^(webgpu|webgl|wasm|cpu)$/, { timeout: 90_000 });
  return (await badge.textContent())!.trim();
}

/** Presses Step `count` times, each after the previous iteration has finished (the counter reads 1, 2, …). */
export async function stepIterations(page: Page, count: number): Promise<void> {
  for (let n = 1; n <= count; n++) {
    await expect(page.getByTestId('step-once')).toBeEnabled();
    await page.getByTestId('step-once').click();
    await expect(page.getByTestId('iteration')).toHaveText(String(n), { timeout: 180_000 });
  }
}
