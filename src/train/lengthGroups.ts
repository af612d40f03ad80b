/**
 * Splitting a minibatch into groups of similar length, so that short rows are not padded to the
 * longest one. Every row of a group is left-padded to the group's longest, and the forward and backward
 * pass of a group costs about `rows × longest` positions, plus a fixed cost per pass (its ~650 kernel
 * dispatches). The split that costs least is found exactly, by dynamic programming over the rows sorted
 * by length (an optimal split into groups is contiguous in that order).
 *
 * The gradient of the minibatch is the sum of the groups' gradients, so splitting changes only the order
 * in which the same terms are added.
 */

/**
 * What one more forward and backward pass of the update costs, in padded positions, per TF.js backend.
 * The update's passes compute the first block once per distinct (token, position) pair
 * (`ForwardInput.distinct`), so a padded position costs little and rows of different lengths gain from
 * sharing a pass: on the default batches of both environments the wasm update was fastest with a cost of
 * about 3,000 (docs/PERFORMANCE.md, "Each (token, position) pair once"). GPU backends keep minibatches
 * whole: a pass there is mostly dispatch, and they have not been measured.
 */
export const PASS_COST_POSITIONS: Readonly<Record<string, number>> = { wasm: 3000, cpu: 1000 };

/**
 * The same for passes where every row has its own copy of the weights (the gradient-norm diagnostics),
 * which compute every position: on wasm a pass costs about 5 ms plus 3–5 µs per position, and a cost of
 * 800–1,500 was fastest (docs/PERFORMANCE.md, "Rows of similar length").
 */
export const PER_ROW_PASS_COST_POSITIONS: Readonly<Record<string, number>> = { wasm: 1000, cpu: 1000 };

/**
 * Groups of row indices (each group in the rows' original order; groups from the shortest rows up) that
 * minimise Σ_groups (rows × longest length + passCost). A non-finite `passCost` keeps one group.
 */
export function lengthGroups(lengths: readonly number[], passCost: number): number[][] {
  const n = lengths.length;
  if (n === 0) return [];
  const all = lengths.map((_, i) => i);
  if (!Number.isFinite(passCost)) return [all];
  const sorted = [...all].sort((a, b) => lengths[a] - lengths[b] || a - b);
  // best[j]: least cost of the first j sorted rows; start[j]: where the last of their groups begins.
  const best = new Float64Array(n + 1);
  const start = new Int32Array(n + 1);
  for (let j = 1; j <= n; j++) {
    best[j] = Infinity;
    const longest = lengths[sorted[j - 1]];
    for (let i = 0; i < j; i++) {
      const cost = best[i] + (j - i) * longest + passCost;
      if (cost < best[j]) {
        best[j] = cost;
        start[j] = i;
      }
    }
  }
  const groups: number[][] = [];
  for (let j = n; j > 0; j = start[j]) groups.unshift(sorted.slice(start[j], j).sort((a, b) => a - b));
  return groups;
}
