/**
 * The start-up self-check and speed probe a backend must pass before it trains anything.
 *
 * Device-specific wrong gradients exist in the wild (a mobile GPU returning zero RNN gradients, a dropped
 * command buffer returning zeros), so a backend is trusted only after it reproduces, on a tiny model that
 * uses the policy's kind of ops, the gradient the plain-JS cpu backend computes.
 */
import * as tf from '@tensorflow/tfjs';
import { maxRelativeError } from '../core/numeric';
import { createRng } from '../core/prng';

/** Largest relative difference to cpu that a backend may show and still be used (float32 vs float32). */
export const SELF_CHECK_TOLERANCE = 1e-4;

/** What the self-check measured. */
export interface SelfCheckResult {
  /** Largest |backend − cpu| over all gradients, relative to the largest |cpu| value of that gradient. */
  maxRelError: number;
  /** The loss on the checked backend and on cpu. */
  loss: number;
  cpuLoss: number;
  /** maxRelError ≤ SELF_CHECK_TOLERANCE and every value finite. */
  ok: boolean;
}

/** Sizes of the miniature model: batch, sequence length, model width, vocabulary. */
interface CheckShape {
  batch: number;
  seq: number;
  dim: number;
  vocab: number;
}

interface CheckInputs {
  shape: CheckShape;
  x: number[];
  w1: number[];
  w2: number[];
  target: number[];
}

/** Small enough to compare quickly, large enough to use every op at a non-trivial size. */
const SELF_CHECK_SHAPE: CheckShape = { batch: 6, seq: 4, dim: 8, vocab: 10 };
/** The order of magnitude of a rollout batch of the small policy, so per-op overhead and compute both count. */
const PROBE_SHAPE: CheckShape = { batch: 16, seq: 32, dim: 32, vocab: 64 };

function makeInputs(shape: CheckShape): CheckInputs {
  const { batch, seq, dim, vocab } = shape;
  const rng = createRng('backend-self-check');
  const uniform = (n: number, scale: number) => Array.from({ length: n }, () => (rng.next() * 2 - 1) * scale);
  const target = Array.from({ length: batch * seq }, () => rng.int(vocab));
  return { shape, x: uniform(batch * seq * dim, 1), w1: uniform(dim * dim, 0.5), w2: uniform(dim * vocab, 0.5), target };
}

/**
 * A miniature of one transformer block and a token loss: projection, causal-free self-attention
 * (batched matmul + softmax), layer norm (moments), a tanh MLP, log-softmax cross-entropy.
 * Returns the loss and its gradients with respect to both weight matrices, as plain arrays.
 */
async function lossAndGradients(inputs: CheckInputs): Promise<{ loss: number; grads: Float32Array[] }> {
  const { batch, seq, dim, vocab } = inputs.shape;
  const x = tf.tensor3d(inputs.x, [batch, seq, dim]);
  const w1 = tf.tensor2d(inputs.w1, [dim, dim]);
  const w2 = tf.tensor2d(inputs.w2, [dim, vocab]);
  const target = tf.tidy(() => tf.oneHot(tf.tensor1d(inputs.target, 'int32'), vocab));
  const lossOf = (a: tf.Tensor, b: tf.Tensor): tf.Scalar => {
    const q = tf.reshape(tf.matMul(tf.reshape(x, [batch * seq, dim]), a as tf.Tensor2D), [batch, seq, dim]);
    const scores = tf.softmax(tf.div(tf.matMul(q, q, false, true), Math.sqrt(dim)));
    const attended = tf.add(tf.matMul(scores, q), x);
    const { mean, variance } = tf.moments(attended, -1, true);
    const normed = tf.div(tf.sub(attended, mean), tf.sqrt(tf.add(variance, 1e-5)));
    const logits = tf.matMul(tf.reshape(tf.tanh(normed), [batch * seq, dim]), b as tf.Tensor2D);
    return tf.neg(tf.mean(tf.sum(tf.mul(target, tf.logSoftmax(logits)), -1))) as tf.Scalar;
  };
  const { value, grads } = tf.valueAndGrads(lossOf)([w1, w2]);
  try {
    const [loss, g1, g2] = await Promise.all([value.data(), grads[0].data(), grads[1].data()]);
    return { loss: loss[0], grads: [g1 as Float32Array, g2 as Float32Array] };
  } finally {
    tf.dispose([x, w1, w2, target, value, ...grads]);
  }
}

/**
 * Runs the check on `backend`, comparing with cpu, and leaves `backend` active.
 * Throws only if a backend cannot be activated; a wrong result is reported through `ok`.
 */
export async function selfCheck(backend: string): Promise<SelfCheckResult> {
  const inputs = makeInputs(SELF_CHECK_SHAPE);
  if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend could not be activated');
  const reference = await lossAndGradients(inputs);
  if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend could not be activated`);
  const result = await lossAndGradients(inputs);
  const maxRelError = Math.max(
    ...result.grads.map((g, i) => maxRelativeError(g, reference.grads[i])),
    maxRelativeError([result.loss], [reference.loss]),
  );
  return { maxRelError, loss: result.loss, cpuLoss: reference.loss, ok: maxRelError <= SELF_CHECK_TOLERANCE };
}

/**
 * Times the active backend on a small attention-and-MLP gradient, the shape of work training does.
 * One untimed warm-up (shader compilation), then as many timed runs as fit in `budgetMs` (at least 2).
 * Returns the fastest run's milliseconds: other work on a busy machine only ever slows a run down, so
 * the minimum is the estimate it disturbs least (a median let one busy quarter-second hand the choice to
 * a backend several times slower).
 */
export async function probeSpeed(budgetMs = 250): Promise<number> {
  const inputs = makeInputs(PROBE_SHAPE);
  await lossAndGradients(inputs);
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 2 || (performance.now() - start < budgetMs && times.length < 50)) {
    const t0 = performance.now();
    await lossAndGradients(inputs);
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}
