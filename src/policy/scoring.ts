/**
 * Recomputing the log-probabilities of already generated actions under the current weights — the
 * policy-gradient side of the model. One forward pass per batch, with the last block and the output head
 * only at the action positions; the same admissible mask and temperature the actions were sampled with,
 * so that on unchanged weights the result equals the log-probs recorded during the rollout.
 *
 * Where every action token had an admissible set (masked decoding), the output head is evaluated only on
 * the admissible tokens: a token outside the set has logit −1e9, so exp of it is exactly 0 in float32, and
 * the log-softmax over the set alone is the same sum of the same terms — over 1–13 tokens instead of the
 * whole vocabulary (181 in ALFWorld-lite, 595 in WebShop-lite).
 */
import * as tf from '@tensorflow/tfjs';
import { distinctPairs, type DistinctPairs } from './distinctPairs';
import { leftPad } from './generate';
import { embed } from './ops';
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
  /** `tokens` and `positions` as distinct (token, position) pairs (read unless every row has its own weights). */
  distinct: DistinctPairs;
  keyMask: Float32Array;
  targets: Int32Array;
  targetMask: Float32Array;
  /**
   * Additive logit bias [N, K, V]: 0 where allowed, −1e9 elsewhere; null when nothing is masked or when
   * `candidates` is used instead.
   */
  allowedBias: Float32Array | null;
  /** The admissible tokens of every action position, when every one had a set (see the file comment). */
  candidates: Candidates | null;
}

/** The admissible tokens at each action position, padded to the largest set: [N, K, size] each. */
export interface Candidates {
  size: number;
  /** Token ids (padding: token 0). */
  ids: Int32Array;
  /** Additive logit bias: 0 for an admissible token, −1e9 for padding. */
  bias: Float32Array;
  /** Where the action's token is in its position's set [N, K] (0 at padded positions). */
  targetIndex: Int32Array;
}

/** Lays out a batch of actions for `scoreActions`. */
export function prepareScoring(actions: readonly ScoredAction[], vocabSize: number): ScoringInputs {
  const rows = actions.length;
  const actionLength = Math.max(1, ...actions.map((a) => a.tokens.length));
  const padded = leftPad(actions.map((a) => [...a.prompt, ...a.tokens]));
  const targets = new Int32Array(rows * actionLength);
  const targetMask = new Float32Array(rows * actionLength);
  actions.forEach((a, i) => {
    const offset = actionLength - a.tokens.length;
    a.tokens.forEach((token, j) => {
      targets[i * actionLength + offset + j] = token;
      targetMask[i * actionLength + offset + j] = 1;
    });
  });
  const everyTokenMasked = actions.every((a) => a.allowed.length >= a.tokens.length && a.allowed.slice(0, a.tokens.length).every((x) => x !== null));
  const anyMasked = actions.some((a) => a.allowed.some((x) => x !== null));
  return {
    rows, width: padded.width, actionLength, tokens: padded.tokens, positions: padded.positions,
    distinct: distinctPairs(padded.tokens, padded.positions), keyMask: padded.mask, targets, targetMask,
    allowedBias: anyMasked && !everyTokenMasked ? allowedBiasOf(actions, actionLength, vocabSize) : null,
    candidates: everyTokenMasked ? candidatesOf(actions, actionLength) : null,
  };
}

/** The [N, K, V] additive mask: 0 where allowed, −1e9 elsewhere (positions without a set: all allowed). */
function allowedBiasOf(actions: readonly ScoredAction[], actionLength: number, vocabSize: number): Float32Array {
  const bias = new Float32Array(actions.length * actionLength * vocabSize);
  actions.forEach((a, i) => {
    const offset = actionLength - a.tokens.length;
    a.tokens.forEach((_, j) => {
      const allowed = a.allowed[j];
      if (!allowed) return;
      const base = (i * actionLength + offset + j) * vocabSize;
      bias.fill(MASKED, base, base + vocabSize);
      for (const id of allowed) bias[base + id] = 0;
    });
  });
  return bias;
}

/**
 * The additive mask [N, K, V] of a batch over the whole vocabulary: 0 where allowed, −1e9 elsewhere (null
 * when nothing is masked), built from `candidates` when the batch has them.
 */
export function vocabularyMask(inputs: ScoringInputs, vocabSize: number): Float32Array | null {
  if (inputs.allowedBias || !inputs.candidates) return inputs.allowedBias;
  const { size, ids, bias } = inputs.candidates;
  const out = new Float32Array(inputs.rows * inputs.actionLength * vocabSize);
  for (let cell = 0; cell < inputs.rows * inputs.actionLength; cell++) {
    if (inputs.targetMask[cell] === 0) continue; // padding: nothing masked, as for a free position
    out.fill(MASKED, cell * vocabSize, (cell + 1) * vocabSize);
    for (let c = 0; c < size; c++) if (bias[cell * size + c] === 0) out[cell * vocabSize + ids[cell * size + c]] = 0;
  }
  return out;
}

