/** The lecture starting point: presentation mode's button sets the measured settings (docs/TRAINING.md). */
import { test, expect } from './fixtures';

test('Lecture start sets WebShop-lite, GRPO + EMPG, B = 4, G = 8, lr 3e-3, one lane, in the controls and the link', async ({ page }) => {
  await page.goto('./#present=1&backend=wasm&compare=1&seed=5');
  await page.getByTestId('lecture-start').click();
  await expect(page).toHaveURL(/env=webshop/);
  // The link keeps only what differs from the defaults (GRPO + EMPG, G = 8 and lr 3e-3 are the defaults).
  for (const part of ['B=4', 'smoothing=0.8']) await expect(page).toHaveURL(new RegExp(part));
  await expect(page).not.toHaveURL(/algo=|G=|lr=/);
  await expect(page).not.toHaveURL(/compare=1|seed=5/);
  await expect(page.getByTestId('run-caption')).toContainText(/Live run: GRPO \+ EMPG · WebShop-lite \(tiny\), seed 1 · B = 4 tasks × G = 8 rollouts/, { timeout: 90_000 });
});
