/**
 * `envstats --env deepsearch`: measures every Deep Search-lite preset — sizes and splits, oracle success
 * and optimal length over every question, and over 1,000 seeded held-out episodes (half in domain, half out
 * of domain) the random policy (uniform over admissible actions), the single-search baseline and the
 * demonstrator (no noise) — and returns markdown tables.
 */
import { createRng } from '../src/core/prng.ts';
import {
  DEEPSEARCH_PRESETS, DeepSearchEnv, Demonstrator, planOracle, presetWorld, questionForSeed, singleSearchAction,
  type DeepSearchPreset, type Split,
} from '../src/envs/deepsearch/index.ts';

const EPISODES = 1000;
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

type Policy = (question: string, context: string, admissible: readonly string[]) => string;

/** Plays one episode; the context is the retrieved passages joined, newest first (what the policy reads). */
function play(env: DeepSearchEnv, question: Parameters<DeepSearchEnv['reset']>[0]['question'], policy: Policy): boolean {
  env.reset({ question });
  for (;;) {
    const context = env.context().map((p) => p.text).join(' | ');
    const result = env.step(policy(question.text, context, env.admissibleActions()));
    if (result.terminated || result.truncated) return result.won;
  }
}

function presetRows(preset: DeepSearchPreset): { sizes: string; baselines: string } {
  const world = presetWorld(preset);
  const env = new DeepSearchEnv(world, preset.env);
  let oracleWins = 0;
  const lengths: number[] = [];
  for (const question of world.questions) {
    const plan = planOracle(world, question, preset.env.topK);
    if (!plan) continue;
    env.reset({ question });
    let won = false;
    for (const action of plan) won = env.step(action).won;
    if (won) {
      oracleWins++;
      lengths.push(plan.length);
    }
  }
  lengths.sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const count = (split: Split) => world.splits[split].length;
  const sizes = `| ${preset.name} | ${world.kb.entities.length} | ${world.passages.length} | ${count('train')} / ${count('valid')} / ${count('test-id')} / ${count('test-ood')} | ${percent(oracleWins / world.questions.length)} | ${lengths[0]} / ${lengths[Math.floor((lengths.length - 1) / 2)]} / ${mean(lengths).toFixed(2)} / ${lengths[lengths.length - 1]} |`;

  const rng = createRng(`deepsearch-envstats:${preset.name}`);
  const random: Policy = (_q, _c, admissible) => rng.pick(admissible);
  const demonstrator = new Demonstrator(rng.fork('demonstrator'));
  const policies: Policy[] = [random, singleSearchAction, (q, c, a) => demonstrator.act(q, c, a)];
  const wins = policies.map(() => ({ id: 0, ood: 0 }));
  for (let episode = 0; episode < EPISODES; episode++) {
    const domain = episode % 2 === 0 ? 'id' : 'ood';
    const question = questionForSeed(world, domain === 'id' ? 'test-id' : 'test-ood', episode >> 1);
    policies.forEach((policy, k) => {
      if (play(env, question, policy)) wins[k][domain]++;
    });
  }
  const cell = (w: { id: number; ood: number }) => `${percent((2 * w.id) / EPISODES)} / ${percent((2 * w.ood) / EPISODES)}`;
  return { sizes, baselines: `| ${preset.name} | ${wins.map(cell).join(' | ')} |` };
}

/** Measures every preset and returns the markdown tables. */
export async function runEnvStats(): Promise<string> {
  const rows = Object.values(DEEPSEARCH_PRESETS).map(presetRows);
  return [
    '| preset | entities | passages | questions train / valid / test-id / test-ood | oracle success | optimal length min / median / mean / max |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => r.sizes),
    '',
    `Held-out success, in domain / out of domain (${EPISODES} episodes, half each):`,
    '',
    '| preset | random | single search | demonstrator (no noise) |',
    '|---|---|---|---|',
    ...rows.map((r) => r.baselines),
  ].join('\n');
}
