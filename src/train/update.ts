/**
 * The policy update: the token-level clipped surrogate of PPO/GRPO/DAPO with the ratio taken against
 * the rollout policy, an optional k3 KL penalty to the initial policy, global gradient-norm clipping and
 * Adam. Losses are aggregated per token over each minibatch (DAPO's token-level aggregation):
 *
 *   L = −(1/#tokens) Σ_tokens min(r·A, clip(r, 1−ε_low, 1+ε_high)·A) + β·(1/#tokens) Σ_tokens k3(π_ref, π)
 *
 * where A is the step's advantage (A(τ) or EMPG's A_final) shared by all tokens of the step.
 */
import * as tf from '@tensorflow/tfjs';
import { addPhase, countPhase, phase, phaseAsync } from '../core/phases';
import type { Rng } from '../core/prng';
import type { PolicyModel } from '../policy/model';
import { globalNorm } from '../policy/ops';
import { choiceLength, prepareScoring, scoreActions, truncateAction, type ScoredAction } from '../policy/scoring';
import { lengthGroups, PASS_COST_POSITIONS } from './lengthGroups';

/** One step to learn from. */
export interface UpdateItem extends ScoredAction {
  /** log π_old of each action token, recorded during the rollout. */
  oldLogProbs: readonly number[];
  /** The step's advantage. */
  advantage: number;
}

/** Settings of one update. */
export interface UpdateOptions {
  epochs: number;
  miniBatchSize: number;
  clipLow: number;
  clipHigh: number;
  klCoef: number;
  maxGradNorm: number;
  temperature: number;
  /** The frozen initial policy for the KL term (needed when klCoef > 0). */
  reference?: PolicyModel;
  /**
   * What one more forward and backward pass costs in padded positions, for splitting minibatches into
   * rows of similar length (`lengthGroups`); default: the backend's `PASS_COST_POSITIONS`, Infinity to
   * keep each minibatch whole.
   */
  passCostPositions?: number;
  /** Called after each minibatch (1-based) with the number of minibatches of all epochs. */
  onMinibatch?: (done: number, total: number) => void | Promise<void>;
}

/** What the update measured, averaged over its optimizer steps (token-weighted where it matters). */
export interface UpdateStats {
  pgLoss: number;
  klLoss: number;
  /** Fraction of tokens whose clipped term was the active one. */
  clipfrac: number;
  /** mean(log π_old − log π) over tokens: how far the policy moved (verl's ppo_kl). */
  approxKl: number;
  /** Global gradient norm before clipping, mean over optimizer steps. */
  gradNorm: number;
  /** Largest pre-clip gradient norm seen. */
  gradNormMax: number;
  optimizerSteps: number;
  /** Tokens that took part (non-zero advantage). */
  tokens: number;
}

