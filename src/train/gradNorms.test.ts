import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '../policy/wasmBackend';
import { createRng } from '../core/prng';
import { PolicyModel } from '../policy/model';
import { globalNorm } from '../policy/ops';
import { prepareScoring, scoreActions, type ScoredAction } from '../policy/scoring';
import { parameterGradientNorms } from './gradNorms';

const config = { vocabSize: 10, dModel: 16, nLayers: 1, nHeads: 2, context: 48, mlpRatio: 2 };

/** ‖∇θ Σ log π(token)‖ with every token of the action through the model, one action at a time. */
async function normScoringEveryToken(model: PolicyModel, action: ScoredAction): Promise<number> {
  const inputs = prepareScoring([action], config.vocabSize);
  const { value, grads } = tf.variableGrads(() => tf.sum(scoreActions(model, inputs, 0.8).logProbs) as tf.Scalar, model.variables);
  const norm = globalNorm(Object.values(grads));
  const result = (await norm.data())[0];
  tf.dispose([value, norm, ...Object.values(grads)]);
  return result;
}

/** Actions with prompts of 2 to 40 tokens, some masked, some not. */
function someActions(count: number): ScoredAction[] {
  const rng = createRng('grad norm actions');
  return Array.from({ length: count }, (_, i) => {
    const prompt = [1, ...Array.from({ length: 1 + rng.int(i % 2 ? 39 : 6) }, () => 3 + rng.int(7))];
    const masked = i % 3 !== 2;
    return masked
      ? { prompt, tokens: [6, 7, 9, 2], allowed: [[6, 8], [7], [9, 5], [2]] }
      : { prompt, tokens: [6, 3, 2], allowed: [null, null, null] };
  });
}

describe('parameterGradientNorms', () => {
  for (const backend of ['cpu', 'wasm']) {
    it(`equals each step's own gradient norm, in one pass or in groups of similar length (${backend})`, async () => {
      await tf.setBackend(backend);
      const model = new PolicyModel(config, 4);
      const actions = someActions(9);
      const want = await Promise.all(actions.map((a) => normScoringEveryToken(model, a)));
      for (const passCost of [Infinity, 0, 1000]) {
        const before = tf.memory().numTensors;
        const norms = await parameterGradientNorms(model, actions, 0.8, passCost);
        expect(tf.memory().numTensors).toBe(before);
        norms.forEach((norm, i) => {
          expect(want[i]).toBeGreaterThan(1e-3);
          expect(Math.abs(norm - want[i])).toBeLessThan(2e-6 * want[i]);
        });
      }
      model.dispose();
    });
  }

  it('leaves forced tails out, and is 0 without a choice', async () => {
    await tf.setBackend('cpu');
    const model = new PolicyModel(config, 4);
    const actions: ScoredAction[] = [
      { prompt: [1, 4, 5], tokens: [6, 7, 2], allowed: [[6, 8], [7], [2]] },
      { prompt: [1, 4, 4, 5], tokens: [6, 7, 2], allowed: [[6], [7], [2]] },
    ];
    const norms = await parameterGradientNorms(model, actions, 0.8);
    expect(Math.abs(norms[0] - (await normScoringEveryToken(model, actions[0])))).toBeLessThan(1e-6 * norms[0]);
    expect(norms[1]).toBe(0);
    expect(await normScoringEveryToken(model, actions[1])).toBe(0);
    model.dispose();
  });
});
