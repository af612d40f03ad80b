/**
 * The pure side of the "Play it yourself" panel: worlds of every environment behind one small interface,
 * and an episode derived by replaying the actions taken so far from `reset` (environments are deterministic
 * and cheap, so undo is "replay one fewer" and the panel keeps no environment object in React state).
 * The panel loads this module lazily, which keeps the environments out of the page's first chunk.
 */
import {
  AlfworldEnv, generateTask, getAlfworldPreset, oraclePlan, parseScene, type AlfworldGame,
} from '../../envs/alfworld/index';
import {
  buildWorld, DEFAULT_ENV_OPTIONS, getPreset, goalForSeed, parseCatalogue, planOracle, presetWorld, SEP, WebShopEnv,
  type Goal, type WebShopEnvOptions, type WebShopWorld,
} from '../../envs/webshop/index';
import {
  DeepSearchEnv, getPreset as getDeepSearchPreset, parseKnowledgeBase, planOracle as planSearchOracle, presetWorld as deepSearchWorld,
  questionForSeed, worldFromKnowledge, type DeepSearchEnvOptions, type DeepSearchWorld, type Question,
} from '../../envs/deepsearch/index';
import type { PlayEnvName } from './playChoices';
import { JSON_DEPTH_LIMIT, jsonTooDeep } from '../../core/jsonDepth';

/** A world ready to play: one task of one environment. */
export type PlayWorld =
  | { env: 'alfworld'; source: string; game: AlfworldGame }
  | { env: 'webshop'; source: string; shop: WebShopWorld; goal: Goal; options: WebShopEnvOptions }
  | { env: 'deepsearch'; source: string; kb: DeepSearchWorld; question: Question; options: DeepSearchEnvOptions };

/**
 * The task a seed names, as the trainer reads seeds: the ALFWorld world `generateTask(seed, preset)`, or the
 * WebShop goal `goalForSeed(world, 'train', seed)` of the preset's fixed catalogue (built once, then cached), or
 * the Deep Search question `questionForSeed(world, 'train', seed)` of the preset's fixed knowledge base.
 */
export function generatedWorld(env: PlayEnvName, preset: string, seed: number): PlayWorld {
  if (env === 'deepsearch') {
    const settings = getDeepSearchPreset(preset);
    const kb = deepSearchWorld(settings);
    const question = questionForSeed(kb, 'train', seed);
    return { env, source: `${preset} preset, seed ${seed} (question ${question.id} of ${kb.questions.length})`, kb, question, options: settings.env };
  }
  if (env === 'alfworld') {
    return { env, source: `${preset} preset, seed ${seed}`, game: generateTask(seed, getAlfworldPreset(preset).name) };
  }
  const settings = getPreset(preset);
  const shop = presetWorld(settings);
  const goal = goalForSeed(shop, 'train', seed);
  return { env, source: `${preset} preset, seed ${seed} (goal ${goal.id} of ${shop.catalogue.goals.length})`, shop, goal, options: settings.env };
}

/** A loaded file: the world, or the problems to show (one readable line each, naming the field). */
export type FileResult = { ok: true; world: PlayWorld } | { ok: false; errors: string[] };

/**
 * Reads a scene (ALFWorld), catalogue (WebShop) or knowledge-base (Deep Search) file. The kind is recognised
 * by its top-level key (`receptacles`, `products` or `facts`); anything else is checked against `preferred`'s
 * schema so the errors still name fields. In a catalogue, the seed picks goal `seed` modulo the number of
 * goals (free-text search, as the replay CLI plays catalogue files); in a knowledge base, question `seed`
 * modulo the number of questions the tiny preset's writer finds in it (as the replay CLI does).
 */
export function worldFromFile(fileName: string, text: string, preferred: PlayEnvName, seed: number): FileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  if (jsonTooDeep(json)) return { ok: false, errors: [`${fileName} nests more than ${JSON_DEPTH_LIMIT} levels deep; no scene, catalogue or knowledge base does`] };
  const keys = json !== null && typeof json === 'object' ? Object.keys(json) : [];
  const env: PlayEnvName = keys.includes('products') ? 'webshop' : keys.includes('receptacles') ? 'alfworld' : keys.includes('facts') ? 'deepsearch' : preferred;
  if (env === 'deepsearch') {
    const parsed = parseKnowledgeBase(json);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const preset = getDeepSearchPreset('tiny');
    const kb = worldFromKnowledge(parsed.kb, preset);
    if (kb.questions.length === 0) return { ok: false, errors: ['facts: no question can be written from these facts'] };
    const index = ((Math.trunc(seed) % kb.questions.length) + kb.questions.length) % kb.questions.length;
    return { ok: true, world: { env, source: `knowledge base ${fileName}, question ${index} of ${kb.questions.length}`, kb, question: kb.questions[index], options: preset.env } };
  }
  if (env === 'alfworld') {
    const parsed = parseScene(json);
    return parsed.ok ? { ok: true, world: { env, source: `scene ${fileName}`, game: parsed.game } } : { ok: false, errors: parsed.errors };
  }
  const parsed = parseCatalogue(json);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const goals = parsed.catalogue.goals;
  if (goals.length === 0) return { ok: false, errors: ['goals: the catalogue has no goals'] };
  const index = ((Math.trunc(seed) % goals.length) + goals.length) % goals.length;
  return {
    ok: true,
    world: {
      env, source: `catalogue ${fileName}, goal ${index} of ${goals.length}`, shop: buildWorld(parsed.catalogue), goal: goals[index],
      options: { ...DEFAULT_ENV_OPTIONS, searchMode: 'free' },
    },
  };
}

