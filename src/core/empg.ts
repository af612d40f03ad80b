/**
 * Entropy-Modulated Policy Gradients — the advantage modulation of EMPG (Wang et al., arXiv 2509.09265),
 * exactly as specified in the project page's pseudocode (paper.md §2.1–2.7).
 *
 * Under a plain policy gradient every step of a trajectory gets the same outcome advantage A(τ), and the
 * size of the update a step receives grows with its entropy (paper.md §4: E‖∇_z log π‖² = 1 − e^{−H₂}).
 * EMPG re-scales each step: confident steps are amplified, uncertain ones damped (g), and a step that
 * leads to a confident next step earns a "future clarity" bonus (f). Reading order follows the paper.
 */

/** One decision step (one generated action) of one trajectory in the batch. */
export interface StepRecord {
  /** Trajectory id within the batch. */
  traj: number;
  /** Step index within the trajectory, 0-based and consecutive. */
  t: number;
  /** Shannon entropy (nats) of the sampling distribution at each generated token of the step. */
  tokenEntropies: ArrayLike<number>;
  /** A(τ) from the base estimator (GRPO/DAPO); the same for all steps of a trajectory. */
  outcomeAdvantage: number;
  /**
   * Whether this step may receive the future-clarity bonus (default true, as in the paper). False for
   * the variant that adds the bonus only in groups whose rewards vary.
   */
  bonusEligible?: boolean;
}

/** EMPG hyper-parameters (paper.md §3: k = k_F = 1, ζ = 0.1 on the project page). */
export interface EmpgOptions {
  /** Temperature of the self-calibrating scale g (Eq. 10). */
  k: number;
  /** Temperature of the future clarity bonus f (Eq. 11), `k'` in the paper, `k_f` in its code. */
  kF: number;
  /** Weight ζ of the future clarity bonus (Eq. 8). 0 gives the "gradient scaling only" ablation. */
  zeta: number;
  /** ε in the min–max normalisation and in g's denominator; default 1e-8 as on the project page. */
  eps?: number;
  /** Apply the scale g (default true). False gives the "future clarity bonus only" ablation, g ≡ 1. */
  scaleGradients?: boolean;
}

/** Everything EMPG computes, one value per step, in input order. */
export interface EmpgResult {
  /** H_t: mean of the step's token entropies (Eq. "step entropy", §2.1). */
  stepEntropy: Float64Array;
  /** H̃_t: batch min–max normalised step entropy in [0, 1] (§2.2). */
  normalized: Float64Array;
  /** g(H_t): self-calibrating scale, its mean over the batch's steps is 1 (§2.3, Eq. 10). */
  g: Float64Array;
  /** ζ·f(H̃_{t+1}) added to this step; 0 on a trajectory's last step (§2.4, §2.6, Eq. 11). */
  bonus: Float64Array;
  /** A_mod = g·A(τ) + bonus, before centring (§2.5, Eq. 8). */
  modulated: Float64Array;
  /** The batch mean of A_mod that the final normalisation subtracts (§2.7, Eq. 7). */
  centre: number;
  /** A_final = A_mod − mean(A_mod): zero-mean over all steps of the batch (§2.7, Eq. 7). */
  advantage: Float64Array;
}

/** The paper's ε for the min–max normalisation and the mean in g's denominator. */
export const EMPG_EPS = 1e-8;

/**
 * Computes EMPG's step-wise advantages for a whole batch of steps (all trajectories, all groups).
 * Steps may arrive in any order; "next step" means same `traj`, `t + 1`.
 * Throws a descriptive error on an empty batch, a step without tokens, a non-finite or negative entropy,
 * a non-finite advantage or hyper-parameter, a duplicated step or a gap in a trajectory's step indices.
 */
