/**
 * The trainer's view of an environment family: episodes started from a task seed (the G copies of a task
 * share the seed, hence the world), the texts the vocabulary is built from, and a demonstrator that sees
 * only what the policy sees (for the supervised warm start).
 */
import { createRng, type Rng } from '../core/prng';
import { AlfworldEnv, generateTask, getAlfworldPreset, ObservingDemonstrator, progressSteps, type PlanLengthMemo } from '../envs/alfworld/index';
import { GENERATED_TYPES } from '../envs/alfworld/catalog';
import { Demonstrator, getPreset as getWebShopPreset, goalForSeed, presetWorld, WebShopEnv } from '../envs/webshop/index';
import {
  Demonstrator as SearchDemonstrator, getPreset as getDeepSearchPreset, DeepSearchEnv, INVALID_ACTION_MESSAGE, presetWorld as deepSearchWorld, trainingWorld,
  questionForSeed, RELATIONS,
} from '../envs/deepsearch/index';
import type { EnvName } from '../envs/types';

/** Which held-out part of the task space a seed is drawn from. */
export type TaskSplit = 'train' | 'test';

/** What the policy can see at one step. */
export interface EpisodeView {
  /** The instruction, without framing ("put a clean apple in fridge"). */
  task: string;
  /** The current observation, exactly as the environment words it. */
  observation: string;
  /** The observation as the prompt shows it: framing the task already gives removed, separators shortened. */
  compact: string;
  /** Admissible actions now (sorted as the environment sorts them). */
  admissible: string[];
}

/** The outcome of one step. */
export interface EpisodeStep {
  observation: string;
  won: boolean;
  /** The episode is over (solved, bought, or out of steps). */
  done: boolean;
  /** It ended because the step limit ran out. */
  truncated: boolean;
  /** The action was admissible (it changed something or was accepted). */
  valid: boolean;
  /** WebShop's 0–1 score of a purchase; 1 or 0 in ALFWorld. */
  score: number;
}

/** One running episode. */
export interface Episode {
  readonly view: EpisodeView;
  step(action: string): EpisodeStep;
}

/** An environment family with one preset. */
export interface TaskSource {
  env: EnvName;
  preset: string;
  /** Steps before the environment truncates an episode. */
  stepLimit: number;
  /** Starts the episode of a task seed; the same seed and split give the same world. */
  start(taskSeed: number, split: TaskSplit): Episode;
  /** Texts covering every word the episodes can show (for the tokenizer). */
  vocabularyTexts(): string[];
  /** A fresh observation-only demonstrator: `noise` is the chance of a random admissible action. */
  demonstrator(rng: Rng, noise: number): (view: EpisodeView) => string;
  /**
   * Where an oracle knows the way (ALFWorld-lite): for each played episode, whether each of its steps made
   * progress — the shortest plan after it is shorter than before it (`progressSteps`) — or null where the
   * planner gave up. Absent for environments without such an oracle.
   */
  progress?(episodes: readonly { taskSeed: number; actions: readonly string[] }[], split: TaskSplit): (boolean | null)[][];
}

/** ALFWorld test tasks come from seeds no training task uses. */
const ALFWORLD_TEST_SEED_BASE = 2_000_000_000;

/** Builds the task source of an environment and preset. Throws for an unknown preset. */
export function createTaskSource(env: EnvName, preset: string): TaskSource {
  if (env === 'deepsearch') return deepsearchSource(preset);
  return env === 'alfworld' ? alfworldSource(preset) : webshopSource(preset);
}

/** The observation without ALFWorld's welcome banner and task line (the task is given separately). */
function alfworldObservation(text: string): string {
  return text.replace(/^-= Welcome to TextWorld, ALFRED! =-\s*/, '').replace(/\s*Your task is to: .*$/s, '').trim();
}

/** The world seed of an ALFWorld task seed on a split. */
function alfworldSeed(taskSeed: number, split: TaskSplit): number {
  return split === 'test' ? ALFWORLD_TEST_SEED_BASE + taskSeed : taskSeed;
}

function alfworldSource(presetName: string): TaskSource {
  const preset = getAlfworldPreset(presetName);
  return {
    env: 'alfworld',
    preset: preset.name,
    stepLimit: preset.stepLimit,
    start(taskSeed, split) {
      const game = generateTask(alfworldSeed(taskSeed, split), preset);
      const env = new AlfworldEnv();
      const first = env.reset(game);
      const task = first.goal.replace(/^Your task is to: /, '').replace(/\.$/, '');
      const view: EpisodeView = { task, observation: first.text, compact: alfworldObservation(first.text), admissible: env.admissibleActions() };
      return {
        view,
        step(action) {
          const r = env.step(action);
          view.observation = r.observation;
          view.compact = r.observation;
          view.admissible = env.admissibleActions();
          return { observation: r.observation, won: r.won, done: r.terminated || r.truncated, truncated: r.truncated, valid: r.valid, score: r.reward };
        },
      };
    },
    vocabularyTexts() {
      const texts = [...GENERATED_TYPES, 'nothing happens .', 'you arrive at'];
      for (let n = 0; n <= 30; n++) texts.push(String(n));
      // Walk demonstrations and random episodes so every template word appears.
      for (let seed = 0; seed < 120; seed++) {
        for (const split of ['train', 'test'] as const) {
          const episode = this.start(seed, split);
          const act = this.demonstrator(createRng(seed), seed % 2 === 0 ? 0 : 0.5);
          texts.push(episode.view.task, episode.view.compact, ...episode.view.admissible);
          for (let t = 0; t < preset.stepLimit; t++) {
            const step = episode.step(act(episode.view));
            texts.push(episode.view.compact, ...episode.view.admissible);
            if (step.done) break;
          }
        }
      }
      return texts;
    },
    demonstrator(rng, noise) {
      const player = new ObservingDemonstrator({ noise, rng });
      return (view) => player.nextAction(view.observation, view.admissible);
    },
    progress(episodes, split) {
      // The G rollouts of a task share its world, so they share the plan lengths found from each state.
      const memos = new Map<number, PlanLengthMemo>();
      return episodes.map(({ taskSeed, actions }) => {
        if (!memos.has(taskSeed)) memos.set(taskSeed, new Map());
        return progressSteps(generateTask(alfworldSeed(taskSeed, split), preset), actions, {}, memos.get(taskSeed));
      });
    },
  };
}

