/**
 * The few building blocks of the policy whose stock TF.js gradients are missing or slow on some backend.
 *
 * - `matmul`: TF.js's matMul gradient uses the transpose flags, which are 10–14× slower on wasm than an
 *   explicit transpose followed by a plain matmul (docs/PERFORMANCE.md); this one transposes explicitly.
 * - `embed`: the gradient of `gather` needs the `UnsortedSegmentSum` kernel, which wasm lacks and cpu runs
 *   pathologically slowly; this one scatters the rows back with `scatterND`, which sums duplicate ids on
 *   every backend. On cpu the rows are copied in JavaScript; wasm copies them in its own `GatherV2`
 *   (kernels/wasmGatherRows.ts).
 */
import * as tf from '@tensorflow/tfjs';

/** Swaps the last two axes (rank 2, 3 or 4). */
export function transposeLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1], perm[r - 2]];
  return tf.transpose(x, perm);
}

type CustomGradArgs = (tf.Tensor | tf.GradSaveFunc)[];

const matmulWithExplicitTransposes = tf.customGrad((...args: CustomGradArgs) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sa, sb] = saved;
      return [tf.matMul(dy as tf.Tensor2D, transposeLast(sb) as tf.Tensor2D), tf.matMul(transposeLast(sa) as tf.Tensor2D, dy as tf.Tensor2D)];
    },
  };
});

/** a·b over the last two axes, with equal leading (batch) axes. Same values and gradients as `tf.matMul`. */
export function matmul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  return matmulWithExplicitTransposes(a, b) as tf.Tensor;
}

const gatherRowsScatterGrad = tf.customGrad((...args: CustomGradArgs) => {
  const [table, ids, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([ids]);
  return {
    value: tf.getBackend() === 'cpu' ? hostGather(table as tf.Tensor2D, ids) : tf.gather(table, ids),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sids] = saved;
      const rows = tf.reshape(dy, [sids.size, table.shape[1]!]);
      return [tf.scatterND(tf.reshape(sids, [sids.size, 1]), rows, table.shape), tf.zerosLike(sids)];
    },
  };
});

/** Backends whose tensors live in CPU memory, where reading one back is a plain copy. */
const HOST_BACKENDS = new Set(['cpu', 'wasm']);

/**
 * `tf.gather(table, ids)` for a 2-D table and 1-D ids, done in JavaScript, for the cpu backend (wasm has
 * a row-copying `GatherV2` of its own: kernels/wasmGatherRows.ts; TF.js's was ~30× slower than this copy).
 */
function hostGather(table: tf.Tensor2D, ids: tf.Tensor): tf.Tensor2D {
  const width = table.shape[1];
  // Only called on cpu, where reading back is a plain copy and never blocks.
  // eslint-disable-next-line no-restricted-properties
  const source = table.dataSync() as Float32Array;
  // eslint-disable-next-line no-restricted-properties
  const index = ids.dataSync();
  const out = new Float32Array(index.length * width);
  for (let i = 0; i < index.length; i++) {
    const row = index[i];
    if (!(row >= 0 && row < table.shape[0])) throw new Error(`embedding id ${row} is not in [0, ${table.shape[0] - 1}]`);
    out.set(source.subarray(row * width, (row + 1) * width), i * width);
  }
  return tf.tensor2d(out, [index.length, width]);
}

/**
 * Rows `ids` (int32, any shape) of `table` [V, d] → [...ids.shape, d], with a scatter-add gradient. With
 * one table per row — `table` [B, V, d], `ids` [B, …] — row b reads its own table.
 */
export function embed(table: tf.Tensor, ids: tf.Tensor): tf.Tensor {
  const width = table.shape[table.rank - 1];
  if (table.rank === 2) return tf.reshape(gatherRowsScatterGrad(table, tf.reshape(ids, [ids.size])) as tf.Tensor, [...ids.shape, width]);
  // Row b's ids index the b-th block of the stacked tables [B·V, d].
  const [rows, vocab] = table.shape;
  const offsets = tf.tensor2d(Int32Array.from({ length: rows }, (_, b) => b * vocab), [rows, 1], 'int32');
  const flatIds = tf.reshape(tf.add(tf.reshape(ids, [rows, -1]), offsets), [ids.size]);
  const found = gatherRowsScatterGrad(tf.reshape(table, [rows * vocab, width]), flatIds) as tf.Tensor;
  return tf.reshape(found, [...ids.shape, width]);
}

/**
 * `rows` copies of `t` stacked on a new leading axis: [rows, ...t.shape]. On cpu and wasm the values are
 * repeated in JavaScript and uploaded once: wasm's `Tile` kernel is a scalar loop that took ~4 ms per
 * copied weight of the tiny model, ~100× the copy.
 */
export function repeatRows(t: tf.Tensor, rows: number): tf.Tensor {
  if (!HOST_BACKENDS.has(tf.getBackend())) return tf.tile(tf.expandDims(t, 0), [rows, ...t.shape.map(() => 1)]);
  // Only on cpu and wasm (HOST_BACKENDS), where reading back is a plain copy and never blocks.
  // eslint-disable-next-line no-restricted-properties
  const values = t.dataSync() as Float32Array;
  const out = new Float32Array(rows * values.length);
  for (let r = 0; r < rows; r++) out.set(values, r * values.length);
  return tf.tensor(out, [rows, ...t.shape], 'float32');
}