/** The admissible tokens of every position of actions that all had a set at every token. */
function candidatesOf(actions: readonly ScoredAction[], actionLength: number): Candidates {
  // At least 2: tf.oneHot needs a depth of 2 or more (a padding candidate is masked out).
  const size = Math.max(2, ...actions.flatMap((a) => a.allowed.slice(0, a.tokens.length).map((x) => x!.length)));
  const cells = actions.length * actionLength;
  const ids = new Int32Array(cells * size);
  const bias = new Float32Array(cells * size).fill(MASKED);
  const targetIndex = new Int32Array(cells);
  for (let cell = 0; cell < cells; cell++) bias[cell * size] = 0; // padded positions: one harmless candidate
  actions.forEach((a, i) => {
    const offset = actionLength - a.tokens.length;
    a.tokens.forEach((token, j) => {
      const allowed = [...new Set(a.allowed[j]!)];
      const cell = i * actionLength + offset + j;
      const index = allowed.indexOf(token);
      if (index < 0) throw new Error(`action token ${token} is not among its admissible tokens [${allowed.join(', ')}]`);
      ids.set(allowed, cell * size);
      bias.fill(0, cell * size, cell * size + allowed.length);
      targetIndex[cell] = index;
    });
  });
  return { size, ids, bias, targetIndex };
}

/** The final hidden states [rows, k, d] that predict the k action tokens of each row. */
function actionHiddenStates(model: PolicyModel, inputs: ScoringInputs, perRowWeights?: Weights): tf.Tensor3D {
  const { rows, width, actionLength: k } = inputs;
  return model.forward({
    tokens: tf.tensor2d(inputs.tokens, [rows, width], 'int32'),
    positions: tf.tensor2d(inputs.positions, [rows, width], 'int32'),
    keyMask: tf.tensor2d(inputs.keyMask, [rows, width]),
    // The hidden state at position p predicts the token at p + 1: the last k tokens come from
    // positions width − k − 1 … width − 2, the only ones computed through the last block.
    outputs: { start: width - k - 1, length: k },
    perRowWeights,
    distinct: perRowWeights ? undefined : inputs.distinct,
  }).hidden;
}

/**
 * log π(· | prompt, earlier action tokens) over the whole vocabulary at every action position, [rows, k,
 * vocabulary], with the admissible mask and the temperature applied; each row through its own copy of the
 * weights when `perRowWeights` is given (`PolicyModel.perRowCopies`). Call inside `tf.tidy` / a gradient function.
 */
export function actionLogProbs(model: PolicyModel, inputs: ScoringInputs, temperature: number, perRowWeights?: Weights): tf.Tensor3D {
  const { rows, actionLength: k } = inputs;
  const vocab = model.config.vocabSize;
  const hidden = actionHiddenStates(model, inputs, perRowWeights);
  let logits = tf.div(model.logits(hidden, perRowWeights), temperature);
  const allowedBias = vocabularyMask(inputs, vocab);
  if (allowedBias) logits = tf.add(logits, tf.tensor3d(allowedBias, [rows, k, vocab]));
  return tf.logSoftmax(logits) as tf.Tensor3D;
}

/**
 * log π(token | prompt, earlier action tokens) for every action token, differentiable with respect to the
 * model's variables (or to `perRowWeights`, see `actionLogProbs`). Call inside `tf.tidy` / a gradient function.
 */
export function scoreActions(model: PolicyModel, inputs: ScoringInputs, temperature: number, perRowWeights?: Weights): ScoredBatch {
  const { rows, actionLength: k } = inputs;
  const mask = tf.tensor2d(inputs.targetMask, [rows, k]);
  if (inputs.candidates) return { logProbs: tf.mul(admissibleLogProbs(model, inputs, inputs.candidates, temperature, perRowWeights), mask) as tf.Tensor2D, mask };
  const vocab = model.config.vocabSize;
  const logProbsAll = actionLogProbs(model, inputs, temperature, perRowWeights);
  // tf.oneHot stays int32 (cast by tf.mul): with dtype float32, TF.js 4.22's wasm kernel writes int32 bits.
  const picked = tf.sum(tf.mul(tf.oneHot(tf.tensor2d(inputs.targets, [rows, k], 'int32'), vocab), logProbsAll), -1);
  return { logProbs: tf.mul(picked, mask) as tf.Tensor2D, mask };
}

/**
 * log π(token) [rows, k] with the output head and the softmax over each position's admissible tokens only
 * (see the file comment): logit of candidate c = hidden · embedding[c] / temperature.
 */
function admissibleLogProbs(model: PolicyModel, inputs: ScoringInputs, candidates: Candidates, temperature: number, perRowWeights?: Weights): tf.Tensor2D {
  const { rows, actionLength: k } = inputs;
  const { size } = candidates;
  const hidden = actionHiddenStates(model, inputs, perRowWeights);
  const embeddings = embed((perRowWeights ?? model).tokenEmbedding, tf.tensor3d(candidates.ids, [rows, k, size], 'int32')); // [rows, k, size, d]
  const logits = tf.sum(tf.mul(tf.expandDims(hidden, 2), embeddings), -1);
  const masked = tf.add(tf.div(logits, temperature), tf.tensor3d(candidates.bias, [rows, k, size]));
  const picked = tf.sum(tf.mul(tf.oneHot(tf.tensor2d(candidates.targetIndex, [rows, k], 'int32'), size), tf.logSoftmax(masked)), -1);
  return picked as tf.Tensor2D;
}
