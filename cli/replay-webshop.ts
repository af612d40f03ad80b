/**
 * `replay --env webshop`: plays a list of actions in WebShop-lite and prints one JSON line per step
 * (DESIGN.md): the initial observation as step 0 with `"action": null`, then each action's result.
 */
import { readFileSync } from 'node:fs';
import {
  buildWorld,
  DEFAULT_ENV_OPTIONS,
  getPreset,
  parseCatalogue,
  presetWorld,
  WebShopEnv,
  type WebShopEnvOptions,
  type WebShopWorld,
} from '../src/envs/webshop/index.ts';

/** Loads the world: a catalogue file (free-text search by default) or a preset's generated catalogue. */
function loadWorld(args: { catalogue?: string; seed?: number; preset?: string }): { world: WebShopWorld; options: WebShopEnvOptions } {
  const preset = args.preset !== undefined ? getPreset(args.preset) : undefined;
  if (args.catalogue !== undefined) {
    const result = parseCatalogue(JSON.parse(readFileSync(args.catalogue, 'utf8')));
    if (!result.ok) throw new Error(`${args.catalogue} is not a valid WebShop catalogue:\n  ${result.errors.join('\n  ')}`);
    return { world: buildWorld(result.catalogue), options: preset?.env ?? { ...DEFAULT_ENV_OPTIONS, searchMode: 'free' } };
  }
  const generated = preset ?? getPreset('tiny');
  return { world: presetWorld(generated, args.seed ?? generated.defaultSeed), options: generated.env };
}

/**
 * Replays the actions file (one action per line, blank lines skipped) on goal `goal` (default 0) of the
 * catalogue file, or of the catalogue generated from `preset` (default `tiny`) and `seed`.
 */
export async function runReplay(args: { catalogue?: string; goal?: number; seed?: number; preset?: string; actions: string }): Promise<void> {
  const { world, options } = loadWorld(args);
  const goalIndex = args.goal ?? 0;
  const goal = world.catalogue.goals[goalIndex];
  if (!goal) throw new Error(`goal ${goalIndex} does not exist; the catalogue has goals 0–${world.catalogue.goals.length - 1}`);
  const actions = readFileSync(args.actions, 'utf8').split(/\r?\n/).filter((line) => line.trim().length > 0);
  const env = new WebShopEnv(world, options);
  const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const start = env.reset({ goal });
  print({ step: 0, action: null, observation: start.text, reward: 0, done: false, admissible: env.admissibleActions() });
  for (const [k, action] of actions.entries()) {
    const result = env.step(action);
    const done = result.terminated || result.truncated;
    print({ step: k + 1, action, observation: result.observation, reward: result.reward, done, admissible: env.admissibleActions() });
    if (done) break;
  }
}
