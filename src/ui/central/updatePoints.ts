/**
 * The numbers behind the central chart: one point per step of the kept iterations, with the size of
 * the update that step gets under the plain outcome advantage and under EMPG's final advantage, and the
 * same data binned by entropy percentile. Pure functions, so they can be tested without a page.
 *
 * Update magnitude of a step = |advantage| × ‖∇ log π‖ — the factor the policy gradient multiplies the
 * step's score function by, times that score function's size (paper.md §4).
 */
import { pearson } from '../../core/stats';
import type { IterationRecord } from '../../store/runStore';
import type { StepView } from '../../train/trainer';

/** Which gradient norm multiplies |A|: the logit-space ‖e_a − p‖ (every step) or the exact ‖∇θ log π‖ (a sample). */
export type NormSpace = 'logit' | 'param';

/** The most points one chart draws (W&B's limit; SVG slows down beyond it). */
export const MAX_CHART_POINTS = 1500;

/** One step of the batch on the central chart. */
export interface UpdatePoint {
  lane: number;
  iteration: number;
  traj: number;
  t: number;
  action: string;
  success: boolean;
  /** Step entropy H_t (nats). */
  entropy: number;
  /** |A(τ)| · norm: what plain GRPO/DAPO would push. */
  plain: number;
  /** |A_final| · norm: what the update used. */
  empg: number;
  /** Signs of A(τ) and A_final (a zero counts as positive). */
  plainPositive: boolean;
  empgPositive: boolean;
  /** The step belongs to the newest iteration shown. */
  latest: boolean;
}

/** The gradient norm of a step in the chosen space, or null when it was not measured. */
export function stepNorm(step: StepView, space: NormSpace): number | null {
  return space === 'logit' ? step.logitNorm : step.paramNorm;
}

/**
 * Points of the last `window` iterations of a lane, newest first in priority: when there are more than
 * `limit`, older iterations are thinned first, each by an even stride so every trajectory stays visible.
 */
export function buildUpdatePoints(recent: readonly IterationRecord[], lane: number, window: number, space: NormSpace, limit = MAX_CHART_POINTS): UpdatePoint[] {
  const shown = recent.slice(-Math.max(1, window));
  const newest = shown.at(-1)?.iteration;
  let budget = limit;
  const perIteration: UpdatePoint[][] = [];
  for (let i = shown.length - 1; i >= 0 && budget > 0; i--) {
    const record = shown[i];
    const points: UpdatePoint[] = [];
    for (const step of record.steps) {
      const norm = stepNorm(step, space);
      if (norm === null || !Number.isFinite(norm) || !Number.isFinite(step.entropy)) continue;
      points.push({
        lane, iteration: record.iteration, traj: step.traj, t: step.t, action: step.action, success: step.success,
        entropy: step.entropy,
        plain: Math.abs(step.outcomeAdvantage) * norm,
        empg: Math.abs(step.finalAdvantage) * norm,
        plainPositive: step.outcomeAdvantage >= 0,
        empgPositive: step.finalAdvantage >= 0,
        latest: record.iteration === newest,
      });
    }
    const kept = thin(points, budget);
    budget -= kept.length;
    perIteration.unshift(kept);
  }
  return perIteration.flat();
}

/** Every ⌈n/limit⌉-th item, so at most `limit` remain. */
function thin<T>(items: T[], limit: number): T[] {
  if (items.length <= limit) return items;
  const stride = Math.ceil(items.length / limit);
  return items.filter((_, i) => i % stride === 0);
}

/** Pearson correlation of entropy with the plain and the EMPG magnitude (NaN when undefined). */
export function coupling(points: readonly UpdatePoint[]): { plainR: number; empgR: number } {
  const h = points.map((p) => p.entropy);
  return { plainR: pearson(h, points.map((p) => p.plain)), empgR: pearson(h, points.map((p) => p.empg)) };
}

/** One entropy-percentile bin of the binned view. */
export interface EntropyBin {
  /** "0–10%" etc. */
  label: string;
  /** Entropy range of the bin's steps (nats). */
  low: number;
  high: number;
  count: number;
  /** Mean magnitudes of the bin's steps. */
  plain: number;
  empg: number;
}

/**
 * Steps sorted by entropy and cut into `bins` equally full groups (deciles by default; fewer when
 * there are fewer steps), each with its mean plain and EMPG magnitude.
 */
export function entropyBins(points: readonly UpdatePoint[], bins = 10): EntropyBin[] {
  const sorted = [...points].sort((a, b) => a.entropy - b.entropy);
  const count = Math.min(bins, sorted.length);
  const result: EntropyBin[] = [];
  for (let b = 0; b < count; b++) {
    const from = Math.floor((b * sorted.length) / count);
    const to = Math.floor(((b + 1) * sorted.length) / count);
    const slice = sorted.slice(from, to);
    if (!slice.length) continue;
    const lo = Math.round((b * 100) / count);
    const hi = Math.round(((b + 1) * 100) / count);
    result.push({
      label: `${lo}–${hi}%`, low: slice[0].entropy, high: slice.at(-1)!.entropy, count: slice.length,
      plain: slice.reduce((s, p) => s + p.plain, 0) / slice.length,
      empg: slice.reduce((s, p) => s + p.empg, 0) / slice.length,
    });
  }
  return result;
}
