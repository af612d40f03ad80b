/**
 * The premise check of the last iterations in words: pools each iteration's `premise/…` metrics
 * (src/core/premise.ts), weighting AUCs by their pairs, and says how well step entropy told the steps
 * of solved rollouts from those of failed ones.
 */
import type { Metrics } from '../../train/trainer';

/** The pooled premise numbers of a stretch of iterations. */
export interface PremiseSummary {
  iterations: number;
  /** Pairs of (solved step, failed step) from the same group, summed. */
  pairs: number;
  /** Pair-weighted AUCs; NaN when no iteration had pairs. */
  auc: number;
  aucSameVerb: number;
  /** Per kind of action, pair-weighted by the overall pairs of each iteration. */
  byVerb: [string, number][];
  /** Means over the iterations that report them; NaN when none does. */
  gOutcomeR: number;
  noSignalShare: number;
  verdict: 'no data' | 'reversed' | 'coin flip' | 'weak' | 'holds';
  /**
   * The step-level check where an oracle labels progress (ALFWorld-lite): steps labelled, summed, and the
   * AUCs and progress share weighted by them; NaN (0 steps) elsewhere.
   */
  progressSteps: number;
  progressAuc: number;
  progressAucSameVerb: number;
  progressShare: number;
}

/** How an AUC reads: below 0.45 reversed, up to 0.55 a coin flip, up to 0.65 weak, above that it holds. */
export function premiseVerdict(auc: number): PremiseSummary['verdict'] {
  if (!Number.isFinite(auc)) return 'no data';
  if (auc < 0.45) return 'reversed';
  if (auc <= 0.55) return 'coin flip';
  if (auc <= 0.65) return 'weak';
  return 'holds';
}

/** Pools the premise metrics of `history` (one Metrics per iteration). */
export function summarizePremise(history: readonly Metrics[]): PremiseSummary {
  let pairs = 0;
  const weighted = (name: string, by = 'premise/pairs') => {
    let sum = 0;
    let weight = 0;
    for (const m of history) {
      const w = m[by] ?? 0;
      if (w > 0 && Number.isFinite(m[name])) {
        sum += m[name] * w;
        weight += w;
      }
    }
    return weight ? sum / weight : NaN;
  };
  const average = (name: string) => {
    const values = history.map((m) => m[name]).filter((v) => Number.isFinite(v));
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
  };
  for (const m of history) pairs += m['premise/pairs'] ?? 0;
  const verbs = [...new Set(history.flatMap((m) => Object.keys(m).filter((k) => k.startsWith('premise/auc/'))))].sort();
  const auc = weighted('premise/auc');
  return {
    iterations: history.length, pairs, auc, aucSameVerb: weighted('premise/auc_same_verb'),
    byVerb: verbs.map((k) => [k.slice('premise/auc/'.length), weighted(k)] as [string, number]).filter(([, v]) => Number.isFinite(v)),
    gOutcomeR: average('premise/g_outcome_r'), noSignalShare: average('premise/no_signal_adv_share'),
    verdict: premiseVerdict(auc),
    progressSteps: history.reduce((n, m) => n + (m['premise/progress_steps'] ?? 0), 0),
    progressAuc: weighted('premise/progress_auc', 'premise/progress_steps'),
    progressAucSameVerb: weighted('premise/progress_auc_same_verb', 'premise/progress_steps'),
    progressShare: weighted('premise/progress_share', 'premise/progress_steps'),
  };
}

/**
 * A count with its thousands grouped as in English ("12,345"), without `toLocaleString`: the page's
 * first call into the browser's number formatting loads its locale data, tens of milliseconds that
 * would fall into one render of the first iteration. Other numbers are left to the browser.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${digits}` : digits;
}