/** The observation with the instruction (given separately) removed and ` [SEP] ` shortened to ` | `. */
function webshopObservation(text: string, instruction: string): string {
  const parts = text.split(' [SEP] ').filter((p) => p !== 'WebShop' && p !== 'Instruction:' && p !== instruction);
  return parts.join(' | ');
}

function webshopSource(presetName: string): TaskSource {
  const preset = getWebShopPreset(presetName);
  const world = presetWorld(preset);
  return {
    env: 'webshop',
    preset: preset.name,
    stepLimit: preset.env.stepLimit,
    start(taskSeed, split) {
      const goal = goalForSeed(world, split, taskSeed);
      const env = new WebShopEnv(world, preset.env);
      const first = env.reset({ goal });
      const instruction = goal.instruction;
      const view: EpisodeView = {
        task: instruction, observation: first.text, compact: webshopObservation(first.text, instruction), admissible: env.admissibleActions(),
      };
      return {
        view,
        step(action) {
          const r = env.step(action);
          view.observation = r.observation;
          view.compact = webshopObservation(r.observation, instruction);
          view.admissible = env.admissibleActions();
          const score = typeof r.info.score === 'number' ? r.info.score : r.reward;
          return { observation: r.observation, won: r.won, done: r.terminated || r.truncated, truncated: r.truncated, valid: r.valid, score };
        },
      };
    },
    vocabularyTexts() {
      const texts: string[] = ['|', 'nothing'];
      for (const p of world.catalogue.products) {
        texts.push(p.asin, p.title, p.category, p.query, ...p.options.flatMap((o) => [o.name, ...o.values]));
        texts.push(`$${p.price.toFixed(2)}`);
      }
      for (const g of world.catalogue.goals) texts.push(g.instruction);
      for (let n = 0; n <= 100; n++) texts.push(String(n));
      for (let seed = 0; seed < 60; seed++) {
        const episode = this.start(seed, 'train');
        const act = this.demonstrator(createRng(seed), 0.3);
        texts.push(episode.view.compact, ...episode.view.admissible);
        for (let t = 0; t < preset.env.stepLimit; t++) {
          const step = episode.step(act(episode.view));
          texts.push(episode.view.compact, ...episode.view.admissible);
          if (step.done) break;
        }
      }
      return texts;
    },
    demonstrator(rng, noise) {
      const shopper = new Demonstrator(rng, noise);
      shopper.reset();
      return (view) => shopper.act(view.observation, view.admissible);
    },
  };
}

/**
 * Deep Search-lite: the prompt's observation is every passage retrieved so far, newest search first, joined
 * by ` | ` (Search-R1's context keeps all earlier `<information>` blocks; the prompt cuts the oldest). The
 * held-out split alternates in-domain (even seeds) and out-of-domain (odd seeds) questions, so held-out
 * success is the mean of the two, the paper's "overall".
 */
function deepsearchSource(presetName: string): TaskSource {
  const preset = getDeepSearchPreset(presetName);
  const world = deepSearchWorld(preset);
  return {
    env: 'deepsearch',
    preset: preset.name,
    stepLimit: preset.env.stepLimit,
    start(taskSeed, split) {
      // Training questions come from relabelled copies of the world (the preset's `trainWorlds`).
      const source = split === 'train' ? trainingWorld(preset, taskSeed) : world;
      const question = split === 'train'
        ? questionForSeed(source, 'train', Math.floor(taskSeed / Math.max(1, preset.trainWorlds)))
        : questionForSeed(world, taskSeed % 2 === 0 ? 'test-id' : 'test-ood', Math.floor(taskSeed / 2));
      const env = new DeepSearchEnv(source, preset.env);
      const first = env.reset({ question });
      const context = () => env.context().map((p) => p.text).join(' | ');
      const view: EpisodeView = { task: question.text, observation: first.text, compact: context(), admissible: env.admissibleActions() };
      return {
        view,
        step(action) {
          const r = env.step(action);
          view.observation = r.observation;
          view.compact = context();
          view.admissible = env.admissibleActions();
          return { observation: r.observation, won: r.won, done: r.terminated || r.truncated, truncated: r.truncated, valid: r.valid, score: r.reward };
        },
      };
    },
    vocabularyTexts() {
      const texts: string[] = ['|', 'search[]', 'answer[]', 'Question:', INVALID_ACTION_MESSAGE, '<information>Doc 1(Title: x)</information>'];
      texts.push(...world.kb.entities.map((e) => e.name), ...world.passages.map((p) => p.text), ...RELATIONS.map((r) => r.noun));
      texts.push(...world.questions.map((q) => q.text));
      for (let n = 0; n <= 10; n++) texts.push(String(n));
      return texts;
    },
    demonstrator(rng, noise) {
      const reader = new SearchDemonstrator(rng, noise);
      return (view) => reader.act(view.task, view.compact, view.admissible);
    },
  };
}
