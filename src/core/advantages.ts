/**
 * Outcome (trajectory-level) advantages of the base algorithms EMPG sits on: GRPO's group-relative
 * z-score, Dr.GRPO's un-scaled variant, and DAPO's dynamic-sampling filter.
 *
 * A *group* is the G rollouts of one task (same world, same seed). Every trajectory of a group is scored
 * against the others: A(τ_i) = (R_i − mean_group R) / (std_group R + ε)  (paper.md §1; verl
 * `compute_grpo_outcome_advantage`). Without EMPG every token of every step of τ_i gets this A(τ_i).
 */

/** How the group baseline is applied. */
export interface GroupAdvantageOptions {
  /**
   * Divide by the group's standard deviation (GRPO, default true). False gives Dr.GRPO's
   * A = R − mean, which removes the bias towards low-variance groups.
   */
  scaleByStd?: boolean;
  /** Added to the std before dividing (verl's default 1e-6). */
  eps?: number;
}

/** Per-group summary statistics, keyed by group id. */
export interface GroupStats {
  mean: number;
  /** Sample standard deviation (Bessel-corrected, as `torch.std`); 0 for a group of one. */
  std: number;
  size: number;
}

/** Groups the indices 0…n−1 by their group id, in order of first appearance. */
export function groupIndices(groupOf: ArrayLike<number | string>): Map<number | string, number[]> {
  const groups = new Map<number | string, number[]>();
  for (let i = 0; i < groupOf.length; i++) {
    const id = groupOf[i];
    const members = groups.get(id);
    if (members) members.push(i);
    else groups.set(id, [i]);
  }
  return groups;
}

function assertRewards(rewards: ArrayLike<number>, groupOf: ArrayLike<number | string>): void {
  if (rewards.length !== groupOf.length) {
    throw new Error(`rewards (${rewards.length}) and group ids (${groupOf.length}) must have the same length`);
  }
  for (let i = 0; i < rewards.length; i++) {
    if (!Number.isFinite(rewards[i])) throw new Error(`reward of trajectory ${i} is ${rewards[i]}; rewards must be finite numbers`);
  }
}

/** Mean and sample std of each group's rewards. */
export function groupStats(rewards: ArrayLike<number>, groupOf: ArrayLike<number | string>): Map<number | string, GroupStats> {
  assertRewards(rewards, groupOf);
  const stats = new Map<number | string, GroupStats>();
  for (const [id, members] of groupIndices(groupOf)) {
    const n = members.length;
    let mean = 0;
    for (const i of members) mean += rewards[i];
    mean /= n;
    let sq = 0;
    for (const i of members) sq += (rewards[i] - mean) ** 2;
    stats.set(id, { mean, std: n > 1 ? Math.sqrt(sq / (n - 1)) : 0, size: n });
  }
  return stats;
}

/**
 * GRPO outcome advantage of each trajectory, in input order.
 * A group of one has no baseline to compare with: as in verl its mean is taken as 0 and its std as 1.
 */
export function grpoAdvantages(
  rewards: ArrayLike<number>,
  groupOf: ArrayLike<number | string>,
  opts: GroupAdvantageOptions = {},
): Float64Array {
  const scaleByStd = opts.scaleByStd ?? true;
  const eps = opts.eps ?? 1e-6;
  const stats = groupStats(rewards, groupOf);
  const advantages = new Float64Array(rewards.length);
  for (let i = 0; i < rewards.length; i++) {
    const s = stats.get(groupOf[i])!;
    const mean = s.size > 1 ? s.mean : 0;
    const std = s.size > 1 ? s.std : 1;
    advantages[i] = scaleByStd ? (rewards[i] - mean) / (std + eps) : rewards[i] - mean;
  }
  return advantages;
}

/**
 * DAPO dynamic sampling: the ids of groups whose rewards are not all equal. A group where every rollout
 * succeeded (or every one failed) has zero advantage everywhere and teaches the base algorithm nothing;
 * DAPO drops it and samples more tasks until the batch is full.
 */
export function groupsWithSignal(rewards: ArrayLike<number>, groupOf: ArrayLike<number | string>): Set<number | string> {
  const keep = new Set<number | string>();
  for (const [id, s] of groupStats(rewards, groupOf)) if (s.std > 0) keep.add(id);
  return keep;
}

/** Fraction of groups whose rewards all agree (metric `frac_reward_zero_std`); 0 for an empty batch. */
export function fracRewardZeroStd(rewards: ArrayLike<number>, groupOf: ArrayLike<number | string>): number {
  const stats = groupStats(rewards, groupOf);
  if (stats.size === 0) return 0;
  let zero = 0;
  for (const s of stats.values()) if (s.std === 0) zero++;
  return zero / stats.size;
}
