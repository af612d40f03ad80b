import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { PolicyModel } from '../policy/model';
import { globalNorm } from '../policy/ops';
import { prepareScoring, scoreActions, type ScoredAction } from '../policy/scoring';
import { parameterGradientNorms } from './gradNorms';

const config = { vocabSize: 10, dModel: 16, nLayers: 1, nHeads: 2, context: 16, mlpRatio: 2 };

/** ‖∇θ Σ log π(token)‖ with every token of the action through the model. */
async function normScoringEveryToken(model: PolicyModel, action: ScoredAction): Promise<number> {
  const inputs = prepareScoring([action], config.vocabSize);
  const { value, grads } = tf.variableGrads(() => tf.sum(scoreActions(model, inputs, 0.8).logProbs) as tf.Scalar, model.variables);
  const norm = globalNorm(Object.values(grads));
  const result = (await norm.data())[0];
  tf.dispose([value, norm, ...Object.values(grads)]);
  return result;
}

describe('parameterGradientNorms', () => {
  it('equals the norm with every token scored, forced tails left out, and is 0 without a choice', async () => {
    await tf.setBackend('cpu');
    const model = new PolicyModel(config, 4);
    const actions: ScoredAction[] = [
      { prompt: [1, 4, 5], tokens: [6, 7, 2], allowed: [[6, 8], [7], [2]] },
      { prompt: [1, 3], tokens: [6, 7, 9, 2], allowed: [[6, 8], [7], [9, 5], [2]] },
      { prompt: [1, 4], tokens: [6, 3, 2], allowed: [null, null, null] },
      { prompt: [1, 4, 4, 5], tokens: [6, 7, 2], allowed: [[6], [7], [2]] },
    ];
    const norms = await parameterGradientNorms(model, actions, 0.8);
    for (let i = 0; i < 3; i++) {
      const want = await normScoringEveryToken(model, actions[i]);
      expect(want).toBeGreaterThan(1e-3);
      expect(Math.abs(norms[i] - want)).toBeLessThan(1e-6 * want);
    }
    expect(norms[3]).toBe(0);
    expect(await normScoringEveryToken(model, actions[3])).toBe(0);
  });
});
