/**
 * The exact parameter-space size of a step's policy gradient, ‖∇θ log π(y_t | s_t)‖₂ with
 * log π(y_t | s_t) = Σ_tokens log π(token). The logit-space norm ‖e_a − p‖ recorded during decoding is its
 * cheap proxy (paper.md §4.2); this is the real thing.
 *
 * All measured steps go through the model together: each row reads its own copy of the weights
 * (`PolicyModel.perRowCopies`), so one backward pass gives every row's own gradient — the gradient with
 * respect to row b's copy — and each norm is taken over its copy. That is one pass (or a few, rows of similar
 * length together: `lengthGroups`) where one pass per step was needed.
 */
import * as tf from '@tensorflow/tfjs';
import type { PolicyModel } from '../policy/model';
import { choiceLength, prepareScoring, scoreActions, truncateAction, type ScoredAction } from '../policy/scoring';
import { lengthGroups, PER_ROW_PASS_COST_POSITIONS } from './lengthGroups';

/**
 * ‖∇θ log π(action | prompt)‖ for each action, in order. `passCostPositions` as in `UpdateOptions`
 * (default: the backend's `PER_ROW_PASS_COST_POSITIONS`; Infinity puts all rows in one pass).
 */
export async function parameterGradientNorms(
  model: PolicyModel, actions: readonly ScoredAction[], temperature: number, passCostPositions = PER_ROW_PASS_COST_POSITIONS[tf.getBackend()] ?? Infinity,
): Promise<number[]> {
  const norms = actions.map(() => 0);
  // Only the tokens up to the last choice have a gradient (choiceLength); an action without a choice has none.
  const lengths = actions.map((action) => choiceLength(action));
  const measured = actions.flatMap((_, i) => (lengths[i] > 0 ? [i] : []));
  const groups = lengthGroups(measured.map((i) => actions[i].prompt.length + lengths[i]), passCostPositions);
  for (const group of groups) {
    const rows = group.map((g) => measured[g]);
    const squared = perRowSquaredNorms(model, rows.map((i) => truncateAction(actions[i], lengths[i])), temperature);
    const values = await squared.data();
    squared.dispose();
    rows.forEach((i, r) => { norms[i] = Math.sqrt(values[r]); });
  }
  return norms;
}

/** ‖∇θ Σ log π(token)‖² of each action [rows], from one backward pass through per-row copies of the weights. */
function perRowSquaredNorms(model: PolicyModel, actions: readonly ScoredAction[], temperature: number): tf.Tensor1D {
  const inputs = prepareScoring(actions, model.config.vocabSize);
  const copies = model.perRowCopies(actions.length);
  try {
    return tf.tidy(() => {
      // Row b's log-probabilities depend on copy b only, so the gradient with respect to copy b is row b's gradient.
      const totalLogProb = (...weights: tf.Tensor[]) => tf.sum(scoreActions(model, inputs, temperature, model.weightsFrom(weights)).logProbs) as tf.Scalar;
      const grads = tf.grads(totalLogProb)(copies);
      return grads.reduce<tf.Tensor>((sum, g) => tf.add(sum, tf.sum(tf.square(g), g.shape.map((_, axis) => axis).slice(1))), tf.zeros([actions.length])) as tf.Tensor1D;
    });
  } finally {
    tf.dispose(copies);
  }
}
