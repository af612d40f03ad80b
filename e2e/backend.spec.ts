import { test, expect, waitForBackend } from './fixtures';

test('#backend=webgpu runs on WebGPU and matches cpu', async ({ page, consoleLog }) => {
  await page.goto('./#backend=webgpu');
  expect(await waitForBackend(page)).toBe('webgpu');
  await expect(page.getByTestId('backend-reason')).toContainText('#backend=webgpu');
  const check = page.getByTestId('backend-check');
  const maxRelError = Number(await check.getAttribute('data-max-rel-error'));
  expect(maxRelError).toBeGreaterThanOrEqual(0);
  expect(maxRelError).toBeLessThan(1e-4);
  await expect(check).toContainText('✓');
  await expect(page.getByTestId('error-banner')).toHaveCount(0);
  expect(consoleLog.problems).toEqual([]);
});

test('auto mode says why it did not pick the software WebGPU adapter', async ({ page }) => {
  await page.goto('./');
  const backend = await waitForBackend(page);
  expect(backend).not.toBe('webgpu');
  const reason = page.getByTestId('backend-reason');
  await expect(reason).toContainText('software fallback');
  await expect(reason).toContainText('speed probe');
  await expect(reason).toContainText(backend);
});

test('#backend=wasm works, with the SIMD batched matmul', async ({ page }) => {
  await page.goto('./#backend=wasm');
  expect(await waitForBackend(page)).toBe('wasm');
  await expect(page.getByTestId('backend-check')).toContainText('✓');
  await expect(page.getByTestId('backend-check')).toContainText('SIMD matmul');
});

test('a bad URL value is reported and the page still works', async ({ page }) => {
  await page.goto('./#backend=quantum');
  await expect(page.getByTestId('error-banner')).toContainText('backend="quantum" is invalid');
  expect(await waitForBackend(page)).not.toBe('');
  await expect(page.getByTestId('empg-calculator')).toBeVisible();
});
