/**
 * From finished trajectories to one advantage per step: the base estimator's A(τ) (GRPO / Dr.GRPO group
 * advantage) and, when EMPG is on, its modulation over every step of the batch (src/core/empg.ts).
 * Without EMPG every step of τ gets A(τ); with it, A_final(τ, t).
 */
import { groupStats, grpoAdvantages } from '../core/advantages';
import { empgAdvantages, type StepRecord } from '../core/empg';
import { stepEntropyTerms } from '../core/stepEntropy';
import type { TrainConfig } from './config';
import type { Trajectory } from './rollout';

/** Per-step advantage data, flat over the batch in trajectory order then step order. */
export interface StepAdvantages {
  /** Which trajectory and step each entry belongs to. */
  traj: Int32Array;
  t: Int32Array;
  /** H_t, H̃_t, g and the bonus (H̃, g, bonus are 0/1/0 when EMPG is off). */
  stepEntropy: Float64Array;
  normalized: Float64Array;
  g: Float64Array;
  bonus: Float64Array;
  /** A(τ) of the step's trajectory. */
  outcome: Float64Array;
  /** The advantage the update uses: A(τ) without EMPG, A_final with it. */
  final: Float64Array;
  /** Outcome advantage per trajectory (indexed like the trajectories). */
  perTrajectory: Float64Array;
  /** Groups whose rewards all agree. */
  zeroStdGroups: Set<number>;
}

/** Computes the advantages of a batch of trajectories under `config`'s algorithm. */
export function computeStepAdvantages(trajectories: readonly Trajectory[], config: TrainConfig): StepAdvantages {
  const rewards = trajectories.map((t) => t.reward);
  const groups = trajectories.map((t) => t.group);
  const perTrajectory = grpoAdvantages(rewards, groups, { scaleByStd: config.scaleByStd });
  const zeroStdGroups = new Set<number>();
  for (const [id, s] of groupStats(rewards, groups)) if (s.std === 0) zeroStdGroups.add(id as number);

  const steps: StepRecord[] = [];
  trajectories.forEach((traj, i) => {
    for (const step of traj.steps) {
      steps.push({
        traj: i, t: step.t, tokenEntropies: stepEntropyTerms(step.tokenEntropies, step.allowedCounts, config.stepEntropy), outcomeAdvantage: perTrajectory[i],
        bonusEligible: !(config.bonusOnlyInSignalGroups && zeroStdGroups.has(traj.group)),
      });
    }
  });
  const n = steps.length;
  const out: StepAdvantages = {
    traj: Int32Array.from(steps, (s) => s.traj), t: Int32Array.from(steps, (s) => s.t),
    stepEntropy: Float64Array.from(steps, (s) => mean(s.tokenEntropies)),
    normalized: new Float64Array(n), g: new Float64Array(n).fill(1), bonus: new Float64Array(n),
    outcome: Float64Array.from(steps, (s) => s.outcomeAdvantage), final: Float64Array.from(steps, (s) => s.outcomeAdvantage),
    perTrajectory, zeroStdGroups,
  };
  if (config.empg === 'off' || n === 0) return out;

  const r = empgAdvantages(steps, {
    k: config.k, kF: config.kF,
    zeta: config.empg === 'scaling' ? 0 : config.zeta,
    scaleGradients: config.empg !== 'bonus',
  });
  return { ...out, stepEntropy: r.stepEntropy, normalized: r.normalized, g: r.g, bonus: r.bonus, final: config.empgCentre ? r.advantage : r.modulated };
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length ? sum / values.length : 0;
}
