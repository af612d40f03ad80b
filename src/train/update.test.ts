import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/prng';
import { PolicyModel } from '../policy/model';
import { prepareScoring, scoreActions, type ScoredAction } from '../policy/scoring';
import { globalNorm } from '../policy/ops';
import { ppoUpdate, type UpdateItem, type UpdateOptions } from './update';

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

/**
 * The update as written before forced tails were left out: every token of every step with a non-zero
 * advantage goes through the model. One minibatch of all items, one optimizer step.
 */
async function updateScoringEveryToken(model: PolicyModel, optimizer: tf.Optimizer, items: readonly UpdateItem[], options: UpdateOptions) {
  const tokenCount = items.reduce((n, item) => n + item.tokens.length, 0);
  const active = items.filter((item) => item.advantage !== 0);
  const inputs = prepareScoring(active, config.vocabSize);
  const k = inputs.actionLength;
  const old = new Float32Array(active.length * k);
  const adv = new Float32Array(active.length * k);
  active.forEach((item, i) => {
    const offset = k - item.tokens.length;
    item.oldLogProbs.forEach((lp, j) => { old[i * k + offset + j] = lp; });
    for (let c = offset; c < k; c++) adv[i * k + c] = item.advantage;
  });
  const kept: tf.Tensor[] = [];
  const { value, grads } = tf.variableGrads(() => {
    const { logProbs, mask } = scoreActions(model, inputs, options.temperature);
    const logRatio = tf.mul(tf.sub(logProbs, tf.tensor2d(old, [active.length, k])), mask);
    const ratio = tf.exp(logRatio);
    const advantages = tf.tensor2d(adv, [active.length, k]);
    const unclipped = tf.mul(ratio, advantages);
    const clipped = tf.mul(tf.clipByValue(ratio, 1 - options.clipLow, 1 + options.clipHigh), advantages);
    const pgLoss = tf.div(tf.neg(tf.sum(tf.mul(tf.minimum(unclipped, clipped), mask))), tokenCount);
    const refLogProbs = scoreActions(options.reference!, inputs, options.temperature).logProbs;
    const delta = tf.mul(tf.sub(refLogProbs, logProbs), mask);
    const klLoss = tf.div(tf.sum(tf.mul(tf.sub(tf.sub(tf.exp(delta), delta), 1), mask)), tokenCount);
    const isClipped = tf.mul(tf.cast(tf.greater(unclipped, clipped), 'float32'), mask);
    kept.push(...[pgLoss, klLoss, tf.sum(isClipped), tf.sum(tf.neg(logRatio)), tf.sum(mask)].map((t) => tf.keep(t)));
    return tf.add(pgLoss, tf.mul(klLoss, options.klCoef)) as tf.Scalar;
  }, model.variables);
  const norm = globalNorm(Object.values(grads));
  const normValue = (await norm.data())[0];
  const scale = Math.min(1, options.maxGradNorm / (normValue + 1e-6));
  optimizer.applyGradients(tf.tidy(() => Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, tf.mul(g, scale)]))) as tf.NamedTensorMap);
  const [pg, kl, clippedCount, logRatioSum, tokens] = await Promise.all(kept.map(async (t) => (await t.data())[0]));
  tf.dispose([value, norm, ...Object.values(grads), ...kept]);
  return { pgLoss: pg, klLoss: kl, clipfrac: clippedCount / tokens, approxKl: logRatioSum / tokens, gradNorm: normValue, tokens };
}