/** Runs `epochs` passes of minibatch updates over `items`; shuffles with `rng`. */
export async function ppoUpdate(
  model: PolicyModel,
  optimizer: tf.Optimizer,
  items: readonly UpdateItem[],
  options: UpdateOptions,
  rng: Rng,
): Promise<UpdateStats> {
  const totals = { pg: 0, kl: 0, clipped: 0, approxKl: 0, gradNorm: 0, gradNormMax: 0, steps: 0, tokens: 0 };
  const minibatches = options.epochs * Math.ceil(items.length / options.miniBatchSize);
  let done = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = rng.shuffle(items.map((_, i) => i));
    for (let start = 0; start < order.length; start += options.miniBatchSize) {
      if (done > 0) await options.onMinibatch?.(done, minibatches);
      done++;
      const chunk = order.slice(start, start + options.miniBatchSize).map((i) => items[i]);
      // Every token of the minibatch counts in the mean, but steps with zero advantage add nothing to
      // the gradient, so they are not computed.
      const tokenCount = chunk.reduce((n, item) => n + item.tokens.length, 0);
      const active = chunk.filter((item) => item.advantage !== 0);
      if (active.length === 0 || tokenCount === 0) continue;
      // A step's forced tail — tokens that were the only admissible continuation — has log-prob 0 under
      // the old and the new policy alike: ratio 1, no gradient, no KL, never clipped. Each of its tokens
      // adds exactly −A/#tokens to the loss; that constant is added on the host, and the forward pass sees
      // each step only up to its last choice (choiceLength). Steps without any choice are left out, unless
      // no step of the minibatch has one: then one is scored whole, so that the optimizer still takes its step.
      const lengths = active.map((item) => choiceLength(item));
      if (!lengths.some((length) => length > 0)) lengths[0] = active[0].tokens.length;
      let forcedTokens = 0;
      let forcedSurrogate = 0;
      active.forEach((item, i) => {
        forcedTokens += item.tokens.length - lengths[i];
        forcedSurrogate += item.advantage * (item.tokens.length - lengths[i]);
      });
      const scored = active.flatMap((item, i) => (lengths[i] > 0 ? [{ item, length: lengths[i] }] : []));
      countPhase('update/rows', scored.length);

      // Rows of similar length go through the model together (lengthGroups); the minibatch's gradient
      // is the sum of the groups'.
      const groups = lengthGroups(scored.map(({ item, length }) => item.prompt.length + length), options.passCostPositions ?? PASS_COST_POSITIONS[tf.getBackend()] ?? Infinity);
      let summed: GroupGradients | undefined;
      for (const group of groups) summed = addGroups(summed, surrogateGradients(model, group.map((i) => scored[i]), tokenCount, options));
      const { grads, sums } = summed!;

      const gradNorm = phase('update/clip', () => globalNorm(Object.values(grads)));
      const norm = await phaseAsync('update/readback', async () => (await gradNorm.data())[0]);
      const scale = Math.min(1, options.maxGradNorm / (norm + 1e-6));
      if (Number.isFinite(norm)) {
        phase('update/optimizer', () => {
          const scaled = tf.tidy(() => Object.fromEntries(Object.entries(grads).map(([name, g]) => [name, tf.mul(g, scale)])));
          optimizer.applyGradients(scaled as tf.NamedTensorMap);
          tf.dispose(Object.values(scaled));
        });
      }
      const [pg, kl, clippedCount, logRatioSum, activeTokens] = await phaseAsync('update/readback', async () => Array.from(await sums.data()));
      tf.dispose([gradNorm, sums, ...Object.values(grads)]);
      if (!Number.isFinite(norm)) throw new Error(`the gradient norm is ${norm}: training diverged`);

      totals.pg += pg - forcedSurrogate / tokenCount;
      totals.kl += kl;
      totals.clipped += clippedCount;
      totals.approxKl += logRatioSum;
      totals.gradNorm += norm;
      totals.gradNormMax = Math.max(totals.gradNormMax, norm);
      totals.steps++;
      totals.tokens += activeTokens + forcedTokens;
    }
  }
  if (done > 0) await options.onMinibatch?.(done, minibatches);
  const steps = Math.max(1, totals.steps);
  const tokens = Math.max(1, totals.tokens);
  return {
    pgLoss: totals.pg / steps, klLoss: totals.kl / steps, clipfrac: totals.clipped / tokens, approxKl: totals.approxKl / tokens,
    gradNorm: totals.gradNorm / steps, gradNormMax: totals.gradNormMax, optimizerSteps: totals.steps, tokens: totals.tokens,
  };
}

/** A step as the forward pass sees it: cut to its last choice (`choiceLength`). */
interface ScoredStep {
  item: UpdateItem;
  length: number;
}

/** One group's gradient by variable name, and five sums for the statistics: pg loss, KL loss, clipped tokens, Σ −log-ratio, tokens. */
interface GroupGradients {
  grads: tf.NamedTensorMap;
  sums: tf.Tensor1D;
}

/**
 * The gradient of one group's share of the minibatch loss: its tokens' surrogate and KL terms over the
 * minibatch's `tokenCount`. The caller owns every tensor returned.
 */
