/**
 * `envstats --env webshop`: measures every WebShop-lite preset — oracle success and optimal length over all
 * goals, random-policy success (uniform over admissible actions, 1,000 seeded episodes), the observation-only
 * demonstrator's success, and the length in words of verl-agent's WebShop prompt (envs.md §3.1) at step 0 —
 * and returns a markdown table.
 */
import { createRng } from '../src/core/prng.ts';
import { Demonstrator, planOracle, presetWorld, WEBSHOP_PRESETS, WebShopEnv, type WebShopPreset } from '../src/envs/webshop/index.ts';

const RANDOM_EPISODES = 1000;

/** verl-agent's `WEBSHOP_TEMPLATE_NO_HIS`, verbatim. */
function webshopPrompt(task: string, observation: string, admissible: readonly string[]): string {
  return `
You are an expert autonomous agent operating in the WebShop e‑commerce environment. 
Your task is to: ${task}.
Your current observation is: ${observation}.
Your admissible actions of the current situation are: 
[
${admissible.map((action) => `'${action}'`).join(',\n')}
].

Now it's your turn to take one action for the current step.
You should first reason step-by-step about the current situation, then think carefully which admissible action best advances the shopping goal. This reasoning process MUST be enclosed within <think> </think> tags. 
Once you've finished your reasoning, you should choose an admissible action for current step and present it within <action> </action> tags.
`;
}

const wordCount = (text: string) => text.split(/\s+/).filter((word) => word.length > 0).length;
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

function presetRow(preset: WebShopPreset): string {
  const world = presetWorld(preset);
  const goals = world.catalogue.goals;
  const env = new WebShopEnv(world, preset.env);
  const lengths: number[] = [];
  let oracleWins = 0;
  const promptWords: number[] = [];
  for (const goal of goals) {
    const plan = planOracle(world, goal, preset.env.candidateCount);
    const start = env.reset({ goal });
    promptWords.push(wordCount(webshopPrompt(goal.instruction, start.text, env.admissibleActions())));
    if (!plan) continue;
    let won = false;
    for (const action of plan.actions) won = env.step(action).won;
    if (won) {
      oracleWins++;
      lengths.push(plan.actions.length);
    }
  }
  const rng = createRng(`webshop-envstats:${preset.name}`);
  const demonstrator = new Demonstrator(rng.fork('demonstrator'));
  let randomWins = 0;
  let demoWins = 0;
  for (let episode = 0; episode < RANDOM_EPISODES; episode++) {
    const goal = goals[episode % goals.length];
    env.reset({ goal });
    for (;;) {
      const result = env.step(rng.pick(env.admissibleActions()));
      if (result.terminated || result.truncated) {
        randomWins += result.won ? 1 : 0;
        break;
      }
    }
    let observation = env.reset({ goal }).text;
    demonstrator.reset();
    for (;;) {
      const result = env.step(demonstrator.act(observation, env.admissibleActions()));
      observation = result.observation;
      if (result.terminated || result.truncated) {
        demoWins += result.won ? 1 : 0;
        break;
      }
    }
  }
  lengths.sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const median = lengths[Math.floor((lengths.length - 1) / 2)];
  return `| ${preset.name} | ${world.catalogue.products.length} | ${goals.length} | ${preset.env.searchMode}, K=${preset.env.candidateCount} | ${percent(oracleWins / goals.length)} | ${lengths[0]} / ${median} / ${mean(lengths).toFixed(2)} / ${lengths[lengths.length - 1]} | ${percent(randomWins / RANDOM_EPISODES)} | ${percent(demoWins / RANDOM_EPISODES)} | ${Math.round(mean(promptWords))} (max ${Math.max(...promptWords)}) |`;
}

/** Measures every preset and returns the markdown table. */
export async function runEnvStats(): Promise<string> {
  const header = [
    '| preset | products | goals | search | oracle success | optimal length min / median / mean / max | random success (1,000 episodes) | demonstrator success (no noise) | prompt words at step 0, mean |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  return [...header, ...Object.values(WEBSHOP_PRESETS).map(presetRow)].join('\n');
}
