/**
 * Progress inside an iteration and Pause at a safe point: the progress line advances through the
 * rollout of the first iteration, Pause takes effect before that iteration ends (it is abandoned, the
 * counter stays at 0), and Step then runs the iteration again from its first rollout step. Only the
 * order of events is checked, never how long anything took or how many reports shared a frame.
 */
import { test, expect, waitForBackend } from './fixtures';

test('the progress line advances inside an iteration, and Pause stops it before the iteration ends', async ({ page }) => {
  test.setTimeout(300_000);
  // The page draws progress at most every 200 ms, so the first rollout must outlast a few of those: 64 tasks
  // × 16 rollouts (a default rollout of 8 × 8 takes ~0.2 s here, and would be drawn at one step only).
  await page.goto('./#backend=wasm&B=64&G=16');
  expect(await waitForBackend(page)).toBe('wasm');
  await expect(page.getByTestId('iteration-progress')).toHaveAttribute('data-phase', 'idle');
  // Record every change of the progress line and of the iteration counter, in order.
  await page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { progressLog: string[] }).progressLog = log;
    const line = document.querySelector('[data-testid="iteration-progress"]')!;
    const counter = document.querySelector('[data-testid="iteration"]')!;
    const record = () => {
      const rerun = line.getAttribute('data-rerun') === 'true' ? ` (rerun from ${line.getAttribute('data-start')})` : '';
      const entry = `${line.getAttribute('data-phase')} ${line.getAttribute('data-iteration')} ${line.getAttribute('data-update') === 'true' ? 'minibatch' : 'step'} ${line.getAttribute('data-position')}${rerun}`;
      if (log.at(-1) !== entry) log.push(entry);
    };
    new MutationObserver(record).observe(line, { attributes: true });
    new MutationObserver(() => log.push(`iteration ${counter.textContent}`)).observe(counter, { childList: true, characterData: true, subtree: true });
  });
  const log = () => page.evaluate(() => (window as unknown as { progressLog: string[] }).progressLog.slice());

  await page.getByTestId('play').click();
  // Two different rollout steps of iteration 1: progress moves inside the iteration.
  await expect.poll(async () => (await log()).filter((e) => /^rollout 1 step \d+$/.test(e)).length, { timeout: 180_000, intervals: [100] }).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => (window as unknown as { progressLog: string[] }).progressLog.push('pause clicked'));
  await page.getByTestId('pause').click();
  await expect(page.getByTestId('iteration-progress')).toHaveAttribute('data-phase', 'abandoned', { timeout: 120_000 });
  await expect(page.getByTestId('iteration-progress')).toContainText(/Paused in iteration 1 at (rollout step \d+|update minibatch \d+|the start of its update).*Play runs it again/);
  await expect(page.getByTestId('iteration')).toHaveText('0');

  const events = await log();
  const clicked = events.indexOf('pause clicked');
  const steps = events.slice(0, clicked).filter((e) => e.startsWith('rollout 1 step')).map((e) => Number(e.split(' ').at(-1)));
  expect(steps, 'rollout steps before Pause, in order').toEqual([...steps].sort((a, b) => a - b));
  expect(new Set(steps).size).toBeGreaterThanOrEqual(2);
  // After the click: at most a few more safe points of iteration 1, then it is abandoned — never finished.
  const after = events.slice(clicked + 1);
  expect(after.at(-1)).toMatch(/^abandoned 1 /);
  expect(after.filter((e) => e.startsWith('iteration '))).toEqual([]);
  expect(after.every((e) => / 1 (step|minibatch) /.test(e) || e.startsWith('pausing 1'))).toBe(true);

  // Step runs iteration 1 again, from its first rollout step, to its end. The page applies the worker's
  // messages once per animation frame, so the first step it draws may be a later one; where the run
  // began is kept from every message, and the line says it is a rerun.
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 240_000 });
  const rerun = (await log()).slice(events.length);
  // (The line goes idle in the same frame as the counter moves on; that entry may come first.)
  const drawn = rerun.slice(0, rerun.indexOf('iteration 1')).filter((e) => !e.startsWith('idle'));
  expect(drawn.length, 'the rerun was drawn before it finished').toBeGreaterThanOrEqual(1);
  expect(drawn.every((e) => /^(rollout|update) 1 (step|minibatch) \d+ \(rerun from step 1\)$/.test(e)), drawn.join(' | ')).toBe(true);
  const rerunSteps = drawn.filter((e) => e.startsWith('rollout')).map((e) => Number(e.split(' ')[3]));
  expect(rerunSteps, 'rollout steps of the rerun, in order').toEqual([...rerunSteps].sort((a, b) => a - b));
  const firstUpdate = drawn.findIndex((e) => e.startsWith('update'));
  if (firstUpdate >= 0) expect(drawn.slice(firstUpdate).every((e) => e.startsWith('update'))).toBe(true);
});
