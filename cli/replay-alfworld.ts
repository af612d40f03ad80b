/**
 * Replays a list of actions in ALFWorld-lite and prints one JSON line per step (docs/DESIGN.md, "Environments"):
 * `{"step":n,"action":...,"observation":...,"reward":r,"done":d,"admissible":[...]}`, with the initial
 * observation first as step 0 and `"action": null`. The world comes from a scene file or from a seed and a preset.
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from './args';
import { AlfworldEnv, generateTask, getAlfworldPreset, parseScene, type AlfworldGame } from '../src/envs/alfworld/index';

/** Where the world and the actions come from. */
export interface ReplayArgs {
  /** Path of a scene JSON file (docs/ALFWORLD.md); takes precedence over `seed`. */
  scene?: string;
  /** Seed of a generated world. */
  seed?: number;
  /** Preset of a generated world (default `standard`). */
  preset?: string;
  /** Path of a text file with one action per line; blank lines are skipped. */
  actions: string;
}

async function loadGame(args: ReplayArgs): Promise<AlfworldGame> {
  if (args.scene !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(args.scene, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read scene ${args.scene}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parseScene(json);
    if (!parsed.ok) throw new UsageError(`invalid scene ${args.scene}:\n  ${parsed.errors.join('\n  ')}`);
    return parsed.game;
  }
  if (args.seed === undefined) throw new UsageError('replay --env alfworld needs --scene FILE or --seed N');
  const preset = args.preset ?? 'standard';
  try {
    getAlfworldPreset(preset);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  return generateTask(args.seed, preset);
}

/** Prints the replay to stdout, one JSON line per step; stops early if the episode ends. */
export async function runReplay(args: ReplayArgs): Promise<void> {
  const game = await loadGame(args);
  let actionsText: string;
  try {
    actionsText = await readFile(args.actions, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read actions ${args.actions}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const actions = actionsText.split(/\r?\n/).filter((line) => line.trim() !== '');
  const env = new AlfworldEnv();
  const start = env.reset(game);
  const print = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
  print({ step: 0, action: null, observation: start.text, reward: 0, done: false, admissible: env.admissibleActions() });
  for (const [i, action] of actions.entries()) {
    if (env.done) break;
    const result = env.step(action);
    const done = result.terminated || result.truncated;
    print({ step: i + 1, action, observation: result.observation, reward: result.reward, done, admissible: env.admissibleActions() });
  }
}
