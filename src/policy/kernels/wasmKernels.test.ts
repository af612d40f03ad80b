import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import '../wasmBackend';
import { createRng } from '../../core/prng';
import { assembleWat } from './assemble';
import { BATCH_MATMUL_WASM } from './batchMatMulBinary';
import { GATHER_ROWS_WASM } from './gatherRowsBinary';
import { KERNEL_SOURCES } from './sources';
import { installWasmKernels, uninstallWasmKernels } from './wasmKernels';

const dir = 'src/policy/kernels';

function randomTensor(shape: number[], seed: string): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(Float32Array.from({ length: size }, () => rng.next() * 2 - 1), shape);
}

/** C = A·B per batch item in float64, for the kernel called on its own. */
function reference(a: Float32Array, b: Float32Array, batch: number, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(batch * m * n);
  for (let item = 0; item < batch; item++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let t = 0; t < k; t++) s += a[item * m * k + i * k + t] * b[item * k * n + t * n + j];
        c[item * m * n + i * n + j] = s;
      }
    }
  }
  return c;
}

/** `f` on the wasm backend with TF.js's own kernels (ours are put back afterwards): the result's values. */
async function withStockKernels(f: () => tf.Tensor): Promise<Float32Array> {
  uninstallWasmKernels();
  try {
    const c = f();
    const values = (await c.data()) as Float32Array;
    c.dispose();
    return values;
  } finally {
    installWasmKernels();
  }
}

function stockMatMul(a: tf.Tensor, b: tf.Tensor, transposeA = false, transposeB = false): Promise<Float32Array> {
  return withStockKernels(() => tf.matMul(a, b, transposeA, transposeB));
}

async function installedMatMul(a: tf.Tensor, b: tf.Tensor, transposeA = false, transposeB = false): Promise<{ values: Float32Array; shape: number[] }> {
  const c = tf.matMul(a, b, transposeA, transposeB);
  const values = (await c.data()) as Float32Array;
  const shape = c.shape;
  c.dispose();
  return { values, shape };
}

describe('the SIMD batched matmul of the wasm backend', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it('ships the binary of each source', async () => {
    const shipped: Record<string, string> = { BATCH_MATMUL_WASM, GATHER_ROWS_WASM };
    for (const { source, exportName } of KERNEL_SOURCES) {
      const binary = await assembleWat(source, readFileSync(join(dir, source), 'utf8'));
      expect(Buffer.from(shipped[exportName], 'base64').equals(Buffer.from(binary)), `${source}: run npm run build:kernels`).toBe(true);
    }
  });

  it('computes A·B on its own, every column tail (16, 4, 1 at a time) and k beyond one block', () => {
    const module = new WebAssembly.Module(Buffer.from(BATCH_MATMUL_WASM, 'base64'));
    const memory = new WebAssembly.Memory({ initial: 4 });
    const kernel = new WebAssembly.Instance(module, { env: { memory } }).exports.batchMatMul as (...args: number[]) => void;
    const rng = createRng('kernel alone');
    for (const [batch, m, k, n] of [[1, 1, 1, 1], [3, 5, 7, 37], [2, 4, 60, 16], [2, 3, 0, 5], [4, 2, 3, 19], [1, 6, 9, 4]]) {
      const a = Float32Array.from({ length: batch * m * k }, () => rng.next() - 0.5);
      const b = Float32Array.from({ length: batch * k * n }, () => rng.next() - 0.5);
      const heap = new Float32Array(memory.buffer);
      const [aAt, bAt, cAt] = [64, 64 + a.length + 16, 64 + a.length + b.length + 32];
      heap.set(a, aAt);
      heap.set(b, bAt);
      heap.fill(Number.NaN, cAt, cAt + batch * m * n + 8);
      kernel(aAt * 4, bAt * 4, cAt * 4, batch, m, k, n);
      const expected = reference(a, b, batch, m, k, n);
      const got = heap.subarray(cAt, cAt + expected.length);
      for (let i = 0; i < expected.length; i++) expect(Math.abs(got[i] - expected[i])).toBeLessThan(1e-5);
      expect(Number.isNaN(heap[cAt + expected.length]), 'writes nothing past C').toBe(true);
    }
  });

  it('matches TF.js\'s own wasm kernel: bit for bit where its scalar loop sums all terms at once, within float rounding elsewhere', async () => {
    const shapes: [number[], number[]][] = [
      [[178, 3, 16], [178, 16, 90]], // queries × keys
      [[178, 3, 90], [178, 90, 16]], // weights × values (90 terms)
      [[89, 2, 16, 3], [89, 2, 3, 90]], // 4-D, a gradient's shape
      [[6, 1, 53], [6, 53, 16]], // one decoded token
      [[5, 7, 13], [5, 13, 3]], // columns one by one
      [[2, 3, 33], [2, 33, 35]],
      [[1, 7, 16], [1, 16, 9]], // one product, as 3-D
      [[260, 32], [32, 96]], // a projection
      [[32, 260], [260, 32]], // a weight gradient
    ];
    for (const [sa, sb] of shapes) {
      const a = randomTensor(sa, `a ${sa}`);
      const b = randomTensor(sb, `b ${sb}`);
      const stock = await stockMatMul(a, b);
      const { values, shape } = await installedMatMul(a, b);
      expect(shape).toEqual([...sa.slice(0, -1), sb[sb.length - 1]]);
      const k = sa[sa.length - 1];
      if (k <= 48 && sa.length > 2 && sa[0] > 1) expect(Array.from(values)).toEqual(Array.from(stock));
      else for (let i = 0; i < values.length; i++) expect(Math.abs(values[i] - stock[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(stock[i])));
      tf.dispose([a, b]);
    }
  });

  it('leaves transposes and broadcasting to TF.js\'s kernel', async () => {
    const cases: [number[], number[], boolean, boolean][] = [
      [[4, 16, 3], [4, 16, 5], true, false],
      [[4, 3, 16], [4, 5, 16], false, true],
      [[1, 3, 16], [4, 16, 5], false, false],
    ];
    for (const [sa, sb, ta, tb] of cases) {
      const a = randomTensor(sa, `a ${sa}`);
      const b = randomTensor(sb, `b ${sb}`);
      const stock = await stockMatMul(a, b, ta, tb);
      const { values } = await installedMatMul(a, b, ta, tb);
      expect(Array.from(values)).toEqual(Array.from(stock));
      tf.dispose([a, b]);
    }
  });

  it('gives the same gradients as the cpu backend and leaks no tensor', async () => {
    const a = randomTensor([6, 2, 4, 16], 'grad a');
    const b = randomTensor([6, 2, 16, 70], 'grad b');
    const before = tf.memory().numTensors;
    const lossOf = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, y))) as tf.Scalar;
    const grads = tf.grads(lossOf)([a, b]);
    const wasm = await Promise.all(grads.map((g) => g.data()));
    tf.dispose(grads);
    expect(tf.memory().numTensors).toBe(before);
    const [aValues, bValues] = await Promise.all([a.data(), b.data()]);
    await tf.setBackend('cpu');
    try {
      const [ca, cb] = [tf.tensor(aValues, a.shape), tf.tensor(bValues, b.shape)];
      const cpuGrads = tf.grads(lossOf)([ca, cb]);
      const cpu = await Promise.all(cpuGrads.map((g) => g.data()));
      tf.dispose([ca, cb, ...cpuGrads]);
      for (let g = 0; g < 2; g++) {
        for (let i = 0; i < cpu[g].length; i++) expect(Math.abs(wasm[g][i] - cpu[g][i])).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(cpu[g][i])));
      }
    } finally {
      await tf.setBackend('wasm');
      tf.dispose([a, b]);
    }
  });
});

