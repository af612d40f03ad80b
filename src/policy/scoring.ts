/**
 * Recomputing the log-probabilities of already generated actions under the current weights — the
 * policy-gradient side of the model. One forward pass per batch, with the last block and the output head
 * only at the action positions; the same admissible mask and temperature the actions were sampled with,
 * so that on unchanged weights the result equals the log-probs recorded during the rollout.
 */
import * as tf from '@tensorflow/tfjs';
import { leftPad } from './generate';
import type { PolicyModel, Weights } from './model';

/** A prompt and the action tokens generated after it. */
export interface ScoredAction {
  prompt: readonly number[];
  tokens: readonly number[];
  /** Allowed token ids at each action token (null: all). */
  allowed: readonly (readonly number[] | null)[];
}

/**
 * How many tokens of an action count for its log-prob's gradient: those up to its last token that had a
 * choice (free decoding, or more than one admissible continuation). A token that was the only one allowed
 * has log-prob exactly 0 under the admissible mask, whatever the weights, and so no gradient; the ones at
 * the end of an action can be left out of a forward pass without changing the log-prob or the gradient of
 * any other token, since no earlier position attends to them.
 */
export function choiceLength(action: Pick<ScoredAction, 'tokens' | 'allowed'>): number {
  let length = action.tokens.length;
  while (length > 0 && action.allowed[length - 1]?.length === 1) length--;
  return length;
}

/** The action cut to its first `length` tokens (see `choiceLength`). */
export function truncateAction(action: ScoredAction, length: number): ScoredAction {
  return { prompt: action.prompt, tokens: action.tokens.slice(0, length), allowed: action.allowed.slice(0, length) };
}

/** Tensors of one scored batch: [N, K] each, K = the longest action. */
export interface ScoredBatch {
  /** log π(token) at each action position (0 where `mask` is 0). */
  logProbs: tf.Tensor2D;
  /** 1 at real action tokens, 0 at padding. */
  mask: tf.Tensor2D;
}

const MASKED = -1e9;

/** Plain arrays describing a batch: padded sequences, targets, masks (built once per minibatch). */
export interface ScoringInputs {
  rows: number;
  width: number;
  actionLength: number;
  tokens: Int32Array;
  positions: Int32Array;
  keyMask: Float32Array;
  targets: Int32Array;
  targetMask: Float32Array;
  /** Additive logit bias [N, K, V]: 0 where allowed, −1e9 elsewhere; null when nothing is masked. */
  allowedBias: Float32Array | null;
}

/** Lays out a batch of actions for `scoreActions`. */
export function prepareScoring(actions: readonly ScoredAction[], vocabSize: number): ScoringInputs {
  const rows = actions.length;
  const actionLength = Math.max(1, ...actions.map((a) => a.tokens.length));
  const padded = leftPad(actions.map((a) => [...a.prompt, ...a.tokens]));
  const targets = new Int32Array(rows * actionLength);
  const targetMask = new Float32Array(rows * actionLength);
  const anyMasked = actions.some((a) => a.allowed.some((x) => x !== null));
  const allowedBias = anyMasked ? new Float32Array(rows * actionLength * vocabSize) : null;
  actions.forEach((a, i) => {
    const offset = actionLength - a.tokens.length;
    for (let c = 0; c < actionLength; c++) {
      const j = c - offset;
      if (j < 0) continue;
      targets[i * actionLength + c] = a.tokens[j];
      targetMask[i * actionLength + c] = 1;
      const allowed = a.allowed[j];
      if (allowedBias && allowed) {
        const base = (i * actionLength + c) * vocabSize;
        allowedBias.fill(MASKED, base, base + vocabSize);
        for (const id of allowed) allowedBias[base + id] = 0;
      }
    }
  });
  return { rows, width: padded.width, actionLength, tokens: padded.tokens, positions: padded.positions, keyMask: padded.mask, targets, targetMask, allowedBias };
}

/**
 * log π(· | prompt, earlier action tokens) over the whole vocabulary at every action position, [rows, k,
 * vocabulary], with the admissible mask and the temperature applied; each row through its own copy of the
 * weights when `perRowWeights` is given (`PolicyModel.perRowCopies`). Call inside `tf.tidy` / a gradient function.
 */
export function actionLogProbs(model: PolicyModel, inputs: ScoringInputs, temperature: number, perRowWeights?: Weights): tf.Tensor3D {
  const { rows, width, actionLength: k } = inputs;
  const vocab = model.config.vocabSize;
  const { hidden } = model.forward({
    tokens: tf.tensor2d(inputs.tokens, [rows, width], 'int32'),
    positions: tf.tensor2d(inputs.positions, [rows, width], 'int32'),
    keyMask: tf.tensor2d(inputs.keyMask, [rows, width]),
    // The hidden state at position p predicts the token at p + 1: the last k tokens come from
    // positions width − k − 1 … width − 2, the only ones computed through the last block.
    outputs: { start: width - k - 1, length: k },
    perRowWeights,
  });
  let logits = tf.div(model.logits(hidden, perRowWeights), temperature);
  if (inputs.allowedBias) logits = tf.add(logits, tf.tensor3d(inputs.allowedBias, [rows, k, vocab]));
  return tf.logSoftmax(logits) as tf.Tensor3D;
}

/**
 * log π(token | prompt, earlier action tokens) for every action token, differentiable with respect to the
 * model's variables (or to `perRowWeights`, see `actionLogProbs`). Call inside `tf.tidy` / a gradient function.
 */
export function scoreActions(model: PolicyModel, inputs: ScoringInputs, temperature: number, perRowWeights?: Weights): ScoredBatch {
  const { rows, actionLength: k } = inputs;
  const vocab = model.config.vocabSize;
  const logProbsAll = actionLogProbs(model, inputs, temperature, perRowWeights);
  const picked = tf.sum(tf.mul(tf.oneHot(tf.tensor2d(inputs.targets, [rows, k], 'int32'), vocab), logProbsAll), -1);
  const mask = tf.tensor2d(inputs.targetMask, [rows, k]);
  return { logProbs: tf.mul(picked, mask) as tf.Tensor2D, mask };
}
