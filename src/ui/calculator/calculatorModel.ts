/**
 * The EMPG calculator's model: a small hand-made batch (one task, a few rollouts, a few steps each) and
 * every quantity EMPG derives from it. Pure functions over plain data; the components only draw them.
 */
import { grpoAdvantages } from '../../core/advantages';
import { empgAdvantages, futureClarity, type EmpgResult } from '../../core/empg';

/** One hand-made rollout: did it succeed, and the entropy (nats) of each of its steps. */
export interface CalcTrajectory {
  success: boolean;
  entropies: number[];
}

/** The knobs of the calculator. */
export interface CalcParams {
  k: number;
  kF: number;
  zeta: number;
  /** GRPO (divide by the group std) or Dr.GRPO (do not). */
  scaleByStd: boolean;
}

/** Everything shown for one step. */
export interface CalcRow {
  /** Position in the flat step list (the key used for selection). */
  index: number;
  traj: number;
  t: number;
  /** "τ1·s2": trajectory and step numbered from 1 for people. */
  label: string;
  success: boolean;
  entropy: number;
  normalized: number;
  g: number;
  /** f(H̃_{t+1}) of the next step, or null on the last step. */
  nextClarity: number | null;
  bonus: number;
  outcomeAdvantage: number;
  modulated: number;
  advantage: number;
}

/** The calculator's output: one row per step plus the batch-level numbers the formulas show. */
export interface CalcResult {
  rows: CalcRow[];
  outcomeAdvantages: number[];
  minEntropy: number;
  maxEntropy: number;
  /** Mean of exp(−k·H̃) over the batch: g's denominator. */
  meanWeight: number;
  centre: number;
}

/** Limits that keep the widget readable. */
export const CALC_LIMITS = { maxTrajectories: 6, maxSteps: 8, maxEntropy: 3 } as const;

/** The batch the calculator opens with: two successes and two failures, one of them confidently wrong. */
export const DEFAULT_TRAJECTORIES: CalcTrajectory[] = [
  { success: true, entropies: [0.25, 0.6, 0.15] },
  { success: true, entropies: [1.4, 1.1, 0.4, 0.2] },
  { success: false, entropies: [1.6, 2.1, 1.3] },
  { success: false, entropies: [0.3, 0.2, 0.45, 0.3] },
];

/** The paper's defaults (paper.md §3). */
export const DEFAULT_PARAMS: CalcParams = { k: 1, kF: 1, zeta: 0.1, scaleByStd: true };

/** Computes every quantity for the batch. Throws (with EMPG's message) only on an empty batch. */
export function computeCalculator(trajectories: readonly CalcTrajectory[], params: CalcParams): CalcResult {
  const rewards = trajectories.map((tr) => (tr.success ? 1 : 0));
  const outcome = Array.from(grpoAdvantages(rewards, rewards.map(() => 0), { scaleByStd: params.scaleByStd }));
  const steps = trajectories.flatMap((tr, traj) =>
    tr.entropies.map((h, t) => ({ traj, t, tokenEntropies: [h], outcomeAdvantage: outcome[traj] })));
  const r: EmpgResult = empgAdvantages(steps, { k: params.k, kF: params.kF, zeta: params.zeta });
  const rows = steps.map((s, index): CalcRow => {
    const isLast = s.t === trajectories[s.traj].entropies.length - 1;
    return {
      index,
      traj: s.traj,
      t: s.t,
      label: `τ${s.traj + 1}·s${s.t + 1}`,
      success: trajectories[s.traj].success,
      entropy: r.stepEntropy[index],
      normalized: r.normalized[index],
      g: r.g[index],
      nextClarity: isLast ? null : futureClarity(r.normalized[index + 1], params.kF),
      bonus: r.bonus[index],
      outcomeAdvantage: s.outcomeAdvantage,
      modulated: r.modulated[index],
      advantage: r.advantage[index],
    };
  });
  const entropies = Array.from(r.stepEntropy);
  const weights = Array.from(r.normalized, (h) => Math.exp(-params.k * h));
  return {
    rows,
    outcomeAdvantages: outcome,
    minEntropy: Math.min(...entropies),
    maxEntropy: Math.max(...entropies),
    meanWeight: weights.reduce((a, b) => a + b, 0) / weights.length,
    centre: r.centre,
  };
}
