/**
 * Rolls a Deep Search-lite checkpoint out over one split's questions, exactly as the trainer draws them, for
 * the analysis scripts (deepsearch-kinds, deepsearch-decisions): training questions come from the relabelled
 * copies of the world (train seed of question i: copy i mod n, question i of that copy), held-out seeds
 * alternate test-id (even) and test-ood (odd).
 */
import { loadCheckpoint } from '../../cli/train';
import { createRng } from '../../src/core/prng';
import { getPreset, presetWorld, questionForSeed, trainingWorld, type DeepSearchWorld, type Question, type Split } from '../../src/envs/deepsearch/index';
import { maxActionTokens, parseTrainConfig, type TrainConfig } from '../../src/train/config';
import { rollout, type Trajectory } from '../../src/train/rollout';
import type { TaskSource } from '../../src/train/tasks';
import { Trainer } from '../../src/train/trainer';

/** A Deep Search-lite checkpoint opened for probing. */
export interface DeepSearchProbe {
  config: TrainConfig;
  trainer: Trainer;
  /** How many questions a split has (the training split: one copy's worth). */
  count(split: Split): number;
  /** The world question i of a split is asked in. */
  worldOf(split: Split, i: number): DeepSearchWorld;
  /** Question i of a split. */
  questionOf(split: Split, i: number): Question;
  /** Each question of the split once greedily, or `samples` times at T = 1 (episode i asks question i mod count). */
  roll(split: Split, greedy: boolean, samples: number): Promise<Trajectory[]>;
}

/** Opens a checkpoint; throws if it is not a Deep Search-lite one. */
export async function openDeepSearchProbe(path: string): Promise<DeepSearchProbe> {
  const checkpoint = await loadCheckpoint(path);
  const parsed = parseTrainConfig({ env: checkpoint.env, preset: checkpoint.preset });
  if (!parsed.ok || checkpoint.env !== 'deepsearch') throw new Error(`${path} is not a Deep Search-lite checkpoint`);
  const config = parsed.config;
  const preset = getPreset(checkpoint.preset);
  const world = presetWorld(preset);
  const trainer = await Trainer.create(config, { checkpoint });
  const copies = Math.max(1, preset.trainWorlds);
  const trainSeed = (i: number) => i * copies + (i % copies);
  const count = (split: Split) => (split === 'train' ? trainingWorld(preset, 0).splits.train.length : world.splits[split].length);
  const worldOf = (split: Split, i: number) => (split === 'train' ? trainingWorld(preset, trainSeed(i)) : world);
  const questionOf = (split: Split, i: number) => (split === 'train'
    ? questionForSeed(worldOf(split, i), 'train', Math.floor(trainSeed(i) / copies))
    : questionForSeed(world, split, i));
  const seedOf = (split: Split, i: number) => (split === 'train' ? trainSeed(i) : 2 * i + (split === 'test-id' ? 0 : 1));
  return {
    config, trainer, count, worldOf, questionOf,
    roll(split, greedy, samples) {
      const source: TaskSource = { ...trainer.source, start: (seed) => trainer.source.start(seedOf(split, seed), split === 'train' ? 'train' : 'test') };
      const n = count(split);
      const tasks = Array.from({ length: greedy ? n : samples * n }, (_, i) => ({ taskSeed: i % n, group: i }));
      return rollout(trainer.model, trainer.tokenizer, source, tasks, {
        split: split === 'train' ? 'train' : 'test', copies: 1, greedy, maxSteps: source.stepLimit, temperature: 1,
        masked: config.decoding === 'masked', maxActionTokens: maxActionTokens('deepsearch'),
        context: trainer.model.config.context, invalidPenalty: config.invalidPenalty,
      }, createRng('evaluation'));
    },
  };
}