describe('ppoUpdate without forced tails', () => {
  // Allowed tokens per position: a single allowed token is forced (log-prob 0 whatever the weights).
  const steps: (ScoredAction & { advantage: number })[] = [
    { prompt: [1, 4, 5], tokens: [6, 7, 2], allowed: [[6, 8], [7], [2]], advantage: 0.5 },
    { prompt: [1, 5], tokens: [8, 9, 2], allowed: [[6, 8], [7, 9], [2]], advantage: -1.2 },
    { prompt: [1, 4, 4, 5], tokens: [6, 7, 2], allowed: [[6], [7], [2]], advantage: 0.7 },
    { prompt: [1, 4], tokens: [6, 3, 2], allowed: [null, null, null], advantage: 0 },
    { prompt: [1, 3], tokens: [6, 7, 9, 2], allowed: [[6, 8], [7], [9, 5], [2]], advantage: 1 },
    { prompt: [1, 6, 5], tokens: [5, 9], allowed: [null, [9, 2]], advantage: -0.4 },
  ];

  it('takes the same step and reports the same statistics as scoring every token', async () => {
    await tf.setBackend('cpu');
    const rollout = new PolicyModel(config, 5);
    const recorded = tf.tidy(() => scoreActions(rollout, prepareScoring(steps, config.vocabSize), 1).logProbs);
    const rows = (await recorded.array()) as number[][];
    recorded.dispose();
    const k = rows[0].length;
    const items: UpdateItem[] = steps.map((step, i) => ({ ...step, oldLogProbs: rows[i].slice(k - step.tokens.length) }));
    // A forced token was recorded with log-prob exactly 0.
    expect(items[2].oldLogProbs).toEqual([0, 0, 0]);

    const reference = new PolicyModel(config, 9);
    const options: UpdateOptions = { epochs: 1, miniBatchSize: 64, clipLow: 0.001, clipHigh: 0.002, klCoef: 0.5, maxGradNorm: 0.05, temperature: 1, reference };
    for (const passCostPositions of [Infinity, 0]) {
      const fast = new PolicyModel(config, 2);
      const plain = new PolicyModel(config, 2);
      // Infinity: one forward pass for the minibatch; 0: one per length of row (lengthGroups).
      const got = await ppoUpdate(fast, tf.train.sgd(0.5), items, { ...options, passCostPositions }, createRng(1));
      const want = await updateScoringEveryToken(plain, tf.train.sgd(0.5), items, options);
      expect(got.tokens).toBe(want.tokens);
      expect(got.tokens).toBe(15);
      expect(got.clipfrac).toBeCloseTo(want.clipfrac, 6);
      expect(want.clipfrac).toBeGreaterThan(0);
      for (const key of ['pgLoss', 'klLoss', 'approxKl', 'gradNorm'] as const) {
        expect(Math.abs(got[key] - want[key])).toBeLessThan(1e-6 * Math.max(1, Math.abs(want[key])));
      }
      const [a, b, start] = await Promise.all([fast.getWeights(), plain.getWeights(), new PolicyModel(config, 2).getWeights()]);
      let moved = 0;
      a.forEach((w, i) => w.values.forEach((v, j) => {
        expect(Math.abs(v - b[i].values[j])).toBeLessThan(1e-6);
        moved = Math.max(moved, Math.abs(v - start[i].values[j]));
      }));
      expect(moved).toBeGreaterThan(1e-4);
    }
  });

  it('still takes an optimizer step when no step of the minibatch has a choice', async () => {
    await tf.setBackend('cpu');
    const model = new PolicyModel(config, 3);
    const before = await model.getWeights();
    const stats = await ppoUpdate(model, tf.train.sgd(0.5), [{ ...steps[2], oldLogProbs: [0, 0, 0] }], {
      epochs: 1, miniBatchSize: 8, clipLow: 0.2, clipHigh: 0.2, klCoef: 0, maxGradNorm: 1, temperature: 1,
    }, createRng(1));
    expect(stats.optimizerSteps).toBe(1);
    expect(stats.tokens).toBe(3);
    expect(stats.pgLoss).toBeCloseTo(-0.7, 6);
    expect(stats.gradNorm).toBe(0);
    const after = await model.getWeights();
    after.forEach((w, i) => expect(Array.from(w.values)).toEqual(Array.from(before[i].values)));
  });
});
