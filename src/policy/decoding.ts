/**
 * Choosing each action token on the CPU from the model's logits, and recording what the trainer and the
 * page need about it: log-probability, Shannon entropy of the sampling distribution, the logit-space
 * score norm ‖e_a − p‖ (paper.md §4.2: the size of ∇_z log π for this token) and the top alternatives.
 *
 * With admissible-prefix masking only tokens that continue some admissible action are allowed; the
 * sampling distribution is the softmax over those, at the sampling temperature.
 */
import type { Rng } from '../core/prng';
import { EOS_ID } from './tokenizer';

/** One alternative the policy considered: token id and its probability. */
export interface Alternative {
  token: number;
  p: number;
}

/** Everything recorded about one generated token. */
export interface TokenDraw {
  token: number;
  /** log π(token | context) under the sampling distribution. */
  logProb: number;
  /** Shannon entropy (nats) of the sampling distribution. */
  entropy: number;
  /** ‖e_token − p‖₂ = √(1 − 2·p_token + Σ p²). */
  scoreNorm: number;
  /** The most likely tokens, most likely first (up to 5). */
  top: Alternative[];
}

/** How a token is chosen. */
export interface DrawOptions {
  /** Divides the logits; 1 samples from the model as is. */
  temperature: number;
  /** Take the most likely token instead of sampling (evaluation). */
  greedy: boolean;
}

const TOP_K = 5;

/**
 * Chooses one token from `logits` (a row of length vocab). `allowed` lists the permitted token ids
 * (null: every token). Ties in greedy mode go to the lowest id, so evaluation is deterministic.
 */
export function drawToken(logits: ArrayLike<number>, allowed: readonly number[] | null, options: DrawOptions, rng: Rng): TokenDraw {
  const ids = allowed ?? Array.from({ length: logits.length }, (_, i) => i);
  if (ids.length === 0) throw new Error('drawToken: no token is allowed');
  const t = options.temperature;
  if (!(t > 0) || !Number.isFinite(t)) throw new Error(`temperature must be a positive number, got ${t}`);

  let max = -Infinity;
  for (const id of ids) max = Math.max(max, logits[id] / t);
  if (!Number.isFinite(max)) throw new Error('the model produced non-finite logits (training diverged?)');
  const probs = new Float64Array(ids.length);
  let total = 0;
  ids.forEach((id, i) => {
    probs[i] = Math.exp(logits[id] / t - max);
    total += probs[i];
  });
  let entropy = 0;
  let sumSquares = 0;
  for (let i = 0; i < probs.length; i++) {
    probs[i] /= total;
    if (probs[i] > 0) entropy -= probs[i] * Math.log(probs[i]);
    sumSquares += probs[i] * probs[i];
  }

  let chosen = 0;
  if (options.greedy) {
    for (let i = 1; i < probs.length; i++) if (probs[i] > probs[chosen]) chosen = i;
  } else {
    chosen = rng.weighted(probs);
  }
  const p = probs[chosen];
  const order = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a] || ids[a] - ids[b]).slice(0, TOP_K);
  return {
    token: ids[chosen],
    logProb: Math.log(p),
    entropy,
    scoreNorm: Math.sqrt(Math.max(0, 1 - 2 * p + sumSquares)),
    top: order.map((i) => ({ token: ids[i], p: probs[i] })),
  };
}

/**
 * The draw of a token that is the only one allowed: probability 1, entropy 0, score norm 0 — what
 * `drawToken` returns for it whatever the logits. It advances the stream exactly as `drawToken` would
 * (one draw when sampling, none when greedy), so a run's stream does not depend on whether the model was
 * asked for logits it cannot use.
 */
export function onlyChoice(token: number, options: DrawOptions, rng: Rng): TokenDraw {
  if (!options.greedy) rng.weighted([1]);
  return { token, logProb: 0, entropy: 0, scoreNorm: 0, top: [{ token, p: 1 }] };
}

interface TrieNode {
  children: Map<number, TrieNode>;
  /** The action text that ends here (this node is reached by EOS). */
  action?: string;
}

/**
 * A prefix tree over the admissible actions' token ids, each followed by EOS. Walking it while decoding
 * gives the tokens that keep the action admissible.
 */
export class ActionTrie {
  private readonly root: TrieNode = { children: new Map() };

  /** Builds the tree from (action text, token ids) pairs; the first of two identical token paths wins. */
  constructor(actions: readonly { text: string; tokens: readonly number[] }[]) {
    for (const { text, tokens } of actions) {
      let node = this.root;
      for (const token of [...tokens, EOS_ID]) {
        let child = node.children.get(token);
        if (!child) node.children.set(token, (child = { children: new Map() }));
        node = child;
      }
      node.action ??= text;
    }
  }

  /** A cursor at the start of an action. */
  start(): TrieCursor {
    return new TrieCursor(this.root);
  }
}

/** A position in an `ActionTrie` while an action is being written. */
export class TrieCursor {
  constructor(private node: TrieNode | null) {}

  /** Tokens that continue some admissible action (sorted); empty once off the tree. */
  allowed(): number[] {
    return this.node ? [...this.node.children.keys()].sort((a, b) => a - b) : [];
  }

  /** Moves along `token`. */
  advance(token: number): void {
    this.node = this.node?.children.get(token) ?? null;
  }

  /**
   * The rest of the action, EOS included, when only one admissible action continues from here (every
   * node below has a single child); null when a choice is still open or the cursor is off the tree.
   * Empty once the action is complete.
   */
  forcedRest(): number[] | null {
    const rest: number[] = [];
    let node = this.node;
    while (node) {
      if (node.children.size === 0) return rest;
      if (node.children.size > 1) return null;
      const [token, child] = node.children.entries().next().value as [number, TrieNode];
      rest.push(token);
      node = child;
    }
    return null;
  }

  /** The completed action's text, once EOS was taken on the tree. */
  get action(): string | undefined {
    return this.node?.action;
  }
}
