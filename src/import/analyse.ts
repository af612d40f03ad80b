/**
 * Recomputes the advantages of an imported training step from what the file carries: GRPO from the
 * outcome rewards and group ids (src/core/advantages.ts), and EMPG on top of it from the token
 * entropies (src/core/empg.ts, with the page's k, k_F, ζ), next to the advantage the file's trainer used.
 * Also the per-training-step scalars the page's charts draw, named as in docs/METRICS.md.
 */
import { grpoAdvantages, groupStats } from '../core/advantages';
import { empgAdvantages, type EmpgOptions, type StepRecord } from '../core/empg';
import type { TrainStepTally } from './accumulate';
import type { ImportedStep, ImportFormat } from './records';

/** One step with its place in the batch and the recomputed advantages. */
export interface AnalysedStep {
  step: ImportedStep;
  /** Trajectory index within the training step (0-based, grouped trajectories adjacent). */
  traj: number;
  /** Group index within the training step. */
  group: number;
  /** GRPO's A(τ) recomputed from the rewards. */
  grpo: number;
  /** EMPG's numbers, or null when the step has no entropies or its trajectory is incomplete. */
  empg: { entropy: number; normalized: number; g: number; bonus: number; advantage: number } | null;
}

/** A trajectory of the analysed training step. */
export interface AnalysedTrajectory {
  id: number;
  group: number;
  trajId: string;
  groupId: string;
  reward: number;
  /** Steps present in the kept data. */
  length: number;
}

/** One analysed training step. */
export interface AnalysedTrainStep {
  trainStep: number;
  /** Steps ordered by (group, trajectory, step index). */
  steps: AnalysedStep[];
  trajectories: AnalysedTrajectory[];
  /** Why EMPG was not computed for some or all steps (empty when it was for all). */
  notes: string[];
}

/** EMPG's options plus the ε GRPO adds to the group std (verl 1e-6, TRL 1e-4). */
export interface AnalyseOptions extends EmpgOptions {
  grpoEps: number;
}

/** The ε of each source's GRPO (verl `compute_grpo_outcome_advantage`, TRL `GRPOTrainer`). */
export const GRPO_EPS: Record<ImportFormat, number> = { 'empg-steps': 1e-6, 'verl-rollout': 1e-6, 'trl-completions': 1e-4 };