/** x̂ = (x − mean) / √(variance + ε) over the last axis, and 1/√(variance + ε) [..., 1]: the values tf.moments gives. */
function normalise(x: tf.Tensor, eps: number): { normalised: tf.Tensor; inverseStd: tf.Tensor } {
  const centred = tf.sub(x, tf.mean(x, -1, true));
  const std = tf.sqrt(tf.add(tf.mean(tf.square(centred), -1, true), eps));
  return { normalised: tf.div(centred, std), inverseStd: tf.reciprocal(std) };
}

const layerNormWithGradient = tf.customGrad((...args: CustomGradArgs) => {
  const [x, gain, bias, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  const { normalised, inverseStd } = normalise(x, LAYER_NORM_EPS);
  // Gain and bias [d], or one of each per row: [B, d] for x [B, L, d].
  const perRow = gain.rank === 2 && x.rank === 3;
  const broadcast = (t: tf.Tensor) => (perRow ? tf.expandDims(t, 1) : t);
  save([normalised, inverseStd, gain]);
  return {
    value: tf.add(tf.mul(normalised, broadcast(gain)), broadcast(bias)),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xHat, invStd, g] = saved;
      // The gain's and bias's gradients sum over every position (over each row's positions, per row).
      const axes = perRow ? [1] : dy.shape.slice(0, -1).map((_, axis) => axis);
      const dxHat = tf.mul(dy, perRow ? tf.expandDims(g, 1) : g);
      // dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)) / √(variance + ε), the layer norm's gradient over the last axis.
      const dx = tf.mul(tf.sub(tf.sub(dxHat, tf.mean(dxHat, -1, true)), tf.mul(xHat, tf.mean(tf.mul(dxHat, xHat), -1, true))), invStd);
      return [dx, tf.sum(tf.mul(dy, xHat), axes), tf.sum(dy, axes)];
    },
  };
});

const LAYER_NORM_EPS = 1e-5;

/**
 * Layer normalisation over the last axis with gain and bias [d] (or one of each per row: [B, d] for
 * x [B, L, d]): the values of tf.moments and (x − mean)/√(variance + ε), with a written-out gradient
 * (about half the kernels of the one TF.js derives from those ops).
 */
export function layerNorm(x: tf.Tensor, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  return layerNormWithGradient(x, gain, bias) as tf.Tensor;
}

const GELU_A = 2 * Math.sqrt(2 / Math.PI);
const GELU_B = GELU_A * 0.044715;

/**
 * GELU, tanh approximation (as GPT-2): 0.5·x·(1 + tanh(√(2/π)(x + 0.044715x³))), computed as the equal
 * x·σ(x·(a + b·x²)) with a = 2√(2/π), b = 0.044715·a — since 0.5(1 + tanh u) = σ(2u). `pow` and `tanh` run
 * as scalar loops on wasm; `square`, `mul` and `sigmoid` are vectorised, and the gradient needs fewer kernels.
 */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(x, tf.sigmoid(tf.mul(x, tf.add(tf.mul(tf.square(x), GELU_B), GELU_A))));
}

/** GELU exactly as written in GPT-2 (pow and tanh): the reference `gelu` is tested against. */
export function geluReference(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))));
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
}

const addBiasRows = tf.customGrad((...args: CustomGradArgs) => {
  const [x, b] = args as [tf.Tensor2D, tf.Tensor1D];
  return {
    value: tf.add(x, b),
    // The bias's gradient sums dy over the rows: as ones[1, N]·dy, a matmul, which wasm runs 4–8× faster
    // than its Sum over the first axis of [N, out].
    gradFunc: (dy: tf.Tensor) => [dy, tf.reshape(tf.matMul(tf.ones([1, dy.shape[0]!]) as tf.Tensor2D, dy as tf.Tensor2D), b.shape)],
  };
});

/**
 * x [..., in] · w [in, out] + b [out], through the fast-gradient `matmul`; with one weight per row,
 * x [B, L, in] · w [B, in, out] + b [B, out].
 */
export function linear(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  if (w.rank === 3) return tf.add(matmul(x, w), tf.expandDims(b, 1));
  const inDim = x.shape[x.shape.length - 1];
  const flat = tf.reshape(x, [-1, inDim]);
  const y = addBiasRows(matmul(flat, w), b) as tf.Tensor;
  return tf.reshape(y, [...x.shape.slice(0, -1), w.shape[1]!]);
}

/**
 * √(Σ ‖t‖²) over a list of tensors (a global gradient norm), added pairwise: `tf.addN` over 8 or more
 * tensors exceeds WebGPU's storage-buffer limit and fails.
 */
export function globalNorm(tensors: readonly tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => {
    let total: tf.Tensor = tf.scalar(0);
    for (const t of tensors) total = tf.add(total, tf.sum(tf.square(t)));
    return tf.sqrt(total) as tf.Scalar;
  });
}
