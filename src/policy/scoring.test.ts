import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import './wasmBackend';
import { maxRelativeError } from '../core/numeric';
import { PolicyModel } from './model';
import { embed, geluReference } from './ops';
import { prepareScoring, scoreActions, vocabularyMask, type ScoredAction, type ScoringInputs } from './scoring';

const config = { vocabSize: 14, dModel: 16, nLayers: 2, nHeads: 2, context: 24, mlpRatio: 2 };
/** Some tokens decoded freely: the head runs over the whole vocabulary, masked where a set was given. */
const mixed: ScoredAction[] = [
  { prompt: [1, 4, 5, 9, 11, 3], tokens: [6, 7, 2], allowed: [[6, 8], [7, 9, 10], [2, 12]] },
  { prompt: [1, 3], tokens: [8, 2], allowed: [null, null] },
  { prompt: [1, 12, 13, 4, 4, 4, 5, 6, 7, 10], tokens: [9, 9, 11, 2], allowed: [[9], [9, 4], null, [2, 5]] },
];
/** Every token from an admissible set: the head runs over the admissible tokens only. */
const masked: ScoredAction[] = [
  { prompt: [1, 4, 5, 9, 11, 3], tokens: [6, 7, 2], allowed: [[6, 8], [7, 9, 10], [2, 12]] },
  { prompt: [1, 3], tokens: [8, 2], allowed: [[3, 8, 13], [2]] },
  { prompt: [1, 12, 13, 4, 4, 4, 5, 6, 7, 10], tokens: [9, 9, 11, 2], allowed: [[9], [9, 4], [11, 0, 1, 3, 5], [2, 5]] },
];

/**
 * The whole model written out plainly with stock TF.js ops, every position through every block, GELU with
 * pow and tanh, the causal mask built with `where` (embeddings through `embed`, whose gradient wasm needs)
 * — the computation `scoreActions` must reproduce.
 */
function referenceLogProbs(model: PolicyModel, inputs: ScoringInputs, temperature: number): tf.Tensor {
  const { rows, width, actionLength: k } = inputs;
  const { dModel: d, nHeads, vocabSize: vocab } = model.config;
  const hd = d / nHeads;
  const ln = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const { mean, variance } = tf.moments(x, -1, true);
    return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b);
  };
  const dense = (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) =>
    tf.reshape(tf.add(tf.matMul(tf.reshape(x, [-1, x.shape.at(-1)!]), w as tf.Tensor2D), b), [...x.shape.slice(0, -1), w.shape[1]!]);
  const tokens = tf.tensor2d(inputs.tokens, [rows, width], 'int32');
  const positions = tf.tensor2d(inputs.positions, [rows, width], 'int32');
  const keyMask = tf.tensor2d(inputs.keyMask, [rows, width]);
  const index = tf.range(0, width, 1, 'int32');
  const causal = tf.where(tf.lessEqual(tf.reshape(index, [1, width]), tf.reshape(index, [width, 1])), tf.zeros([width, width]), tf.fill([width, width], -1e9));
  const bias = tf.add(tf.reshape(causal, [1, 1, width, width]), tf.mul(tf.sub(1, tf.reshape(keyMask, [rows, 1, 1, width])), -1e9));
  let x: tf.Tensor = tf.add(embed(model.tokenEmbedding as tf.Tensor2D, tokens), embed(model.positionEmbedding as tf.Tensor2D, positions));
  for (const block of model.blocks) {
    const qkv = dense(ln(x, block.ln1Gain, block.ln1Bias), block.qkvWeight, block.qkvBias);
    const [q, kk, v] = tf.split(qkv, 3, -1).map((t) => tf.transpose(tf.reshape(t, [rows, width, nHeads, hd]), [0, 2, 1, 3]));
    const scores = tf.add(tf.mul(tf.matMul(q as tf.Tensor4D, kk as tf.Tensor4D, false, true), 1 / Math.sqrt(hd)), bias);
    const merged = tf.reshape(tf.transpose(tf.matMul(tf.softmax(scores) as tf.Tensor4D, v as tf.Tensor4D), [0, 2, 1, 3]), [rows, width, d]);
    x = tf.add(x, dense(merged, block.projWeight, block.projBias));
    x = tf.add(x, dense(geluReference(dense(ln(x, block.ln2Gain, block.ln2Bias), block.fcWeight, block.fcBias)), block.outWeight, block.outBias));
  }
  const hidden = tf.slice(ln(x, model.finalGain, model.finalBias), [0, width - k - 1, 0], [rows, k, -1]);
  let logits = tf.div(tf.reshape(tf.matMul(tf.reshape(hidden, [-1, d]), model.tokenEmbedding, false, true), [rows, k, vocab]), temperature);
  const allowedBias = vocabularyMask(inputs, vocab);
  if (allowedBias) logits = tf.add(logits, tf.tensor3d(allowedBias, [rows, k, vocab]));
  const picked = tf.sum(tf.mul(tf.oneHot(tf.tensor2d(inputs.targets, [rows, k], 'int32'), vocab), tf.logSoftmax(logits)), -1);
  return tf.mul(picked, tf.tensor2d(inputs.targetMask, [rows, k]));
}

describe.each(['cpu', 'wasm'])('scoreActions on %s', (backend) => {
  it.each([['some tokens free', mixed], ['every token masked', masked]] as const)('equals the plain full-sequence model in log-probs and in every gradient (%s)', async (_, actions) => {
    await tf.setBackend(backend);
    const model = new PolicyModel(config, 7);
    const inputs = prepareScoring(actions, config.vocabSize);
    expect(inputs.candidates !== null).toBe(actions === masked);
    const weights = tf.randomUniform([inputs.rows, inputs.actionLength], -1, 1, 'float32', 3);
    const run = (f: () => tf.Tensor) => tf.variableGrads(() => tf.sum(tf.mul(f(), weights)) as tf.Scalar, model.variables);
    const fast = run(() => scoreActions(model, inputs, 0.8).logProbs);
    const slow = run(() => referenceLogProbs(model, inputs, 0.8));
    const [fastLp, slowLp] = tf.tidy(() => [scoreActions(model, inputs, 0.8).logProbs, referenceLogProbs(model, inputs, 0.8)]);
    const lpA = await fastLp.data();
    const lpB = await slowLp.data();
    for (let i = 0; i < lpB.length; i++) expect(Math.abs(lpA[i] - lpB[i])).toBeLessThan(1e-6);
    for (const { variable } of model.named) {
      const name = variable.name;
      expect(maxRelativeError(await fast.grads[name].data(), await slow.grads[name].data()), name).toBeLessThan(1e-5);
    }
    tf.dispose([weights, fastLp, slowLp, fast.value, slow.value, ...Object.values(fast.grads), ...Object.values(slow.grads)]);
    model.dispose();
  });
});
