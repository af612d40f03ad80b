/**
 * The exact parameter-space size of a step's policy gradient, ‖∇θ log π(y_t | s_t)‖₂ with
 * log π(y_t | s_t) = Σ_tokens log π(token) — one backward pass per measured step. The logit-space norm
 * ‖e_a − p‖ recorded during decoding is its cheap proxy (paper.md §4.2); this is the real thing.
 */
import * as tf from '@tensorflow/tfjs';
import type { PolicyModel } from '../policy/model';
import { globalNorm } from '../policy/ops';
import { choiceLength, prepareScoring, scoreActions, truncateAction, type ScoredAction } from '../policy/scoring';

/** ‖∇θ log π(action | prompt)‖ for each action, in order. */
export async function parameterGradientNorms(model: PolicyModel, actions: readonly ScoredAction[], temperature: number): Promise<number[]> {
  const norms: number[] = [];
  for (const action of actions) {
    // Only the tokens up to the last choice have a gradient (choiceLength); an action without a choice has none.
    const length = choiceLength(action);
    if (length === 0) {
      norms.push(0);
      continue;
    }
    const inputs = prepareScoring([truncateAction(action, length)], model.config.vocabSize);
    const { value, grads } = tf.variableGrads(() => tf.sum(scoreActions(model, inputs, temperature).logProbs) as tf.Scalar, model.variables);
    const norm = globalNorm(Object.values(grads));
    norms.push((await norm.data())[0]);
    tf.dispose([value, norm, ...Object.values(grads)]);
  }
  return norms;
}
