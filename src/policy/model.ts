/**
 * The policy: a small decoder-only transformer (GPT-2 style, pre-LayerNorm, tied input/output embedding)
 * that reads a prompt and writes an action token by token. Plain `tf.*` ops so it runs on every backend;
 * attention takes a key-value cache so decoding a token costs one position, not a whole prefill.
 *
 * Sequences are left-padded: row b holds `pad … pad, bos, prompt…, action…`. Positions count from the
 * first real token, and padded keys are masked out, so a row's numbers do not depend on how much padding
 * its batch needed — the log-probabilities recorded while decoding equal the ones recomputed in training.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/prng';
import { headRows, windowOfPairs, type DistinctPairs } from './distinctPairs';
import { embed, gelu, layerNorm, linear, matmul, repeatRows, transposeLast } from './ops';

/** Shape of the network. */
export interface ModelConfig {
  /** Number of tokens (from the tokenizer). */
  vocabSize: number;
  /** Width of the residual stream. */
  dModel: number;
  /** Transformer blocks. */
  nLayers: number;
  /** Attention heads; dModel must be divisible by it. */
  nHeads: number;
  /** Longest sequence (prompt + action) the model reads. */
  context: number;
  /** Hidden width of the MLP as a multiple of dModel. */
  mlpRatio: number;
}

/** Size presets: `tiny` suits CPU backends (wasm), `small` a real GPU (docs/PERFORMANCE.md). */
export const MODEL_SIZES = {
  tiny: { dModel: 32, nLayers: 1, nHeads: 2, context: 64, mlpRatio: 4 },
  small: { dModel: 64, nLayers: 2, nHeads: 4, context: 128, mlpRatio: 4 },
} as const satisfies Record<string, Omit<ModelConfig, 'vocabSize'>>;

/** Name of a size preset. */
export type ModelSize = keyof typeof MODEL_SIZES;

/** Keys and values of every layer for the positions seen so far: [B, heads, positions, headDim] each. */
export interface KvCache {
  keys: tf.Tensor4D[];
  values: tf.Tensor4D[];
}

/** The inputs of one forward pass. */
export interface ForwardInput {
  /** Token ids [B, L] (int32) of the new positions. */
  tokens: tf.Tensor2D;
  /** Position ids [B, L] (int32) of the new positions. */
  positions: tf.Tensor2D;
  /** 1 for a real token, 0 for padding, over *all* keys (cached + new): [B, Lcached + L]. */
  keyMask: tf.Tensor2D;
  /** Keys and values of earlier positions, if decoding. */
  past?: KvCache;
  /**
   * The new positions whose hidden states the caller reads: `length` positions from `start` (default:
   * all). The last block then runs its queries, attention output and MLP only there; every block still
   * computes keys and values at all positions, so the cache is complete.
   */
  outputs?: { start: number; length: number };
  /**
   * Weights to read instead of the model's own: one copy of every weight per row, each with a leading axis
   * of B (`perRowCopies`), so that a gradient with respect to the copies holds each row's own gradient.
   */
  perRowWeights?: Weights;
  /**
   * `tokens` and `positions` as distinct (token, position) pairs (`distinctPairs`): the first block's
   * embedding, LayerNorm, keys and values are then computed once per pair and copied to every position
   * that has it. Not with `perRowWeights`, where no two rows share weights.
   */
  distinct?: DistinctPairs;
}

/** The tensors a forward pass reads; the model's variables, or per-row copies of them. */
export interface Weights {
  tokenEmbedding: tf.Tensor;
  positionEmbedding: tf.Tensor;
  blocks: BlockWeights<tf.Tensor>[];
  finalGain: tf.Tensor;
  finalBias: tf.Tensor;
}

/** A stored weight: name, shape and values. */
export interface NamedWeight {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** The weights of one transformer block. */
export interface BlockWeights<T extends tf.Tensor = tf.Variable> {
  ln1Gain: T; ln1Bias: T;
  qkvWeight: T; qkvBias: T;
  projWeight: T; projBias: T;
  ln2Gain: T; ln2Bias: T;
  fcWeight: T; fcBias: T;
  outWeight: T; outBias: T;
}

const MASKED = -1e9;

/** The transformer and its weights (TF.js variables, trainable). */
export class PolicyModel implements Weights {
  readonly config: ModelConfig;
  readonly tokenEmbedding: tf.Variable;
  readonly positionEmbedding: tf.Variable;
  readonly blocks: BlockWeights[];
  readonly finalGain: tf.Variable;
  readonly finalBias: tf.Variable;
  /** Every variable with its stable name, in a fixed order (checkpoints, optimizers). */
  readonly named: { name: string; variable: tf.Variable }[] = [];