export function empgAdvantages(steps: readonly StepRecord[], opts: EmpgOptions): EmpgResult {
  validateOptions(opts);
  validateSteps(steps);
  const eps = opts.eps ?? EMPG_EPS;
  const n = steps.length;

  // §2.1 Step-level entropy: H_{i,t} = (1/m) Σ_j H_tok(j), the mean over the step's generated tokens.
  const stepEntropy = new Float64Array(n);
  for (let s = 0; s < n; s++) stepEntropy[s] = mean(steps[s].tokenEntropies);

  // §2.2 (Eq. 12) Batch min–max normalisation over every step of every trajectory in the batch:
  //   H̃ = (H − min_B H) / (max_B H − min_B H + ε)
  let minH = Infinity;
  let maxH = -Infinity;
  for (const h of stepEntropy) {
    if (h < minH) minH = h;
    if (h > maxH) maxH = h;
  }
  const normalized = new Float64Array(n);
  for (let s = 0; s < n; s++) normalized[s] = (stepEntropy[s] - minH) / (maxH - minH + eps);

  // §2.3 (Eq. 10) Self-calibrating gradient scaling:
  //   g(H_t) = exp(−k·H̃_t) / ( mean over all batch steps of exp(−k·H̃) )  → mean_B g = 1.
  // Confident steps (low H̃) get g > 1, uncertain steps g < 1. The "bonus only" ablation keeps g ≡ 1.
  const g = new Float64Array(n);
  if (opts.scaleGradients ?? true) {
    let meanWeight = 0;
    for (let s = 0; s < n; s++) {
      g[s] = Math.exp(-opts.k * normalized[s]);
      meanWeight += g[s];
    }
    meanWeight /= n;
    for (let s = 0; s < n; s++) g[s] /= meanWeight + eps;
  } else {
    g.fill(1);
  }

  // §2.4 (Eq. 11) Future clarity: f(H_{t+1}) = exp(−k'·H̃_{t+1}), the clarity of the *next* step of the
  // same trajectory. §2.6: a trajectory's last step has no next step and gets no bonus.
  const indexOfStep = new Map<string, number>();
  for (let s = 0; s < n; s++) indexOfStep.set(stepKey(steps[s].traj, steps[s].t), s);
  const bonus = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const next = indexOfStep.get(stepKey(steps[s].traj, steps[s].t + 1));
    if (next !== undefined && steps[s].bonusEligible !== false) bonus[s] = opts.zeta * futureClarity(normalized[next], opts.kF);
  }

  // §2.5 (Eq. 8) Modulated advantage, added regardless of the outcome's sign:
  //   A_mod(i,t) = g(H_{i,t})·A(τ_i) + ζ·f(H_{i,t+1})
  const modulated = new Float64Array(n);
  for (let s = 0; s < n; s++) modulated[s] = g[s] * steps[s].outcomeAdvantage + bonus[s];

  // §2.7 (Eq. 7) Final batch-level zero-mean normalisation (mean over steps, no std division):
  //   A_final = A_mod − mean_B A_mod
  const centre = mean(modulated);
  const advantage = new Float64Array(n);
  for (let s = 0; s < n; s++) advantage[s] = modulated[s] - centre;

  return { stepEntropy, normalized, g, bonus, modulated, centre, advantage };
}

/** f(H̃) = exp(−k'·H̃): the clarity of a step with normalised entropy H̃ (Eq. 11). */
export function futureClarity(normalizedEntropy: number, kF: number): number {
  return Math.exp(-kF * normalizedEntropy);
}

function stepKey(traj: number, t: number): string {
  return `${traj}:${t}`;
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

function validateOptions(opts: EmpgOptions): void {
  for (const name of ['k', 'kF', 'zeta'] as const) {
    if (!Number.isFinite(opts[name])) throw new Error(`EMPG option ${name} must be a finite number, got ${opts[name]}`);
  }
  if (opts.eps !== undefined && !(opts.eps > 0)) throw new Error(`EMPG option eps must be > 0, got ${opts.eps}`);
}

function validateSteps(steps: readonly StepRecord[]): void {
  if (steps.length === 0) throw new Error('EMPG needs at least one step; the batch is empty');
  const stepsOf = new Map<number, Set<number>>();
  steps.forEach((step, s) => {
    const where = `step ${s} (trajectory ${step.traj}, t ${step.t})`;
    if (!Number.isInteger(step.traj)) throw new Error(`${where}: traj must be an integer`);
    if (!Number.isInteger(step.t) || step.t < 0) throw new Error(`${where}: t must be an integer ≥ 0`);
    if (step.tokenEntropies.length === 0) throw new Error(`${where}: a step needs at least one generated token`);
    for (let j = 0; j < step.tokenEntropies.length; j++) {
      const h = step.tokenEntropies[j];
      if (!Number.isFinite(h) || h < 0) throw new Error(`${where}: token ${j} has entropy ${h}; entropies must be finite and ≥ 0`);
    }
    if (!Number.isFinite(step.outcomeAdvantage)) throw new Error(`${where}: outcome advantage is ${step.outcomeAdvantage}`);
    let seen = stepsOf.get(step.traj);
    if (!seen) stepsOf.set(step.traj, (seen = new Set()));
    if (seen.has(step.t)) throw new Error(`${where}: the same step appears twice`);
    seen.add(step.t);
  });
  for (const [traj, ts] of stepsOf) {
    for (let t = 0; t < ts.size; t++) {
      if (!ts.has(t)) throw new Error(`trajectory ${traj}: step indices must be 0…${ts.size - 1} without gaps; ${t} is missing`);
    }
  }
}
