/**
 * What "step entropy" H_t averages (paper.md §2.1: the mean of a step's token entropies). Under
 * admissible-prefix masking most tokens of an action are forced (one allowed continuation, entropy 0),
 * so the paper's literal mean mostly measures how long an action is. The three modes:
 *
 * - `all`: every generated token, the paper literally.
 * - `choices`: only tokens with more than one allowed continuation — the decisions.
 * - `normalized`: the choice tokens, each divided by log(number of allowed tokens), so a 3-way and a
 *   12-way choice are on the same 0–1 scale (1 = uniform over what was allowed).
 *
 * A step without any choice token has step entropy 0 in `choices` and `normalized`.
 */

/** The step-entropy modes, paper-literal first. */
export const STEP_ENTROPY_MODES = ['all', 'choices', 'normalized'] as const;
/** One step-entropy mode. */
export type StepEntropyMode = (typeof STEP_ENTROPY_MODES)[number];

/**
 * The per-token values whose mean is the step's entropy under `mode`. `allowedCounts[j]` is the number
 * of tokens the decoder allowed at token j (the vocabulary size in free decoding). Never empty: a step
 * without choice tokens gives `[0]` in `choices` and `normalized`. Throws on mismatched lengths or an
 * allowed count below 1.
 */
export function stepEntropyTerms(tokenEntropies: readonly number[], allowedCounts: readonly number[], mode: StepEntropyMode): number[] {
  if (tokenEntropies.length !== allowedCounts.length) {
    throw new Error(`step entropy: ${tokenEntropies.length} token entropies but ${allowedCounts.length} allowed counts`);
  }
  for (const count of allowedCounts) {
    if (!Number.isInteger(count) || count < 1) throw new Error(`step entropy: allowed count must be an integer ≥ 1, got ${count}`);
  }
  if (mode === 'all') return [...tokenEntropies];
  const terms: number[] = [];
  tokenEntropies.forEach((h, j) => {
    const count = allowedCounts[j];
    if (count > 1) terms.push(mode === 'normalized' ? h / Math.log(count) : h);
  });
  return terms.length ? terms : [0];
}

/** H_t of one step under `mode`: the mean of `stepEntropyTerms`. */
export function stepEntropyOf(tokenEntropies: readonly number[], allowedCounts: readonly number[], mode: StepEntropyMode): number {
  const terms = stepEntropyTerms(tokenEntropies, allowedCounts, mode);
  return terms.length ? terms.reduce((a, b) => a + b, 0) / terms.length : 0;
}