function surrogateGradients(
  model: PolicyModel, steps: readonly ScoredStep[], tokenCount: number, options: UpdateOptions,
): GroupGradients {
  const { inputs, old, adv } = phase('update/prepare', () => {
    const inputs = prepareScoring(steps.map(({ item, length }) => truncateAction(item, length)), model.config.vocabSize);
    const k = inputs.actionLength;
    const oldLogProbs = new Float32Array(steps.length * k);
    const advantages = new Float32Array(steps.length * k);
    steps.forEach(({ item, length }, i) => {
      const offset = k - length;
      for (let j = 0; j < length; j++) oldLogProbs[i * k + offset + j] = item.oldLogProbs[j];
      for (let c = offset; c < k; c++) advantages[i * k + c] = item.advantage;
    });
    const shape: [number, number] = [steps.length, k];
    return { inputs, old: tf.tensor2d(oldLogProbs, shape), adv: tf.tensor2d(advantages, shape) };
  });
  countPhase('update/positions', inputs.rows * inputs.width);
  const refLogProbs = options.klCoef > 0 && options.reference
    ? phase('update/reference', () => tf.tidy(() => scoreActions(options.reference!, inputs, options.temperature).logProbs))
    : null;

  let sums: tf.Tensor1D | undefined;
  let forwardMs = 0;
  const gradsStart = performance.now();
  const { value, grads } = tf.variableGrads(() => {
    const forwardStart = performance.now();
    const { logProbs, mask } = scoreActions(model, inputs, options.temperature);
    const logRatio = tf.mul(tf.sub(logProbs, old), mask);
    const ratio = tf.exp(logRatio);
    const unclipped = tf.mul(ratio, adv);
    const clipped = tf.mul(tf.clipByValue(ratio, 1 - options.clipLow, 1 + options.clipHigh), adv);
    const surrogate = tf.mul(tf.minimum(unclipped, clipped), mask);
    const pgLoss = tf.div(tf.neg(tf.sum(surrogate)), tokenCount);
    let loss = pgLoss;
    let klLoss: tf.Tensor = tf.scalar(0);
    if (refLogProbs) {
      // k3 estimator of KL(π ‖ π_ref): e^{ref−logπ} − (ref − logπ) − 1 ≥ 0.
      const delta = tf.mul(tf.sub(refLogProbs, logProbs), mask);
      klLoss = tf.div(tf.sum(tf.mul(tf.sub(tf.sub(tf.exp(delta), delta), 1), mask)), tokenCount);
      loss = tf.add(loss, tf.mul(klLoss, options.klCoef));
    }
    const isClipped = tf.mul(tf.cast(tf.greater(unclipped, clipped), 'float32'), mask);
    sums = tf.keep(tf.stack([pgLoss, klLoss, tf.sum(isClipped), tf.sum(tf.neg(logRatio)), tf.sum(mask)]) as tf.Tensor1D);
    forwardMs = performance.now() - forwardStart;
    return loss as tf.Scalar;
  }, model.variables);
  // The closure above is the forward pass; the rest of variableGrads is the backward pass.
  addPhase('update/forward', forwardMs);
  addPhase('update/backward', performance.now() - gradsStart - forwardMs);
  tf.dispose([value, old, adv, ...(refLogProbs ? [refLogProbs] : [])]);
  return { grads, sums: sums! };
}

/** `total` + `part`, gradient by gradient and sum by sum (the first part is taken as it is); frees what it replaces. */
function addGroups(total: GroupGradients | undefined, part: GroupGradients): GroupGradients {
  if (!total) return part;
  return phase('update/accumulate', () => {
    const add = <T extends tf.Tensor>(a: T, b: T): T => {
      const sum = tf.add(a, b) as T;
      tf.dispose([a, b]);
      return sum;
    };
    return {
      grads: Object.fromEntries(Object.entries(part.grads).map(([name, g]) => [name, add(total.grads[name], g)])),
      sums: add(total.sums, part.sums),
    };
  });
}
