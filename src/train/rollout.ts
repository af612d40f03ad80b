/**
 * Batched rollout: all B·G episodes advance in lockstep, one batched generation call per environment
 * step for every episode still running; finished episodes drop out. Returns plain arrays — no tensors —
 * with everything the update, the metrics and the page's inspector need about every step and token.
 */
import { phase } from '../core/phases';
import type { Rng } from '../core/prng';
import { ActionTrie, type Alternative } from '../policy/decoding';
import { generateActions, type GenerationRequest } from '../policy/generate';
import type { PolicyModel } from '../policy/model';
import type { Tokenizer } from '../policy/tokenizer';
import { buildPrompt } from './prompt';
import type { Episode, TaskSource, TaskSplit } from './tasks';

/** One decision of one trajectory. */
export interface StepData {
  /** Step index within the trajectory (0-based). */
  t: number;
  /** The observation the policy acted on, exactly as the environment worded it. */
  observation: string;
  /** How many actions were admissible. */
  admissibleCount: number;
  /** Prompt token ids (BOS first). */
  prompt: number[];
  /** Generated token ids (EOS included when written). */
  tokens: number[];
  /** Allowed token ids per generated token (masked decoding) or null (free decoding). */
  allowed: (number[] | null)[];
  /** How many tokens were allowed at each generated token (the vocabulary size in free decoding). */
  allowedCounts: number[];
  /** log π_old of each generated token (the sampling distribution). */
  logProbs: number[];
  /** Shannon entropy (nats) of the sampling distribution at each generated token. */
  tokenEntropies: number[];
  /** ‖e_a − p‖ at each generated token (logit-space score norm). */
  scoreNorms: number[];
  /** Top alternatives at each generated token. */
  top: Alternative[][];
  /** The action text sent to the environment. */
  action: string;
  /** The environment accepted the action (admissible). */
  valid: boolean;
  /** The environment's answer. */
  nextObservation: string;
}

/** One episode of one task. */
export interface Trajectory {
  /** Index within the batch. */
  id: number;
  /** Index of the task (group) within the batch; the G copies of a task share it. */
  group: number;
  taskSeed: number;
  task: string;
  steps: StepData[];
  /** The task was solved. */
  won: boolean;
  /** Outcome reward: 1 on success, minus the invalid-action penalty per invalid step in free decoding. */
  reward: number;
  /** WebShop's 0–1 score of the final purchase (1/0 in ALFWorld). */
  score: number;
  /** Cut by the step limit. */
  truncated: boolean;
}

/** One task to play, `copies` times. */
export interface TaskRequest {
  taskSeed: number;
  group: number;
}

/** Options of `rollout`. */
export interface RolloutOptions {
  split: TaskSplit;
  /** Rollouts per task. */
  copies: number;
  maxSteps: number;
  temperature: number;
  greedy: boolean;
  masked: boolean;
  maxActionTokens: number;
  context: number;
  invalidPenalty: number;
}

/** Where a rollout is: about to take lockstep `step` (1-based) of at most `maxSteps`. */
export interface RolloutProgress {
  step: number;
  maxSteps: number;
  /** Episodes of this call that have ended, and all of them. */
  finished: number;
  episodes: number;
}

/**
 * Plays every task `copies` times in lockstep with the current policy. `beforeStep`, if given, is awaited
 * before each lockstep step — a point where every episode has finished its last step and nothing is
 * half done — and may throw to stop the rollout there.
 */
export async function rollout(
  model: PolicyModel,
  tokenizer: Tokenizer,
  source: TaskSource,
  tasks: readonly TaskRequest[],
  options: RolloutOptions,
  rng: Rng,
  beforeStep?: (progress: RolloutProgress) => void | Promise<void>,
): Promise<Trajectory[]> {
  const promptBudget = options.context - options.maxActionTokens;
  // Tasks, observations and actions repeat across the steps and the episodes of a batch: each text is
  // encoded once (the arrays are shared and only read).
  const encoded = new Map<string, number[]>();
  const tokensOf = (text: string) => {
    let ids = encoded.get(text);
    if (!ids) encoded.set(text, (ids = tokenizer.encode(text)));
    return ids;
  };

  const episodes: Episode[] = [];
  const trajectories: Trajectory[] = [];
  const histories: string[][] = [];
  for (const task of tasks) {
    for (let c = 0; c < options.copies; c++) {
      const episode = source.start(task.taskSeed, options.split);
      episodes.push(episode);
      histories.push([]);
      trajectories.push({
        id: trajectories.length, group: task.group, taskSeed: task.taskSeed, task: episode.view.task,
        steps: [], won: false, reward: 0, score: 0, truncated: false,
      });
    }
  }
  const live = new Set(trajectories.map((t) => t.id));

  for (let t = 0; t < options.maxSteps && live.size > 0; t++) {
    await beforeStep?.({ step: t + 1, maxSteps: options.maxSteps, finished: trajectories.length - live.size, episodes: trajectories.length });
    const ids = [...live];
    const requests: GenerationRequest[] = phase('rollout/prompts', () => ids.map((id) => {
      const view = episodes[id].view;
      const prompt = buildPrompt({ encode: tokensOf }, { task: view.task, observation: view.compact, history: histories[id] }, promptBudget);
      const trie = options.masked ? new ActionTrie(view.admissible.map((text) => ({ text, tokens: tokensOf(text) }))) : null;
      return { prompt, trie };
    }));
    const generated = await generateActions(model, tokenizer, requests, {
      temperature: options.temperature, greedy: options.greedy, maxActionTokens: options.maxActionTokens,
    }, rng);

    ids.forEach((id, row) => {
      const gen = generated[row];
      const episode = episodes[id];
      const traj = trajectories[id];
      const observation = episode.view.observation;
      const admissibleCount = episode.view.admissible.length;
      const result = phase('rollout/env', () => episode.step(gen.text));
      histories[id].push(gen.text);
      traj.steps.push({
        t, observation, admissibleCount,
        prompt: [...requests[row].prompt], tokens: gen.tokens, allowed: gen.allowed,
        allowedCounts: gen.allowed.map((a) => a?.length ?? tokenizer.size),
        logProbs: gen.draws.map((d) => d.logProb), tokenEntropies: gen.draws.map((d) => d.entropy),
        scoreNorms: gen.draws.map((d) => d.scoreNorm), top: gen.draws.map((d) => d.top),
        action: gen.text, valid: result.valid, nextObservation: result.observation,
      });
      if (result.done || t === options.maxSteps - 1) {
        traj.won = result.won;
        traj.score = result.score;
        traj.truncated = result.truncated || !result.done;
        live.delete(id);
      }
    });
  }

  for (const traj of trajectories) {
    const invalid = options.masked ? 0 : traj.steps.filter((s) => !s.valid).length;
    traj.reward = (traj.won ? 1 : 0) - options.invalidPenalty * invalid;
  }
  return trajectories;
}