  /** Creates a model with GPT-2's initialisation drawn from a seeded stream. */
  constructor(config: ModelConfig, seed: number) {
    if (config.dModel % config.nHeads !== 0) throw new Error(`dModel ${config.dModel} is not divisible by nHeads ${config.nHeads}`);
    this.config = { ...config };
    const rng = createRng(seed).fork('weights');
    const { vocabSize: v, dModel: d, nLayers, context, mlpRatio } = config;
    const hidden = d * mlpRatio;
    const residualScale = 0.02 / Math.sqrt(2 * nLayers);
    const normal = (name: string, shape: number[], std: number) => this.variable(name, tf.tensor(gaussian(rng, sizeOf(shape), std), shape));
    const constant = (name: string, shape: number[], value: number) => this.variable(name, tf.fill(shape, value));

    this.tokenEmbedding = normal('wte', [v, d], 0.02);
    this.positionEmbedding = normal('wpe', [context, d], 0.01);
    this.blocks = Array.from({ length: nLayers }, (_, l) => ({
      ln1Gain: constant(`h${l}.ln1.g`, [d], 1), ln1Bias: constant(`h${l}.ln1.b`, [d], 0),
      qkvWeight: normal(`h${l}.attn.qkv.w`, [d, 3 * d], 0.02), qkvBias: constant(`h${l}.attn.qkv.b`, [3 * d], 0),
      projWeight: normal(`h${l}.attn.proj.w`, [d, d], residualScale), projBias: constant(`h${l}.attn.proj.b`, [d], 0),
      ln2Gain: constant(`h${l}.ln2.g`, [d], 1), ln2Bias: constant(`h${l}.ln2.b`, [d], 0),
      fcWeight: normal(`h${l}.mlp.fc.w`, [d, hidden], 0.02), fcBias: constant(`h${l}.mlp.fc.b`, [hidden], 0),
      outWeight: normal(`h${l}.mlp.out.w`, [hidden, d], residualScale), outBias: constant(`h${l}.mlp.out.b`, [d], 0),
    }));
    this.finalGain = constant('lnf.g', [d], 1);
    this.finalBias = constant('lnf.b', [d], 0);
  }

  private variable(name: string, init: tf.Tensor): tf.Variable {
    const variable = tf.variable(init, true, `${name}#${nextVariableId++}`);
    init.dispose();
    this.named.push({ name, variable });
    return variable;
  }

  /** Total number of trainable numbers. */
  get parameterCount(): number {
    return this.named.reduce((n, { variable }) => n + variable.size, 0);
  }

  /** The trainable variables, in `named` order. */
  get variables(): tf.Variable[] {
    return this.named.map((n) => n.variable);
  }

  /**
   * Runs the new positions through the network. Returns the final hidden states [B, L, d] (after the
   * last LayerNorm) and the cache extended by these positions. Intermediates are freed; the caller owns
   * the results. The returned cache holds new tensors and leaves `input.past` untouched.
   */
  forward(input: ForwardInput): { hidden: tf.Tensor3D; present: KvCache } {
    const out = tf.tidy(() => {
      const { hidden, present } = this.forwardUntidied(input);
      return { hidden, keys: present.keys, values: present.values } as unknown as tf.TensorContainerObject;
    }) as unknown as { hidden: tf.Tensor3D; keys: tf.Tensor4D[]; values: tf.Tensor4D[] };
    return { hidden: out.hidden, present: { keys: out.keys, values: out.values } };
  }