describe('Identity on the wasm backend', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it('clones without copying, and each clone keeps the data alive on its own', async () => {
    const x = tf.tensor([1.5, -2, 3], [3]);
    const memoryBefore = tf.memory();
    const y = tf.clone(x);
    expect(y.dataId, 'the same buffer').toBe(x.dataId);
    x.dispose();
    expect(Array.from(await y.data())).toEqual([1.5, -2, 3]);
    y.dispose();
    expect(tf.memory().numTensors).toBe(memoryBefore.numTensors - 1);
  });

  it('gives the gradients of the stock kernels, bit for bit, where a backward pass saves tensors', async () => {
    const x = randomTensor([4, 9], 'identity x');
    const w = randomTensor([9, 5], 'identity w');
    const lossOf = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.exp(tf.tanh(tf.mul(tf.matMul(a, b), 0.3)))) as tf.Scalar;
    const ours = await Promise.all(tf.grads(lossOf)([x, w]).map(async (g) => { const v = await g.data(); g.dispose(); return Array.from(v); }));
    uninstallWasmKernels();
    try {
      const stock = await Promise.all(tf.grads(lossOf)([x, w]).map(async (g) => { const v = await g.data(); g.dispose(); return Array.from(v); }));
      expect(ours).toEqual(stock);
    } finally {
      installWasmKernels();
      tf.dispose([x, w]);
    }
  });
});

describe('GatherV2 on the wasm backend', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it('copies the rows TF.js\'s kernel copies, for any shape of ids, and leaks nothing', async () => {
    const table = randomTensor([37, 5, 3], 'gather table');
    const cases: tf.Tensor[] = [tf.tensor1d([0, 36, 5, 5, 12], 'int32'), tf.tensor2d([[3, 1], [0, 36], [7, 7]], [3, 2], 'int32'), tf.tensor1d([], 'int32')];
    for (const ids of cases) {
      const before = tf.memory().numTensors;
      const got = tf.gather(table, ids);
      expect(got.shape).toEqual([...ids.shape, 5, 3]);
      expect(Array.from(await got.data())).toEqual(Array.from(await withStockKernels(() => tf.gather(table, ids))));
      got.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
    tf.dispose([table, ...cases]);
  });

  it('says which id is out of range, as TF.js\'s kernel does, and leaks nothing', () => {
    const table = randomTensor([4, 2], 'gather bad');
    for (const bad of [4, -1]) {
      const ids = tf.tensor1d([0, 3, bad, 1], 'int32');
      const before = tf.memory().numTensors;
      expect(() => tf.gather(table, ids)).toThrow(`GatherV2: the index value ${bad} is not in [0, 3]`);
      expect(tf.memory().numTensors).toBe(before);
      ids.dispose();
    }
    table.dispose();
  });

  it('leaves other axes and other types to TF.js\'s kernel', async () => {
    const table = randomTensor([6, 4], 'gather other');
    const ints = tf.tensor2d([[1, 2], [3, 4], [5, 6]], [3, 2], 'int32');
    const ids = tf.tensor1d([2, 0, 1], 'int32');
    for (const f of [() => tf.gather(table, ids, 1), () => tf.gather(ints, ids)]) {
      const got = f();
      expect(Array.from(await got.data())).toEqual(Array.from(await withStockKernels(f)));
      got.dispose();
    }
    tf.dispose([table, ints, ids]);
  });
});

