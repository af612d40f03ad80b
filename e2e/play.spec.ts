/**
 * "Play it yourself": a person plays both environments to success by clicking the oracle's plan, and the
 * browser's transcript is byte-identical to the one Node computes from the same seed (determinism across
 * runtimes). Invalid actions and bad files behave as the environments and the file parsers say.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures';
import { AlfworldEnv, generateTask, oraclePlan } from '../src/envs/alfworld/index.ts';
import { ALFWORLD_PRESETS } from '../src/envs/alfworld/presets.ts';
import { getPreset, goalForSeed, planOracle, presetWorld, WebShopEnv } from '../src/envs/webshop/index.ts';
import type { TextEnv } from '../src/envs/types.ts';

/** Steps an episode of the panel's generated ALFWorld world (tiny preset) may take. */
const TINY_LIMIT = ALFWORLD_PRESETS.tiny.stepLimit;

/** Plays `actions` in Node and writes the replay CLI's JSON lines (step 0: the initial observation). */
function nodeTranscript<Task>(env: TextEnv<Task>, task: Task, actions: readonly string[]): { observations: string[]; jsonLines: string } {
  const observations = [env.reset(task).text];
  const lines = [{ step: 0, action: null as string | null, observation: observations[0], reward: 0, done: false, admissible: env.admissibleActions() }];
  for (const action of actions) {
    const result = env.step(action);
    observations.push(result.observation);
    lines.push({ step: lines.length, action, observation: result.observation, reward: result.reward, done: result.terminated || result.truncated, admissible: env.admissibleActions() });
  }
  return { observations, jsonLines: lines.map((line) => `${JSON.stringify(line)}\n`).join('') };
}

async function openPanel(page: Page): Promise<Locator> {
  await page.goto('./');
  const panel = page.getByTestId('play-panel');
  await expect(panel.getByTestId('play-source')).toContainText('ALFWorld-lite · tiny preset, seed 0');
  return panel;
}

/** Chooses a generated world and waits until the panel shows it. */
async function chooseWorld(panel: Locator, env: 'alfworld' | 'webshop', seed: number): Promise<void> {
  await panel.getByTestId('play-env').selectOption(env);
  await panel.getByTestId('play-preset').selectOption('tiny');
  await panel.getByTestId('play-seed').fill(String(seed));
  await expect(panel.getByTestId('play-source')).toContainText(`tiny preset, seed ${seed}`);
  await expect(panel.getByTestId('play-steps')).toContainText('Step 0 of');
}

/** Clicks each action's button by its accessible name, the way a person would. */
async function clickActions(panel: Locator, actions: readonly string[]): Promise<void> {
  for (const [i, action] of actions.entries()) {
    await panel.getByRole('button', { name: action, exact: true }).click();
    await expect(panel.getByTestId(`play-step-${i + 1}`)).toBeVisible();
  }
}

/** The browser's transcript: each step's observation text and the downloaded JSON lines. */
async function browserTranscript(page: Page, panel: Locator, steps: number): Promise<{ observations: string[]; jsonLines: string }> {
  const observations: string[] = [];
  for (let i = 0; i <= steps; i++) observations.push((await panel.getByTestId(`play-step-${i}`).locator('.play-step-observation').textContent()) ?? '');
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('play-download').click()]);
  return { observations, jsonLines: await readFile(await download.path(), 'utf8') };
}

