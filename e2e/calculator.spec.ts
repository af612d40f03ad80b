import { test, expect, waitForBackend } from './fixtures';

test('the EMPG calculator reacts to a slider at once', async ({ page }, testInfo) => {
  await page.goto('./');
  const calculator = page.getByTestId('empg-calculator');
  await expect(calculator).toBeVisible();

  // τ4's first step: a confident failure. Its final advantage is negative and amplified (g > 1).
  const firstOfT4 = 10;
  const finalCell = page.getByTestId(`calc-final-${firstOfT4}`);
  const before = Number(await finalCell.textContent());
  expect(before).toBeLessThan(0);

  // Make that step very uncertain: the penalty must shrink (g < 1).
  await page.getByTestId('calc-entropy-3-0').fill('3');
  await expect(finalCell).not.toHaveText(before.toFixed(3));
  const after = Number(await finalCell.textContent());
  expect(Math.abs(after)).toBeLessThan(Math.abs(before));

  // Selecting a row explains it with its own numbers.
  await page.getByTestId(`calc-row-${firstOfT4}`).click();
  await expect(page.getByTestId('calc-formulas')).toContainText('τ4·s1');

  // ζ = 0 removes every bonus.
  await page.getByTestId('calc-zeta').fill('0');
  const bonusCells = page.locator('[data-testid="calc-table"] tbody tr td:nth-child(6)');
  for (const text of await bonusCells.allTextContents()) expect(['—', '0.000']).toContain(text);

  await waitForBackend(page);
  const shot = await page.screenshot({ fullPage: true, path: testInfo.outputPath('playground.png') });
  await testInfo.attach('playground.png', { body: shot, contentType: 'image/png' });
});
