/** The central chart's steps as the page lists them on request (the chart's "List" button). */
import type { Locator } from '@playwright/test';

/**
 * Opens the step list of the first central chart inside `scope` (unless it is open) and returns its
 * buttons, one per step, ordered by entropy, each carrying its mark's data (`data-traj`, `data-t`,
 * `data-x`, `data-y`, `data-entropy`, `data-magnitude`, `data-rank`).
 */
export async function listedSteps(scope: Locator): Promise<Locator> {
  const chart = scope.locator('.central-chart').first();
  const toggle = chart.getByTestId('central-list');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return chart.locator('[data-testid="update-point"]');
}