  private forwardUntidied(input: ForwardInput): { hidden: tf.Tensor3D; present: KvCache } {
    const { nHeads, dModel } = this.config;
    const [batch, length] = input.tokens.shape;
    const headDim = dModel / nHeads;
    const pastLength = input.past?.keys[0]?.shape[2] ?? 0;
    const totalLength = pastLength + length;
    const outStart = input.outputs?.start ?? 0;
    const outLength = input.outputs?.length ?? length;
    if (outStart < 0 || outLength < 1 || outStart + outLength > length) {
      throw new Error(`outputs [${outStart}, ${outStart + outLength}) are not within the ${length} new positions`);
    }
    const windowed = outStart !== 0 || outLength !== length;
    // Padded keys [B, 1, 1, Lpast + L] are masked out in every block.
    const padding = tf.reshape(tf.mul(tf.sub(1, input.keyMask), MASKED), [batch, 1, 1, totalLength]);

    const weights: Weights = input.perRowWeights ?? this;
    const { distinct } = input;
    if (distinct && input.perRowWeights) throw new Error('distinct (token, position) pairs need weights that every row shares');
    if (distinct && distinct.index.length !== batch * length) {
      throw new Error(`distinct pairs index ${distinct.index.length} positions, the batch has ${batch * length}`);
    }
    const embedded = (tokens: tf.Tensor, positions: tf.Tensor) => tf.add(embed(weights.tokenEmbedding, tokens), embed(weights.positionEmbedding, positions));
    // The residual stream: [B, L, d], or one row per distinct pair [U, d] until the first block has read it.
    let x: tf.Tensor = distinct
      ? embedded(tf.tensor1d(distinct.tokens, 'int32'), tf.tensor1d(distinct.positions, 'int32'))
      : embedded(input.tokens, input.positions);
    const present: KvCache = { keys: [], values: [] };
    weights.blocks.forEach((block, l) => {
      // The last block needs queries only where outputs are read; keys and values everywhere.
      const [qStart, qLength] = windowed && l === weights.blocks.length - 1 ? [outStart, outLength] : [0, length];
      const window = (t: tf.Tensor) => (qLength === length ? t : tf.slice(t, [0, qStart, 0], [-1, qLength, -1]));
      // Attention: project to queries, keys and values (the columns of the fused qkv weight, each projected
      // separately: splitting the projected tensor is a slow strided copy on wasm), split heads
      // [B, L, d] → [B, heads, L, headDim], append to the cache, attend.
      const normed = layerNorm(x, block.ln1Gain, block.ln1Bias);
      const project = (input: tf.Tensor, part: number) => linear(input, lastAxisSlice(block.qkvWeight, part * dModel, dModel), lastAxisSlice(block.qkvBias, part * dModel, dModel));
      const splitHeads = (t: tf.Tensor, rows: number) => tf.transpose(tf.reshape(t, [batch, rows, nHeads, headDim]), [0, 2, 1, 3]);
      let residual: tf.Tensor;
      let queries: tf.Tensor;
      let k: tf.Tensor;
      let v: tf.Tensor;
      if (l === 0 && distinct) {
        // One row per distinct pair: keys and values are projected and split into heads there
        // ([U, d] → [heads · U, headDim]), then each position's row is copied into [B, heads, L, headDim].
        const pairs = distinct.tokens.length;
        const pairHeads = (t: tf.Tensor) => tf.reshape(tf.transpose(tf.reshape(t, [pairs, nHeads, headDim]), [1, 0, 2]), [nHeads * pairs, headDim]);
        const headIds = tf.tensor3d(headRows(distinct, batch, length, nHeads), [batch, nHeads, length], 'int32');
        k = embed(pairHeads(project(normed, 1)), headIds);
        v = embed(pairHeads(project(normed, 2)), headIds);
        const queryIds = tf.tensor2d(windowOfPairs(distinct, batch, length, qStart, qLength), [batch, qLength], 'int32');
        residual = embed(x, queryIds);
        queries = splitHeads(project(embed(normed, queryIds), 0), qLength);
      } else {
        residual = window(x);
        queries = splitHeads(project(window(normed), 0), qLength);
        k = splitHeads(project(normed, 1), length);
        v = splitHeads(project(normed, 2), length);
      }
      const keys = (input.past ? tf.concat([input.past.keys[l], k], 2) : k) as tf.Tensor4D;
      const values = (input.past ? tf.concat([input.past.values[l], v], 2) : v) as tf.Tensor4D;
      present.keys.push(keys);
      present.values.push(values);
      const bias = tf.add(causalBias(pastLength + qStart, qLength, totalLength), padding);
      const scores = tf.add(tf.mul(matmul(queries, transposeLast(keys)), 1 / Math.sqrt(headDim)), bias);
      const attended = matmul(tf.softmax(scores), values);
      const merged = tf.reshape(tf.transpose(attended, [0, 2, 1, 3]), [batch, qLength, dModel]);
      x = tf.add(residual, linear(merged, block.projWeight, block.projBias));
      // MLP.
      const h = gelu(linear(layerNorm(x, block.ln2Gain, block.ln2Bias), block.fcWeight, block.fcBias));
      x = tf.add(x, linear(h, block.outWeight, block.outBias));
    });
    return { hidden: layerNorm(x, weights.finalGain, weights.finalBias) as tf.Tensor3D, present };
  }

