/**
 * Watching a run for the iterations that should stop it: a non-finite number in the loss, the gradient
 * or the step entropy (divergence), a gradient-norm spike (more than 10× the running median of the
 * earlier iterations that had a gradient, and over the clip norm), or a collapse (the step entropy and the gradient both vanish while the task is
 * not solved: the policy no longer explores and no longer learns). Pure: it reads an iteration's
 * metrics and says, in plain words, what happened, at which iteration and which settings to change.
 */
import type { TrainConfig } from './config';

/** The thresholds (see the file comment). */
export const HEALTH_LIMITS = {
  /** A gradient norm this many times the running median is a spike. */
  spikeFactor: 10,
  /** Iterations of history before spikes are judged. */
  spikeWarmup: 5,
  /** Mean step entropy (nats) below which the policy is deterministic. */
  collapseEntropy: 1e-3,
  /** Gradient norm below which the update does nothing. */
  collapseGradient: 1e-4,
} as const;

/** What went wrong, and the weights to go back to: `1` the previous iteration's, `2` the one before. */
export interface HealthProblem {
  kind: 'non-finite' | 'spike' | 'collapse';
  iteration: number;
  /** How many iterations back the last good weights are. */
  back: 1 | 2;
  message: string;
}

const fmt = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 0.01 && Math.abs(x) < 1e4 ? x.toPrecision(3) : x.toExponential(1)) : String(x));

/** Checks one iteration after another (see the file comment). */
export class HealthMonitor {
  private norms: number[] = [];

  /** Forgets the history (a new run, or after going back to earlier weights). */
  reset(): void {
    this.norms = [];
  }

  /** The gradient norms of the running median, to save with a run. */
  saved(): number[] {
    return [...this.norms];
  }

  /** Continues from saved gradient norms (a resumed run judges its next iteration as the saved one would have). */
  restore(norms: readonly number[]): void {
    this.norms = norms.filter((n) => Number.isFinite(n));
  }

  /** The problem with this iteration's metrics, or null if it is healthy (and then it joins the history). */
  check(metrics: Record<string, number>, config: TrainConfig): HealthProblem | null {
    const iteration = metrics.iteration;
    const settings = (keys: (keyof TrainConfig)[]) => keys.map((k) => `${k} ${String(config[k])}`).join(', ');
    for (const field of ['loss/pg', 'loss/kl', 'grad/norm', 'grad/norm_max', 'entropy/step_mean']) {
      const value = metrics[field];
      if (value !== undefined && !Number.isFinite(value)) {
        return {
          kind: 'non-finite', iteration, back: 1,
          message: `Training diverged at iteration ${iteration}: ${field} is ${value}. Lower the learning rate (now ${settings(['lr'])}).`,
        };
      }
    }
    const norm = metrics['grad/norm_max'] ?? metrics['grad/norm'];
    const entropy = metrics['entropy/step_mean'];
    if (norm !== undefined && entropy !== undefined && entropy < HEALTH_LIMITS.collapseEntropy
      && norm < HEALTH_LIMITS.collapseGradient && (metrics['env/success_rate'] ?? 0) < 1) {
      return {
        kind: 'collapse', iteration, back: 2,
        message: `The policy collapsed at iteration ${iteration}: the mean step entropy fell to ${fmt(entropy)} nats and the gradient norm to ${fmt(norm)}, so it no longer explores or learns. Lower k, ζ or the learning rate, or raise the temperature (now ${settings(['k', 'kF', 'zeta', 'lr', 'temperature'])}).`,
      };
    }
    // Small batches often have no reward signal (a zero gradient): only iterations with one make the
    // median, and a spike must also exceed the clip norm, or the update was not unusually large.
    if (norm !== undefined && norm > HEALTH_LIMITS.collapseGradient) {
      const median = medianOf(this.norms);
      if (this.norms.length >= HEALTH_LIMITS.spikeWarmup && norm > HEALTH_LIMITS.spikeFactor * median && norm > config.maxGradNorm) {
        return {
          kind: 'spike', iteration, back: 1,
          message: `The gradient norm spiked at iteration ${iteration}: ${fmt(norm)}, more than ${HEALTH_LIMITS.spikeFactor}× its running median ${fmt(median)}. Lower the learning rate or ζ (now ${settings(['lr', 'zeta'])}).`,
        };
      }
      this.norms.push(norm);
    }
    return null;
  }
}

function medianOf(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