/** One line of the transcript; step 0 is the initial observation (`action: null`). */
export interface EpisodeStep {
  step: number;
  action: string | null;
  observation: string;
  reward: number;
  done: boolean;
  /** False when the action was not admissible (a no-op that used a step). */
  valid: boolean;
  /** The admissible actions after this step. */
  admissible: string[];
}

/** WebShop's score of a purchase and its parts (goal.py). */
export interface PurchaseScore {
  asin: string;
  score: number;
  r_type: number;
  r_att: number;
  /** `null` when the goal names no options (WebShop's `None`). */
  r_option: number | null;
  r_price: number;
}

/** The episode so far. */
export interface Episode {
  /** The instruction the agent reads. */
  goal: string;
  steps: EpisodeStep[];
  /** Actions taken (invalid ones count). */
  stepCount: number;
  stepLimit: number;
  done: boolean;
  won: boolean;
  /** Set once WebShop's `buy now` was clicked. */
  purchase: PurchaseScore | null;
  /** Set once a Deep Search answer was given: the answer and the gold one. */
  answer: { given: string; gold: string } | null;
}

/** A fresh environment of the world, reset; returns it with its first observation. */
function startEnv(world: PlayWorld): { env: AlfworldEnv | WebShopEnv | DeepSearchEnv; goal: string; text: string } {
  if (world.env === 'alfworld') {
    const env = new AlfworldEnv();
    return { env, ...env.reset(world.game) };
  }
  if (world.env === 'webshop') {
    const env = new WebShopEnv(world.shop, world.options);
    return { env, ...env.reset({ goal: world.goal }) };
  }
  const env = new DeepSearchEnv(world.kb, world.options);
  return { env, ...env.reset({ question: world.question }) };
}

/** Replays `actions` from reset; actions after the episode ended are ignored, as the replay CLI does. */
export function playEpisode(world: PlayWorld, actions: readonly string[]): Episode {
  const { env, ...start } = startEnv(world);
  const steps: EpisodeStep[] = [{ step: 0, action: null, observation: start.text, reward: 0, done: false, valid: true, admissible: env.admissibleActions() }];
  let done = false;
  let won = false;
  let purchase: PurchaseScore | null = null;
  let answer: Episode['answer'] = null;
  for (const action of actions) {
    if (done) break;
    const result = env.step(action);
    done = result.terminated || result.truncated;
    won = result.won;
    if (typeof result.info.score === 'number') {
      const info = result.info as Record<string, number | string | null>;
      purchase = {
        asin: String(info.purchased), score: Number(info.score), r_type: Number(info.r_type), r_att: Number(info.r_att),
        r_option: info.r_option === null ? null : Number(info.r_option), r_price: Number(info.r_price),
      };
    }
    if (typeof result.info.gold === 'string') answer = { given: String(result.info.answer), gold: result.info.gold };
    steps.push({ step: steps.length, action, observation: result.observation, reward: result.reward, done, valid: result.valid, admissible: env.admissibleActions() });
  }
  const stepLimit = world.env === 'alfworld' ? world.game.stepLimit : world.options.stepLimit;
  return { goal: start.goal, steps, stepCount: steps.length - 1, stepLimit, done, won, purchase, answer };
}

/**
 * The oracle's shortest plan from where the player stands, or null when it finds none in the steps left.
 * ALFWorld: breadth-first search from the current state. WebShop: the plan from the search page, which
 * works from any page because `search[...]` is accepted everywhere and starts over. Deep Search: the plan's
 * searches not yet made, then the answer (what was retrieved stays in the agent's context).
 */
export function oracleHint(world: PlayWorld, actions: readonly string[]): string[] | null {
  const episode = playEpisode(world, actions);
  if (episode.done) return null;
  const stepsLeft = episode.stepLimit - episode.stepCount;
  let plan: string[] | null;
  if (world.env === 'alfworld') {
    const env = new AlfworldEnv();
    env.reset(world.game);
    for (const action of actions) env.step(action);
    plan = oraclePlan({ ...world.game, initial: env.snapshot() }, { maxDepth: stepsLeft });
  } else if (world.env === 'webshop') {
    plan = planOracle(world.shop, world.goal, world.options.candidateCount)?.actions ?? null;
  } else {
    plan = planSearchOracle(world.kb, world.question, world.options.topK)?.filter((action) => !actions.includes(action)) ?? null;
  }
  return plan && plan.length <= stepsLeft ? plan : null;
}

/** The episode in the replay CLI's format: one JSON object per step, step 0 with `"action": null`. */
export function transcriptJsonLines(episode: Episode): string {
  return episode.steps
    .map(({ step, action, observation, reward, done, admissible }) => `${JSON.stringify({ step, action, observation, reward, done, admissible })}\n`)
    .join('');
}

/** A WebShop observation split at ` [SEP] ` into what the page shows as separate pieces. */
export function splitWebShopText(text: string): string[] {
  return text.split(SEP);
}