  /**
   * Next-token logits for hidden states [..., d] → [..., vocab], through the tied embedding; with per-row
   * weights (`perRowCopies`), hidden states [B, L, d] → [B, L, vocab], each row through its own copy.
   */
  logits(hidden: tf.Tensor, perRowWeights?: Weights): tf.Tensor {
    return tf.tidy(() => {
      if (perRowWeights) return matmul(hidden, transposeLast(perRowWeights.tokenEmbedding));
      const flat = tf.reshape(hidden, [-1, this.config.dModel]);
      const out = matmul(flat, transposeLast(this.tokenEmbedding));
      return tf.reshape(out, [...hidden.shape.slice(0, -1), this.config.vocabSize]);
    });
  }

  /**
   * One copy of every weight per row of a batch of `rows` (each variable tiled along a new leading axis), in
   * `named` order, for `tf.grads`; `weightsFrom` makes them `Weights` for `forward`. The caller owns them.
   */
  perRowCopies(rows: number): tf.Tensor[] {
    return this.named.map(({ variable }) => repeatRows(variable, rows));
  }

  /** `Weights` from tensors in `named` order (the model's own, or copies of them). */
  weightsFrom(tensors: readonly tf.Tensor[]): Weights {
    const byVariable = new Map(this.named.map(({ variable }, i) => [variable, tensors[i]]));
    const of = (variable: tf.Variable) => byVariable.get(variable)!;
    return {
      tokenEmbedding: of(this.tokenEmbedding),
      positionEmbedding: of(this.positionEmbedding),
      blocks: this.blocks.map((block) => Object.fromEntries(Object.entries(block).map(([key, variable]) => [key, of(variable)])) as unknown as BlockWeights<tf.Tensor>),
      finalGain: of(this.finalGain),
      finalBias: of(this.finalBias),
    };
  }

  /** Copies of all weights, for checkpoints and for a frozen reference policy. */
  async getWeights(): Promise<NamedWeight[]> {
    return Promise.all(this.named.map(async ({ name, variable }) => ({
      name, shape: [...variable.shape], values: (await variable.data()) as Float32Array,
    })));
  }

  /** Overwrites weights by name; throws on a missing name or a shape mismatch. */
  setWeights(weights: readonly NamedWeight[]): void {
    const byName = new Map(weights.map((w) => [w.name, w]));
    for (const { name, variable } of this.named) {
      const w = byName.get(name);
      if (!w) throw new Error(`checkpoint has no weight "${name}"`);
      if (w.shape.join('x') !== variable.shape.join('x')) {
        throw new Error(`weight "${name}" has shape [${w.shape}] in the checkpoint, the model needs [${variable.shape}]`);
      }
      tf.tidy(() => variable.assign(tf.tensor(w.values, w.shape)));
    }
  }

  /** Frees every variable. */
  dispose(): void {
    for (const { variable } of this.named) variable.dispose();
  }
}

let nextVariableId = 0;

/**
 * Additive causal bias [1, 1, queries, keys] for queries at absolute positions first … first + queries − 1:
 * 0 where the key is not later than the query, −1e9 elsewhere. Built on the host: one upload instead of
 * a chain of small kernels per forward pass.
 */
function causalBias(first: number, queries: number, keys: number): tf.Tensor4D {
  const values = new Float32Array(queries * keys);
  for (let i = 0; i < queries; i++) values.fill(MASKED, i * keys + first + i + 1, (i + 1) * keys);
  return tf.tensor4d(values, [1, 1, queries, keys]);
}

/** `size` entries of the last axis from `start` (a weight's columns, or per-row copies' columns). */
function lastAxisSlice(t: tf.Tensor, start: number, size: number): tf.Tensor {
  const begin = t.shape.map((_, i) => (i === t.rank - 1 ? start : 0));
  const sizes = t.shape.map((_, i) => (i === t.rank - 1 ? size : -1));
  return tf.slice(t, begin, sizes);
}

function sizeOf(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** n samples of N(0, std²) by Box–Muller from the seeded stream. */
function gaussian(rng: ReturnType<typeof createRng>, n: number, std: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = 1 - rng.next();
    const r = Math.sqrt(-2 * Math.log(u)) * std;
    const angle = 2 * Math.PI * rng.next();
    out[i] = r * Math.cos(angle);
    if (i + 1 < n) out[i + 1] = r * Math.sin(angle);
  }
  return out;
}

/** Disposes a cache. */
export function disposeCache(cache: KvCache | undefined): void {
  if (!cache) return;
  tf.dispose([...cache.keys, ...cache.values]);
}
