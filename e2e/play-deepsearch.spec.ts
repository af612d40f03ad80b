/**
 * "Play it yourself" with Deep Search-lite: a person searches and answers a generated question by clicking
 * the admissible actions, and the browser's transcript is byte-identical to the one Node computes.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { DeepSearchEnv, getPreset, planOracle, presetWorld, questionForSeed } from '../src/envs/deepsearch/index.ts';

test('plays Deep Search-lite to a correct answer; the transcript matches Node byte for byte', async ({ page }, testInfo) => {
  const seed = 7;
  const preset = getPreset('tiny');
  const world = presetWorld(preset);
  const question = questionForSeed(world, 'train', seed);
  const plan = planOracle(world, question, preset.env.topK);
  expect(plan, 'the oracle answers the question').not.toBeNull();
  const env = new DeepSearchEnv(world, preset.env);
  const lines = [{ step: 0, action: null as string | null, observation: env.reset({ question }).text, reward: 0, done: false, admissible: env.admissibleActions() }];
  for (const action of plan!) {
    const r = env.step(action);
    lines.push({ step: lines.length, action, observation: r.observation, reward: r.reward, done: r.terminated || r.truncated, admissible: env.admissibleActions() });
  }

  await page.goto('./');
  const panel = page.getByTestId('play-panel');
  await expect(panel.getByTestId('play-source')).toContainText('ALFWorld-lite · tiny preset, seed 0');
  await panel.getByTestId('play-env').selectOption('deepsearch');
  await panel.getByTestId('play-preset').selectOption('tiny');
  await panel.getByTestId('play-seed').fill(String(seed));
  await expect(panel.getByTestId('play-source')).toContainText(`Deep Search-lite · tiny preset, seed ${seed}`);
  await expect(panel.getByTestId('play-goal')).toContainText(question.text);
  await expect(panel.getByTestId('play-observation')).toHaveText(lines[0].observation);

  for (const [i, action] of plan!.entries()) {
    await panel.getByRole('button', { name: action, exact: true }).click();
    await expect(panel.getByTestId(`play-step-${i + 1}`)).toBeVisible();
  }
  const outcome = panel.getByTestId('play-outcome');
  await expect(outcome).toHaveAttribute('data-state', 'success');
  await expect(outcome).toContainText(`matches the answer “${question.answer}” after ${plan!.length} steps: reward 1.`);

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('play-download').click()]);
  expect(await readFile(await download.path(), 'utf8')).toBe(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  const path = testInfo.outputPath('play-deepsearch-success.png');
  await panel.screenshot({ path });
  await testInfo.attach('play-deepsearch-success.png', { path, contentType: 'image/png' });
});
