import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import './wasmBackend';
import { embed, gelu, geluReference, layerNorm, matmul } from './ops';
import { maxRelativeError } from '../core/numeric';

describe.each(['cpu', 'wasm'])('custom-gradient ops on %s', (backend) => {
  it('matmul: same values and gradients as tf.matMul (rank 2 and rank 4)', async () => {
    await tf.setBackend(backend);
    for (const [sa, sb] of [[[5, 3], [3, 4]], [[2, 3, 5, 4], [2, 3, 4, 6]]] as const) {
      const a = tf.randomNormal([...sa], 0, 1, 'float32', 1);
      const b = tf.randomNormal([...sb], 0, 1, 'float32', 2);
      const f = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.sin(matmul(x, y)));
      const g = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.sin(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D)));
      const [ga, gb] = tf.grads(f)([a, b]);
      const [ra, rb] = tf.grads(g)([a, b]);
      expect(maxRelativeError(await ga.data(), await ra.data())).toBeLessThan(1e-5);
      expect(maxRelativeError(await gb.data(), await rb.data())).toBeLessThan(1e-5);
      tf.dispose([a, b, ga, gb, ra, rb]);
    }
  });

  it('layerNorm: the values of tf.moments\' normalisation and the gradients TF.js derives from it, shared or per-row gain', async () => {
    await tf.setBackend(backend);
    const plain = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const { mean, variance } = tf.moments(x, -1, true);
      const perRow = (t: tf.Tensor) => (t.rank === 2 ? tf.expandDims(t, 1) : t);
      return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), perRow(g)), perRow(b));
    };
    const x = tf.mul(tf.randomNormal([3, 7, 8], 0.5, 1, 'float32', 11), 3);
    const weights = tf.randomNormal([3, 7, 8], 0, 1, 'float32', 12);
    for (const shape of [[8], [3, 8]]) {
      const g = tf.randomNormal(shape, 1, 0.3, 'float32', 13);
      const b = tf.randomNormal(shape, 0, 0.3, 'float32', 14);
      expect(Array.from(await layerNorm(x, g, b).data())).toEqual(Array.from(await plain(x, g, b).data()));
      const loss = (f: typeof plain) => (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(tf.sin(f(xx, gg, bb)), weights));
      const ours = tf.grads(loss(layerNorm))([x, g, b]);
      const theirs = tf.grads(loss(plain))([x, g, b]);
      for (let i = 0; i < 3; i++) expect(maxRelativeError(await ours[i].data(), await theirs[i].data()), `gradient ${i}, gain ${shape}`).toBeLessThan(1e-5);
      tf.dispose([g, b, ...ours, ...theirs]);
    }
    tf.dispose([x, weights]);
  });

  it('embed: gathers rows and scatter-adds gradients of repeated ids', async () => {
    await tf.setBackend(backend);
    const table = tf.tensor2d([[1, 2], [3, 4], [5, 6]]);
    const ids = tf.tensor2d([[2, 0], [2, 2]], [2, 2], 'int32');
    const out = embed(table, ids);
    expect(out.shape).toEqual([2, 2, 2]);
    expect(Array.from(await out.data())).toEqual([5, 6, 1, 2, 5, 6, 5, 6]);
    const weights = tf.tensor3d([[[1, 10], [2, 20]], [[3, 30], [4, 40]]]);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(embed(t as tf.Tensor2D, ids), weights)))(table);
    expect(Array.from(await grad.data())).toEqual([2, 20, 0, 0, 8, 80]);
    tf.dispose([table, ids, out, weights, grad]);
  });

  it('gelu: the sigmoid form equals GPT-2\'s tanh form in values and gradients', async () => {
    await tf.setBackend(backend);
    const x = tf.mul(tf.randomNormal([4096], 0, 1, 'float32', 5), 4);
    const [a, b] = [gelu(x), geluReference(x)];
    expect(maxRelativeError(await a.data(), await b.data())).toBeLessThan(1e-6);
    const [ga, gb] = [tf.grad(gelu)(x), tf.grad(geluReference)(x)];
    expect(maxRelativeError(await ga.data(), await gb.data())).toBeLessThan(1e-6);
    tf.dispose([x, a, b, ga, gb]);
  });
});
