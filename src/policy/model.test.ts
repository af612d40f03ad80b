import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { disposeCache, PolicyModel } from './model';
import { maxRelativeError } from '../core/numeric';

const config = { vocabSize: 12, dModel: 16, nLayers: 2, nHeads: 2, context: 16, mlpRatio: 2 };

function inputs(rows: number[][], pad: number) {
  // Left-pad each row to the same length; positions count from the first real token.
  const length = Math.max(...rows.map((r) => r.length)) + pad;
  const tokens: number[] = [];
  const positions: number[] = [];
  const mask: number[] = [];
  for (const row of rows) {
    const padCount = length - row.length;
    for (let j = 0; j < length; j++) {
      const real = j >= padCount;
      tokens.push(real ? row[j - padCount] : 0);
      positions.push(real ? j - padCount : 0);
      mask.push(real ? 1 : 0);
    }
  }
  const shape: [number, number] = [rows.length, length];
  return { tokens: tf.tensor2d(tokens, shape, 'int32'), positions: tf.tensor2d(positions, shape, 'int32'), keyMask: tf.tensor2d(mask, shape) };
}

describe('PolicyModel', () => {
  it('is deterministic per seed and counts its parameters', async () => {
    await tf.setBackend('cpu');
    const a = new PolicyModel(config, 3);
    const b = new PolicyModel(config, 3);
    const [wa, wb] = [await a.getWeights(), await b.getWeights()];
    expect(wa.map((w) => Array.from(w.values))).toEqual(wb.map((w) => Array.from(w.values)));
    expect(a.parameterCount).toBe(wa.reduce((n, w) => n + w.values.length, 0));
    a.dispose();
    b.dispose();
  });

  it('gives the same last-position logits whatever the left padding', async () => {
    await tf.setBackend('cpu');
    const model = new PolicyModel(config, 1);
    const row = [1, 5, 7, 3, 9];
    const lastLogits = async (pad: number) => tf.tidy(() => {
      const x = inputs([row, [1, 2]], pad);
      const { hidden } = model.forward(x);
      return model.logits(tf.slice(hidden, [0, hidden.shape[1] - 1, 0], [1, 1, -1]));
    }).data();
    expect(maxRelativeError(await lastLogits(3), await lastLogits(0))).toBeLessThan(1e-5);
    model.dispose();
  });

  it('decoding with the KV cache equals recomputing the whole sequence', async () => {
    await tf.setBackend('cpu');
    const model = new PolicyModel(config, 2);
    const before = tf.memory().numTensors;
    const rows = [[1, 4, 6, 8], [1, 3]];
    const next = [[5, 2], [7, 2]];
    // Full recompute of prompt + next tokens.
    const full = tf.tidy(() => {
      const x = inputs(rows.map((r, i) => [...r, ...next[i]]), 0);
      const { hidden } = model.forward(x);
      return model.logits(tf.slice(hidden, [0, hidden.shape[1] - 1, 0], [-1, 1, -1]));
    });
    // Prefill the prompt, then two cached decode steps.
    const prompt = inputs(rows, 0);
    const prefill = model.forward(prompt);
    prefill.hidden.dispose();
    let present = prefill.present;
    let keyMask = prompt.keyMask;
    let logits: tf.Tensor | null = null;
    for (let s = 0; s < 2; s++) {
      const tokens = tf.tensor2d(next.map((n) => n[s]), [2, 1], 'int32');
      const positions = tf.tensor2d(rows.map((r) => r.length + s), [2, 1], 'int32');
      const nextMask = tf.tidy(() => tf.concat([keyMask, tf.ones([2, 1])], 1) as tf.Tensor2D);
      const step = model.forward({ tokens, positions, keyMask: nextMask, past: present });
      disposeCache(present);
      if (keyMask !== prompt.keyMask) keyMask.dispose();
      present = step.present;
      keyMask = nextMask;
      logits?.dispose();
      logits = model.logits(step.hidden);
      tf.dispose([tokens, positions, step.hidden]);
    }
    expect(maxRelativeError(await logits!.data(), await full.data())).toBeLessThan(1e-5);
    tf.dispose([logits!, full, keyMask, prompt.tokens, prompt.positions, prompt.keyMask]);
    disposeCache(present);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('computing outputs at a window of positions equals slicing the full forward pass, cache included', async () => {
    await tf.setBackend('cpu');
    const model = new PolicyModel(config, 4);
    const before = tf.memory().numTensors;
    const x = inputs([[1, 4, 6, 8, 3, 5], [1, 3, 2]], 1);
    const full = model.forward(x);
    const part = model.forward({ ...x, outputs: { start: 3, length: 2 } });
    expect(part.hidden.shape).toEqual([2, 2, config.dModel]);
    const sliced = tf.slice(full.hidden, [0, 3, 0], [-1, 2, -1]);
    expect(maxRelativeError(await part.hidden.data(), await sliced.data())).toBeLessThan(1e-5);
    for (let l = 0; l < config.nLayers; l++) {
      expect(Array.from(await part.present.keys[l].data())).toEqual(Array.from(await full.present.keys[l].data()));
      expect(Array.from(await part.present.values[l].data())).toEqual(Array.from(await full.present.values[l].data()));
    }
    expect(() => model.forward({ ...x, outputs: { start: 6, length: 2 } })).toThrow(/not within/);
    tf.dispose([full.hidden, part.hidden, sliced, x.tokens, x.positions, x.keyMask]);
    disposeCache(full.present);
    disposeCache(part.present);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('restores weights by name and rejects a mismatched checkpoint', async () => {
    await tf.setBackend('cpu');
    const a = new PolicyModel(config, 1);
    const b = new PolicyModel(config, 2);
    b.setWeights(await a.getWeights());
    expect(Array.from((await b.getWeights())[0].values)).toEqual(Array.from((await a.getWeights())[0].values));
    const other = new PolicyModel({ ...config, dModel: 8 }, 1);
    expect(() => other.setWeights(a.named.map((n) => ({ name: n.name, shape: [...n.variable.shape], values: new Float32Array(n.variable.size) }))))
      .toThrow(/shape/);
    [a, b, other].forEach((m) => m.dispose());
  });
});