async function attachShot(panel: Locator, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(name);
  await panel.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('the panel opens on the training environment of the link and follows the training settings', async ({ page }) => {
  await page.goto('./#env=webshop&backend=wasm');
  const panel = page.getByTestId('play-panel');
  await expect(panel.getByTestId('play-source')).toContainText('WebShop-lite · tiny preset, seed 0');
  await expect(panel.getByTestId('play-env')).toHaveValue('webshop');
  await page.getByTestId('env-select').selectOption('deepsearch');
  await expect(panel.getByTestId('play-source')).toContainText('Deep Search-lite · tiny preset, seed 0');
  await expect(panel.getByTestId('play-env')).toHaveValue('deepsearch');
  await page.getByTestId('env-select').selectOption('alfworld');
  await expect(panel.getByTestId('play-source')).toContainText('ALFWorld-lite · tiny preset, seed 0');
});

test('plays ALFWorld-lite to success; the transcript matches Node byte for byte', async ({ page }, testInfo) => {
  const seed = 4;
  const game = generateTask(seed, 'tiny');
  const plan = oraclePlan(game);
  expect(plan, 'the oracle solves the world').not.toBeNull();
  const expected = nodeTranscript(new AlfworldEnv(), game, plan!);

  const panel = await openPanel(page);
  await chooseWorld(panel, 'alfworld', seed);
  await expect(panel.getByTestId('play-goal')).toContainText(game.task.description);
  await expect(panel.getByTestId('play-observation')).toHaveText(expected.observations[0]);

  // The hint shows the same plan the test computed.
  await panel.getByTestId('play-oracle').click();
  await expect(panel.getByTestId('play-plan').locator('li')).toHaveText(plan!);

  await clickActions(panel, plan!);
  const outcome = panel.getByTestId('play-outcome');
  await expect(outcome).toHaveAttribute('data-state', 'success');
  await expect(outcome).toContainText(`Success! The goal holds after ${plan!.length} steps: reward 1.`);

  const actual = await browserTranscript(page, panel, plan!.length);
  expect(actual.observations).toEqual(expected.observations);
  expect(actual.jsonLines).toBe(expected.jsonLines);
  await attachShot(panel, testInfo, 'play-alfworld-success.png');
});

test('plays WebShop-lite to a score-1 purchase; the transcript matches Node byte for byte', async ({ page }, testInfo) => {
  const seed = 5;
  const preset = getPreset('tiny');
  const world = presetWorld(preset);
  const goal = goalForSeed(world, 'train', seed);
  const plan = planOracle(world, goal, preset.env.candidateCount);
  expect(plan, 'the oracle solves the goal').not.toBeNull();
  const expected = nodeTranscript(new WebShopEnv(world, preset.env), { goal }, plan!.actions);

  const panel = await openPanel(page);
  await chooseWorld(panel, 'webshop', seed);
  await expect(panel.getByTestId('play-goal')).toContainText(goal.instruction);
  await expect(panel.getByTestId('play-observation')).toHaveText(expected.observations[0]);

  await clickActions(panel, plan!.actions);
  const outcome = panel.getByTestId('play-outcome');
  await expect(outcome).toHaveAttribute('data-state', 'success');
  await expect(outcome).toContainText(`You bought ${plan!.asin} with a perfect score`);
  for (const part of ['score', 'r_type', 'r_att', 'r_option', 'r_price']) {
    await expect(outcome.locator('dl div').filter({ hasText: part }).locator('dd')).toHaveText('1.000');
  }

  const actual = await browserTranscript(page, panel, plan!.actions.length);
  expect(actual.observations).toEqual(expected.observations);
  expect(actual.jsonLines).toBe(expected.jsonLines);
  await attachShot(panel, testInfo, 'play-webshop-success.png');
});

test('an invalid free-text action answers "Nothing happens." and uses a step; undo and reset', async ({ page }) => {
  const panel = await openPanel(page);
  const freeText = panel.getByTestId('play-free-text');
  await freeText.fill('dance with the fridge');
  await freeText.press('Enter');
  await expect(panel.getByTestId('play-step-1')).toContainText('> dance with the fridge');
  await expect(panel.getByTestId('play-step-1').locator('.play-step-observation')).toHaveText('Nothing happens.');
  await expect(panel.getByTestId('play-step-1')).toContainText('no-op');
  await expect(panel.getByTestId('play-steps')).toContainText(`Step 1 of ${TINY_LIMIT}`);
  await expect(panel.getByTestId('play-observation')).toHaveText('Nothing happens.');

  // From the keyboard: Enter on an action button acts, and the focus stays in the new action list.
  await panel.getByTestId('play-action-0').focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('play-steps')).toContainText(`Step 2 of ${TINY_LIMIT}`);
  await expect(panel.locator('.play-action-list button:focus')).toHaveCount(1);
  await panel.getByTestId('play-undo').click();
  await expect(panel.getByTestId('play-steps')).toContainText(`Step 1 of ${TINY_LIMIT}`);
  await panel.getByTestId('play-reset').click();
  await expect(panel.getByTestId('play-steps')).toContainText(`Step 0 of ${TINY_LIMIT}`);
  await expect(panel.getByTestId('play-step-1')).toHaveCount(0);
});

test('a bad scene file shows field-named errors and keeps the world; a good one loads', async ({ page }) => {
  const panel = await openPanel(page);
  const goal = (await panel.getByTestId('play-goal').textContent()) ?? '';
  await panel.getByTestId('play-action-0').click();
  await expect(panel.getByTestId('play-steps')).toContainText(`Step 1 of ${TINY_LIMIT}`);

  const badScene = {
    receptacles: [{ name: 'countertop 1', contents: ['spoonn 1'] }],
    task: { type: 'pick_and_place_simple', object: 'apple', receptacle: 'bed' },
  };
  await panel.getByTestId('play-file').setInputFiles({ name: 'bad-scene.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(badScene)) });
  const errors = panel.getByTestId('play-file-errors');
  await expect(errors).toContainText('bad-scene.json was not loaded; the current world stays.');
  await expect(errors).toContainText('receptacles[0].contents[0]: unknown object type "spoonn"');
  await expect(errors).toContainText('task.receptacle: the scene has no bed');
  await expect(panel.getByTestId('play-goal')).toHaveText(goal);
  await expect(panel.getByTestId('play-steps')).toContainText(`Step 1 of ${TINY_LIMIT}`);

  await panel.getByTestId('play-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"receptacles": [') });
  await expect(errors).toContainText('broken.json is not valid JSON');

  await panel.getByTestId('play-file').setInputFiles('docs/examples/alfworld-scene.json');
  await expect(errors).toHaveCount(0);
  await expect(panel.getByTestId('play-source')).toContainText('scene alfworld-scene.json');
  await expect(panel.getByTestId('play-goal')).toContainText('clean some apple and put it in sidetable');
  await expect(panel.getByTestId('play-steps')).toContainText('Step 0 of 50');
});
