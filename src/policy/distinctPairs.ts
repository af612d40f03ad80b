/**
 * The distinct (token, position) pairs of a batch. The first transformer block sees a position only
 * through its token and its position id (positions count from each row's first real token), so its
 * embedding, LayerNorm, keys and values are equal wherever the pair is: the forward pass computes them
 * once per pair (`ForwardInput.distinct`) and copies each row's into place.
 *
 * A training batch repeats most pairs: the eight episodes of a group read the same task text at the same
 * positions, and consecutive steps of an episode share the task and the actions so far. On the default
 * batches a minibatch of the update has 3–4× as many positions as pairs, a step's prefill 2.3–3.6×
 * (docs/PERFORMANCE.md, "Each (token, position) pair once").
 */

/** A batch's positions as distinct (token, position) pairs. */
export interface DistinctPairs {
  /** Token id of each distinct pair [U]. */
  tokens: Int32Array;
  /** Position id of each distinct pair [U]. */
  positions: Int32Array;
  /** For every position of the batch, in its [rows × width] order: the index of its pair [N]. */
  index: Int32Array;
}

/** The distinct pairs of equal-length `tokens` and `positions` (any layout), in order of first appearance. */
export function distinctPairs(tokens: Int32Array, positions: Int32Array): DistinctPairs {
  if (tokens.length !== positions.length) throw new Error(`${tokens.length} tokens but ${positions.length} positions`);
  let span = 1;
  let tokenSpan = 1;
  for (let i = 0; i < tokens.length; i++) {
    if (!(tokens[i] >= 0 && positions[i] >= 0)) throw new Error(`token ${tokens[i]} at position ${positions[i]}: ids must not be negative`);
    span = Math.max(span, positions[i] + 1);
    tokenSpan = Math.max(tokenSpan, tokens[i] + 1);
  }
  // Pair (t, p) → 1 + its index, in a table over every pair the ids could form (at most vocabulary × context).
  const seen = new Int32Array(tokenSpan * span);
  const index = new Int32Array(tokens.length);
  const distinctTokens = new Int32Array(tokens.length);
  const distinctPositions = new Int32Array(tokens.length);
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const key = tokens[i] * span + positions[i];
    if (seen[key] === 0) {
      distinctTokens[count] = tokens[i];
      distinctPositions[count] = positions[i];
      seen[key] = ++count;
    }
    index[i] = seen[key] - 1;
  }
  return { tokens: distinctTokens.slice(0, count), positions: distinctPositions.slice(0, count), index };
}

/**
 * Where each position of a [rows × length] batch finds its keys or values split into heads, in a table of
 * `heads` blocks of one row per pair ([heads · U, headDim]): row h · U + index, in [rows, heads, length] order.
 */
export function headRows(pairs: DistinctPairs, rows: number, length: number, heads: number): Int32Array {
  const count = pairs.tokens.length;
  const out = new Int32Array(rows * heads * length);
  for (let b = 0; b < rows; b++) {
    const from = pairs.index.subarray(b * length, (b + 1) * length);
    for (let h = 0; h < heads; h++) {
      const into = out.subarray((b * heads + h) * length, (b * heads + h + 1) * length);
      for (let j = 0; j < length; j++) into[j] = h * count + from[j];
    }
  }
  return out;
}

/** The pair index of positions `start` … `start + size − 1` of every row of a [rows × length] batch: [rows × size]. */
export function windowOfPairs(pairs: DistinctPairs, rows: number, length: number, start: number, size: number): Int32Array {
  const out = new Int32Array(rows * size);
  for (let b = 0; b < rows; b++) out.set(pairs.index.subarray(b * length + start, b * length + start + size), b * size);
  return out;
}
