/**
 * `replay --env deepsearch`: plays a list of actions in Deep Search-lite and prints one JSON line per step
 * (DESIGN.md): the question as step 0 with `"action": null`, then each action's result.
 */
import { readFileSync } from 'node:fs';
import { DeepSearchEnv, getPreset, parseKnowledgeBase, presetWorld, worldFromKnowledge, type DeepSearchWorld } from '../src/envs/deepsearch/index.ts';

/** Loads the world: a knowledge-base file (questions written by the preset's writer) or a preset's generated one. */
function loadWorld(args: { kb?: string; seed?: number; preset?: string }): DeepSearchWorld {
  const preset = getPreset(args.preset ?? 'tiny');
  if (args.kb !== undefined) {
    const result = parseKnowledgeBase(JSON.parse(readFileSync(args.kb, 'utf8')));
    if (!result.ok) throw new Error(`${args.kb} is not a valid knowledge base:\n  ${result.errors.join('\n  ')}`);
    return worldFromKnowledge(result.kb, preset);
  }
  return presetWorld(preset, args.seed ?? preset.defaultSeed);
}

/**
 * Replays the actions file (one action per line, blank lines skipped) on question `question` (default 0) of
 * the knowledge-base file, or of the world generated from `preset` (default `tiny`) and `seed`.
 */
export async function runReplay(args: { kb?: string; question?: number; seed?: number; preset?: string; actions: string }): Promise<void> {
  const world = loadWorld(args);
  const index = args.question ?? 0;
  const question = world.questions[index];
  if (!question) throw new Error(`question ${index} does not exist; the world has questions 0–${world.questions.length - 1}`);
  const actions = readFileSync(args.actions, 'utf8').split(/\r?\n/).filter((line) => line.trim().length > 0);
  const env = new DeepSearchEnv(world, getPreset(args.preset ?? 'tiny').env);
  const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const start = env.reset({ question });
  print({ step: 0, action: null, observation: start.text, reward: 0, done: false, admissible: env.admissibleActions() });
  for (const [k, action] of actions.entries()) {
    const result = env.step(action);
    const done = result.terminated || result.truncated;
    print({ step: k + 1, action, observation: result.observation, reward: result.reward, done, admissible: env.admissibleActions(), info: result.info });
    if (done) break;
  }
}
