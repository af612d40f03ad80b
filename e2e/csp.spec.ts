/**
 * The built page under its strict Content-Security-Policy: the policy is there, nothing violates it while
 * the page chooses a backend (wasm compiles under `wasm-unsafe-eval`) and trains, and no request leaves
 * localhost. The WebGPU and wasm self-checks under the same policy are in e2e/backend.spec.ts.
 */
import { test, expect, waitForBackend } from './fixtures';

test('strict CSP: no violation and no request off localhost while wasm trains', async ({ page }) => {
  const offsite: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) offsite.push(request.url());
  });
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto('./#backend=wasm&B=1&G=2&steps=2');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // No eval other than WebAssembly's, no remote origin, no wildcard.
  expect(policy!.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-eval|https?:|\*/);
  expect(await waitForBackend(page)).toBe('wasm');
  await page.keyboard.press('.');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 120_000 });
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(offsite).toEqual([]);
});
