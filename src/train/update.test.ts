import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/prng';
import { PolicyModel } from '../policy/model';
import { prepareScoring, scoreActions, type ScoredAction } from '../policy/scoring';
import { ppoUpdate } from './update';

const config = { vocabSize: 10, dModel: 16, nLayers: 1, nHeads: 2, context: 16, mlpRatio: 2 };
const action: ScoredAction = { prompt: [1, 4, 5], tokens: [6, 7, 2], allowed: [[6, 8], [7, 9], [2]] };

async function logProbOf(model: PolicyModel): Promise<number> {
  const scored = tf.tidy(() => tf.sum(scoreActions(model, prepareScoring([action], config.vocabSize), 1).logProbs));
  const value = (await scored.data())[0];
  scored.dispose();
  return value;
}

describe('ppoUpdate', () => {
  for (const [sign, direction] of [[1, 'raises'], [-1, 'lowers']] as const) {
    it(`${direction} the log-probability of an action with ${sign > 0 ? 'positive' : 'negative'} advantage`, async () => {
      await tf.setBackend('cpu');
      const model = new PolicyModel(config, 1);
      const optimizer = tf.train.adam(1e-2, 0.9, 0.999, 1e-8);
      const before = await logProbOf(model);
      const old = tf.tidy(() => scoreActions(model, prepareScoring([action], config.vocabSize), 1).logProbs);
      const oldLogProbs = Array.from(await old.data());
      old.dispose();
      const stats = await ppoUpdate(model, optimizer, [{ ...action, oldLogProbs, advantage: sign }], {
        epochs: 1, miniBatchSize: 8, clipLow: 0.2, clipHigh: 0.2, klCoef: 0, maxGradNorm: 1, temperature: 1,
      }, createRng(1));
      const after = await logProbOf(model);
      expect(Math.sign(after - before)).toBe(sign);
      expect(stats.approxKl).toBeCloseTo(0, 6);
      expect(stats.clipfrac).toBe(0);
      expect(stats.tokens).toBe(3);
      optimizer.dispose();
      model.dispose();
    });
  }
});
