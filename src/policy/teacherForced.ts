/**
 * The entropy of the policy at every token of already generated actions, teacher-forced: the recorded
 * prompt and action tokens are fed in, and at each action position the Shannon entropy (nats) of the
 * distribution the token was drawn from is read off — same admissible mask, same temperature. On the
 * weights that generated the actions this equals the entropies recorded during the rollout; on later
 * weights it says how the policy's uncertainty on the very same steps has changed.
 */
import * as tf from '@tensorflow/tfjs';
import type { PolicyModel } from './model';
import { actionLogProbs, prepareScoring, type ScoredAction } from './scoring';

/** Rows per forward pass (bounds the [rows, action length, vocabulary] logits). */
const CHUNK = 32;

/** Token entropies (nats) of each action under `model`, one array per action, in action order. */
export async function teacherForcedEntropies(model: PolicyModel, actions: readonly ScoredAction[], temperature: number): Promise<number[][]> {
  if (!(temperature > 0) || !Number.isFinite(temperature)) throw new Error(`temperature must be a positive number, got ${temperature}`);
  const out: number[][] = [];
  for (let start = 0; start < actions.length; start += CHUNK) {
    const chunk = actions.slice(start, start + CHUNK);
    const inputs = prepareScoring(chunk, model.config.vocabSize);
    const k = inputs.actionLength;
    const entropies = tf.tidy(() => {
      const logProbs = actionLogProbs(model, inputs, temperature);
      // Masked-out tokens have probability exactly 0; 0 · log p adds nothing.
      return tf.neg(tf.sum(tf.mul(tf.exp(logProbs), logProbs), -1));
    });
    const values = await entropies.data();
    entropies.dispose();
    chunk.forEach((a, i) => {
      // Actions are right-aligned in the [rows, k] layout (prepareScoring).
      const offset = k - a.tokens.length;
      out.push(Array.from({ length: a.tokens.length }, (_, j) => Math.max(0, values[i * k + offset + j])));
    });
  }
  return out;
}
