import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import './wasmBackend';
import { distinctPairs, headRows, windowOfPairs } from './distinctPairs';
import { leftPad } from './generate';
import { disposeCache, PolicyModel } from './model';
import { maxRelativeError } from '../core/numeric';

describe('distinctPairs', () => {
  it('numbers each (token, position) pair once, in order of first appearance', () => {
    const pairs = distinctPairs(Int32Array.from([5, 7, 5, 7, 5, 9]), Int32Array.from([0, 1, 0, 2, 0, 1]));
    expect(Array.from(pairs.tokens)).toEqual([5, 7, 7, 9]);
    expect(Array.from(pairs.positions)).toEqual([0, 1, 2, 1]);
    expect(Array.from(pairs.index)).toEqual([0, 1, 0, 2, 0, 3]);
    expect(() => distinctPairs(Int32Array.from([1, 2]), Int32Array.from([0]))).toThrow(/2 tokens but 1 positions/);
    expect(() => distinctPairs(Int32Array.from([1, -2]), Int32Array.from([0, 1]))).toThrow(/must not be negative/);
    expect(distinctPairs(new Int32Array(0), new Int32Array(0)).tokens.length).toBe(0);
  });

  it('finds each position\'s row among the heads\' blocks, and the pairs of a window of positions', () => {
    // Two rows of three positions; pairs 0, 1, 2 | 0, 1, 3 (4 pairs).
    const pairs = distinctPairs(Int32Array.from([5, 7, 8, 5, 7, 9]), Int32Array.from([0, 1, 2, 0, 1, 2]));
    expect(Array.from(headRows(pairs, 2, 3, 2))).toEqual([0, 1, 2, 4, 5, 6, 0, 1, 3, 4, 5, 7]);
    expect(Array.from(windowOfPairs(pairs, 2, 3, 1, 2))).toEqual([1, 2, 1, 3]);
  });
});

// Prompts of one task: a shared head, then histories that part ways, and one unrelated prompt; left-padded.
const prompts = [
  [1, 4, 6, 8, 3, 5, 2, 9],
  [1, 4, 6, 8, 3, 7],
  [1, 4, 6, 8, 3, 5, 2, 10, 11],
  [1, 2, 3],
  [1, 4, 6, 8, 3, 5, 2, 9],
];

describe.each(['cpu', 'wasm'])('the first block from distinct pairs (%s)', (backend) => {
  it.each([1, 2])('gives the hidden states, the cache and the gradients of every position computed (%i blocks)', async (nLayers) => {
    await tf.setBackend(backend);
    const model = new PolicyModel({ vocabSize: 12, dModel: 16, nLayers, nHeads: 2, context: 16, mlpRatio: 2 }, 5);
    const before = tf.memory().numTensors;
    const padded = leftPad(prompts);
    const shape: [number, number] = [prompts.length, padded.width];
    const distinct = distinctPairs(padded.tokens, padded.positions);
    expect(distinct.tokens.length).toBeLessThan(prompts.flat().length);
    const input = {
      tokens: tf.tensor2d(padded.tokens, shape, 'int32'),
      positions: tf.tensor2d(padded.positions, shape, 'int32'),
      keyMask: tf.tensor2d(padded.mask, shape),
      outputs: { start: padded.width - 3, length: 2 },
    };
    // A loss that reads every output position through the head, so that every weight has a gradient.
    const loss = (hidden: tf.Tensor) => tf.sum(tf.mul(tf.logSoftmax(model.logits(hidden)), tf.range(0, 12).reshape([1, 1, 12])));
    const run = (withPairs: boolean) => {
      const out = model.forward({ ...input, distinct: withPairs ? distinct : undefined });
      const { value, grads } = tf.variableGrads(() => loss(model.forward({ ...input, distinct: withPairs ? distinct : undefined }).hidden) as tf.Scalar, model.variables);
      value.dispose();
      return { out, grads: model.variables.map((v) => grads[v.name]) };
    };
    const plain = run(false);
    const paired = run(true);
    expect(maxRelativeError(await paired.out.hidden.data(), await plain.out.hidden.data())).toBeLessThan(1e-6);
    for (let l = 0; l < nLayers; l++) {
      expect(maxRelativeError(await paired.out.present.keys[l].data(), await plain.out.present.keys[l].data())).toBeLessThan(1e-6);
      expect(maxRelativeError(await paired.out.present.values[l].data(), await plain.out.present.values[l].data())).toBeLessThan(1e-6);
    }
    for (let i = 0; i < plain.grads.length; i++) {
      expect(maxRelativeError(await paired.grads[i].data(), await plain.grads[i].data()), model.named[i].name).toBeLessThan(1e-4);
    }
    expect(() => model.forward({ ...input, distinct: distinctPairs(Int32Array.from([1]), Int32Array.from([0])) })).toThrow(/index 1 positions/);
    expect(() => model.forward({ ...input, distinct, perRowWeights: model })).toThrow(/every row shares/);
    for (const result of [plain, paired]) {
      tf.dispose([result.out.hidden, ...result.grads]);
      disposeCache(result.out.present);
    }
    tf.dispose([input.tokens, input.positions, input.keyMask]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});
