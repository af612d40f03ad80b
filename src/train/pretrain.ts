/**
 * The supervised warm start that makes a base checkpoint: the paper starts RL from an instruct model that
 * already succeeds sometimes, so the playground starts from a policy that imitated noisy demonstrations.
 *
 * The demonstrator sees only what the policy sees (observation, admissible actions, its own history): it
 * explores closed receptacles instead of walking to a hidden object, so the policy is never asked to
 * imitate knowledge it cannot have. Its noise (random admissible actions) and the number of optimizer
 * steps set how good the base policy is. Everything is seeded: the same options give the same weights.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/prng';
import { ActionTrie } from '../policy/decoding';
import { prepareScoring, scoreActions, type ScoredAction } from '../policy/scoring';
import { EOS_ID } from '../policy/tokenizer';
import { effectiveContext, maxActionTokens, type TrainConfig } from './config';
import { buildPrompt } from './prompt';
import { Trainer } from './trainer';

/** Settings of a warm start. */
export interface PretrainOptions {
  /** Demonstration episodes (train split). */
  episodes: number;
  /** Probability that a demonstration step is a uniformly random admissible action. */
  noise: number;
  /** Optimizer steps of supervised training. */
  steps: number;
  miniBatchSize: number;
  lr: number;
}

/** Defaults that give a base policy with clear room to improve (docs/TRAINING.md). */
export const DEFAULT_PRETRAIN: PretrainOptions = { episodes: 400, noise: 0.3, steps: 300, miniBatchSize: 64, lr: 1e-3 };

/** Progress of a warm start. */
export interface PretrainProgress {
  step: number;
  steps: number;
  /** Mean negative log-likelihood per action token. */
  loss: number;
}

/** Collects demonstrations and trains a fresh policy on them; returns the trainer holding it. */
export async function pretrain(
  config: TrainConfig,
  options: PretrainOptions,
  onProgress: (p: PretrainProgress) => void = () => {},
): Promise<{ trainer: Trainer; demonstrations: number; demoSuccess: number }> {
  const trainer = await Trainer.create(config);
  const { tokenizer, source, model } = trainer;
  const rng = createRng(config.seed).fork('pretrain');
  const budget = effectiveContext(config) - maxActionTokens(config.env);

  const examples: ScoredAction[] = [];
  let wins = 0;
  for (let e = 0; e < options.episodes; e++) {
    const episode = source.start(rng.int(1_000_000_000), 'train');
    const act = source.demonstrator(rng.fork(`demo-${e}`), options.noise);
    const history: string[] = [];
    for (let t = 0; t < source.stepLimit; t++) {
      const view = episode.view;
      const action = act(view);
      const prompt = buildPrompt(tokenizer, { task: view.task, observation: view.compact, history }, budget);
      const tokens = [...tokenizer.encode(action), EOS_ID];
      const trie = new ActionTrie(view.admissible.map((text) => ({ text, tokens: tokenizer.encode(text) })));
      const cursor = trie.start();
      const allowed = tokens.map((token) => {
        const ids = cursor.allowed();
        cursor.advance(token);
        return ids;
      });
      // An action the mask would not allow cannot be imitated by the masked policy; skip it.
      if (allowed.every((ids, j) => ids.includes(tokens[j]))) examples.push({ prompt, tokens, allowed });
      history.push(action);
      const result = episode.step(action);
      if (result.done) {
        if (result.won) wins++;
        break;
      }
    }
  }

  const optimizer = tf.train.adam(options.lr, 0.9, 0.999, config.adamEpsilon);
  const vocab = model.config.vocabSize;
  for (let step = 0; step < options.steps; step++) {
    const batch = Array.from({ length: Math.min(options.miniBatchSize, examples.length) }, () => examples[rng.int(examples.length)]);
    const inputs = prepareScoring(batch, vocab);
    const loss = optimizer.minimize(() => {
      const { logProbs, mask } = scoreActions(model, inputs, 1);
      return tf.div(tf.neg(tf.sum(logProbs)), tf.sum(mask)) as tf.Scalar;
    }, true, model.variables);
    const value = (await loss!.data())[0];
    loss!.dispose();
    if (!Number.isFinite(value)) throw new Error(`supervised loss became ${value}`);
    onProgress({ step: step + 1, steps: options.steps, loss: value });
  }
  optimizer.dispose();
  return { trainer, demonstrations: examples.length, demoSuccess: wins / Math.max(1, options.episodes) };
}