/** Analyses the kept steps of one training step. */
export function analyseTrainStep(trainStep: number, input: readonly ImportedStep[], opts: AnalyseOptions): AnalysedTrainStep {
  const notes: string[] = [];
  const sorted = [...input].sort((a, b) => cmp(a.groupId, b.groupId) || cmp(a.trajId, b.trajId) || a.stepIdx - b.stepIdx);
  const groupIndex = new Map<string, number>();
  const trajIndex = new Map<string, number>();
  const trajectories: AnalysedTrajectory[] = [];
  for (const s of sorted) {
    if (!groupIndex.has(s.groupId)) groupIndex.set(s.groupId, groupIndex.size);
    if (!trajIndex.has(s.trajId)) {
      trajIndex.set(s.trajId, trajectories.length);
      trajectories.push({ id: trajectories.length, group: groupIndex.get(s.groupId)!, trajId: s.trajId, groupId: s.groupId, reward: s.outcomeReward, length: 0 });
    }
    trajectories[trajIndex.get(s.trajId)!].length++;
  }
  const grpo = grpoAdvantages(trajectories.map((t) => t.reward), trajectories.map((t) => t.group), { eps: opts.grpoEps });

  // EMPG needs every step's entropies and each trajectory's steps 0…n−1 without gaps.
  const complete = new Set<number>();
  const stepsOf = new Map<number, ImportedStep[]>();
  for (const s of sorted) {
    const t = trajIndex.get(s.trajId)!;
    stepsOf.set(t, [...(stepsOf.get(t) ?? []), s]);
  }
  let incomplete = 0;
  let noEntropy = 0;
  for (const [t, steps] of stepsOf) {
    if (steps.some((s) => !s.entropy || s.entropy.length === 0)) noEntropy++;
    else if (steps.some((s, i) => s.stepIdx !== i)) incomplete++;
    else complete.add(t);
  }
  if (noEntropy > 0) notes.push(`${noEntropy} trajector${noEntropy === 1 ? 'y has' : 'ies have'} no token entropies: EMPG is not computed for ${noEntropy === 1 ? 'it' : 'them'}`);
  if (incomplete > 0) notes.push(`${incomplete} trajector${incomplete === 1 ? 'y misses' : 'ies miss'} a step (a skipped line or the keep limit): EMPG leaves ${incomplete === 1 ? 'it' : 'them'} out`);

  const empgSteps: StepRecord[] = [];
  const empgAt: number[] = [];
  sorted.forEach((s, i) => {
    const t = trajIndex.get(s.trajId)!;
    if (!complete.has(t)) return;
    empgSteps.push({ traj: t, t: s.stepIdx, tokenEntropies: s.entropy!, outcomeAdvantage: grpo[t] });
    empgAt.push(i);
  });
  const empgOf = new Map<number, AnalysedStep['empg']>();
  if (empgSteps.length > 0) {
    const r = empgAdvantages(empgSteps, opts);
    empgAt.forEach((i, k) => empgOf.set(i, { entropy: r.stepEntropy[k], normalized: r.normalized[k], g: r.g[k], bonus: r.bonus[k], advantage: r.advantage[k] }));
  }
  const steps = sorted.map((step, i): AnalysedStep => {
    const t = trajIndex.get(step.trajId)!;
    return { step, traj: t, group: trajectories[t].group, grpo: grpo[t], empg: empgOf.get(i) ?? null };
  });
  return { trainStep, steps, trajectories, notes };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The charts' scalars for one training step from its whole-file tally, plus EMPG's g and bonus when the
 * step was analysed. Names as in docs/METRICS.md; `iteration` is the training step.
 */
export function trainStepMetrics(tally: TrainStepTally, analysed?: AnalysedTrainStep): Record<string, number> {
  const trajs = [...tally.trajectories.values()];
  const rewards = trajs.map((t) => t.reward);
  const stats = groupStats(rewards, trajs.map((t) => t.groupId));
  let zeroStd = 0;
  for (const s of stats.values()) if (s.std === 0) zeroStd++;
  const metrics: Record<string, number> = {
    iteration: tally.trainStep,
    'reward/mean': rewards.reduce((a, b) => a + b, 0) / Math.max(1, rewards.length),
    'env/success_rate': rewards.filter((r) => r > 0).length / Math.max(1, rewards.length),
    'env/num_turns': tally.steps / Math.max(1, trajs.length),
    frac_reward_zero_std: zeroStd / Math.max(1, stats.size),
  };
  if (tally.tokens > 0) metrics['entropy/token_mean'] = tally.tokenEntropySum / tally.tokens;
  if (tally.stepsWithEntropy > 0) metrics['entropy/step_mean'] = tally.stepEntropySum / tally.stepsWithEntropy;
  if (tally.stepsWithAdvantage > 0) metrics['import/file_advantage_mean'] = tally.fileAdvantageSum / tally.stepsWithAdvantage;
  const empg = analysed?.steps.flatMap((s) => (s.empg ? [s.empg] : [])) ?? [];
  if (empg.length > 0) {
    const g = empg.map((e) => e.g);
    metrics['empg/g_mean'] = g.reduce((a, b) => a + b, 0) / g.length;
    metrics['empg/g_max'] = Math.max(...g);
    metrics['empg/g_min'] = Math.min(...g);
    metrics['empg/bonus_mean'] = empg.reduce((a, e) => a + e.bonus, 0) / empg.length;
  }
  return metrics;
}
