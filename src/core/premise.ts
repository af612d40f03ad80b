/**
 * The premise check: does EMPG's premise — a confident step is a good step — hold in this batch?
 *
 * EMPG amplifies low-entropy steps and damps high-entropy ones. That helps only if, among rollouts of
 * the same task, the steps of successful trajectories tend to have lower step entropy than the steps of
 * failed ones. This module measures it with an AUC over pairs of steps from the same group (one step of
 * a success, one of a failure): the probability that the success's step is the more confident one,
 * ties counting one half. 0.5 = entropy says nothing about outcome; 1 = always; below 0.5 = the
 * opposite. Only groups with both outcomes contribute; the rest have no pairs.
 */
import { pearson } from './stats';

/** One step of a batch, as the premise check needs it. */
export interface PremiseStep {
  /** The task group (the G rollouts of one task share it). */
  group: number;
  /** The step's trajectory was successful. */
  success: boolean;
  /** The step entropy H_t EMPG used. */
  entropy: number;
  /** The kind of action (see `actionVerb`). */
  verb: string;
  /** EMPG's scale g of the step (1 without EMPG). */
  g: number;
  /** The advantage the update used. */
  finalAdvantage: number;
  /** The outcome advantage A(τ) of the step's trajectory (GRPO's, before EMPG), when known. */
  outcomeAdvantage?: number;
}

/** An AUC and the number of (success step, failure step) pairs it was computed from. */
export interface Auc {
  /** NaN when there are no pairs. */
  auc: number;
  pairs: number;
}

/** The kind of an action: its leading word (`take`, `go`, `search`, `click`); `?` when it has none. */
export function actionVerb(action: string): string {
  return /^[a-z]+/i.exec(action.trim())?.[0].toLowerCase() ?? '?';
}

/**
 * AUC of "lower step entropy → the step belongs to a successful trajectory" over pairs of steps from
 * the same group; with `sameVerb`, only pairs whose actions are of the same kind.
 */
export function premiseAuc(steps: readonly PremiseStep[], sameVerb = false): Auc {
  const cells = new Map<string, { won: number[]; lost: number[] }>();
  for (const s of steps) {
    const key = sameVerb ? `${s.group}\u0000${s.verb}` : String(s.group);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { won: [], lost: [] }));
    (s.success ? cell.won : cell.lost).push(s.entropy);
  }
  let score = 0;
  let pairs = 0;
  for (const { won, lost } of cells.values()) {
    for (const hw of won) {
      for (const hl of lost) score += hw < hl ? 1 : hw === hl ? 0.5 : 0;
    }
    pairs += won.length * lost.length;
  }
  return { auc: pairs ? score / pairs : NaN, pairs };
}

/** `premiseAuc` per kind of action (pairs within a group and a kind), kinds in alphabetical order. */
export function premiseAucByVerb(steps: readonly PremiseStep[]): Map<string, Auc> {
  const verbs = [...new Set(steps.map((s) => s.verb))].sort();
  return new Map(verbs.map((verb) => [verb, premiseAuc(steps.filter((s) => s.verb === verb))]));
}

/** Groups whose steps include both a success and a failure. */
export function mixedGroups(steps: readonly PremiseStep[]): Set<number> {
  const seen = new Map<number, number>();
  for (const s of steps) seen.set(s.group, (seen.get(s.group) ?? 0) | (s.success ? 1 : 2));
  return new Set([...seen].filter(([, bits]) => bits === 3).map(([group]) => group));
}

/**
 * The premise metrics of one batch, named as in docs/METRICS.md (`premise/…`). `flatGroups` are the
 * groups whose rewards all agree (default: the groups without both a success and a failure). Values that
 * cannot be computed (no group with both outcomes, a constant g) are left out rather than reported.
 */
export function premiseMetrics(steps: readonly PremiseStep[], flatGroups?: ReadonlySet<number>): Record<string, number> {
  const out: Record<string, number> = {};
  const overall = premiseAuc(steps);
  out['premise/pairs'] = overall.pairs;
  if (overall.pairs) out['premise/auc'] = overall.auc;
  const sameVerb = premiseAuc(steps, true);
  if (sameVerb.pairs) out['premise/auc_same_verb'] = sameVerb.auc;
  for (const [verb, auc] of premiseAucByVerb(steps)) if (auc.pairs) out[`premise/auc/${verb}`] = auc.auc;

  const mixed = mixedGroups(steps);
  const inMixed = steps.filter((s) => mixed.has(s.group));
  const r = pearson(inMixed.map((s) => s.g), inMixed.map((s) => (s.success ? 1 : 0)));
  if (Number.isFinite(r)) out['premise/g_outcome_r'] = r;

  const isFlat = (group: number) => (flatGroups ? flatGroups.has(group) : !mixed.has(group));
  let total = 0;
  let flat = 0;
  let against = 0;
  let known = true;
  for (const s of steps) {
    const a = Math.abs(s.finalAdvantage);
    total += a;
    if (isFlat(s.group)) flat += a;
    if (s.outcomeAdvantage === undefined) known = false;
    else if (s.outcomeAdvantage * s.finalAdvantage < 0) against += a;
  }
  if (total > 0) out['premise/no_signal_adv_share'] = flat / total;
  // Steps whose update goes the other way than their trajectory's outcome asked: the step of a failed
  // rollout pushed up, or of a successful one pushed down (by the centring or the bonus).
  if (total > 0 && known) out['premise/against_outcome_share'] = against / total;
  return out;
}

/**
 * The premise at step level, where an oracle can tell which steps made progress (ALFWorld-lite): the AUC
 * of "lower step entropy → the step makes progress" over all pairs of a progress step and another step of
 * the labelled sample (across tasks, as `npm run cli -- premise` measures it), and within one kind of
 * action; the share of steps that make progress; how many steps were labelled. Steps whose label is null
 * (the planner gave up) are left out.
 */
export function progressPremiseMetrics(steps: readonly { entropy: number; verb: string; progress: boolean | null }[]): Record<string, number> {
  const labelled: PremiseStep[] = steps.flatMap((s) => (s.progress === null ? [] : [{ group: 0, success: s.progress, entropy: s.entropy, verb: s.verb, g: 1, finalAdvantage: 0 }]));
  const out: Record<string, number> = { 'premise/progress_steps': labelled.length };
  if (!labelled.length) return out;
  out['premise/progress_share'] = labelled.filter((s) => s.success).length / labelled.length;
  const overall = premiseAuc(labelled);
  if (overall.pairs) out['premise/progress_auc'] = overall.auc;
  const sameVerb = premiseAuc(labelled, true);
  if (sameVerb.pairs) out['premise/progress_auc_same_verb'] = sameVerb.auc;
  return out;
}

/** The eight places a step's update can go: its group with or without signal, its rollout solved or failed, up or down. */
export const UPDATE_SHARE_KEYS = [
  'signal/solved/up', 'signal/solved/down', 'signal/failed/up', 'signal/failed/down',
  'no signal/solved/up', 'no signal/solved/down', 'no signal/failed/up', 'no signal/failed/down',
] as const;

/** One of `UPDATE_SHARE_KEYS`. */
export type UpdateShareKey = (typeof UPDATE_SHARE_KEYS)[number];

/**
 * Where a batch's update goes: each place's share of the total |advantage| over the steps, by whether the
 * step's group had a reward signal (not in `flatGroups`), whether its rollout succeeded, and whether its
 * advantage pushes the step's action up (> 0) or down (< 0). Under GRPO only "signal/solved/up" and
 * "signal/failed/down" are non-zero; EMPG's re-weighting and centring move the shares. All shares are 0
 * for a batch without any update.
 */
export function updateShares(
  steps: readonly { group: number; success: boolean; advantage: number }[],
  flatGroups: ReadonlySet<number>,
): Record<UpdateShareKey, number> {
  const shares = Object.fromEntries(UPDATE_SHARE_KEYS.map((k) => [k, 0])) as Record<UpdateShareKey, number>;
  let total = 0;
  for (const s of steps) {
    if (s.advantage === 0) continue;
    const key = `${flatGroups.has(s.group) ? 'no signal' : 'signal'}/${s.success ? 'solved' : 'failed'}/${s.advantage > 0 ? 'up' : 'down'}` as UpdateShareKey;
    shares[key] += Math.abs(s.advantage);
    total += Math.abs(s.advantage);
  }
  if (total > 0) for (const k of UPDATE_SHARE_KEYS) shares[k] /= total;
  return shares;
}

/**
 * The net push of a batch's update on each kind of action: for every verb, the signed sum of its steps'
 * advantages over the total |advantage| of the batch. Positive: the update makes that kind of action
 * likelier overall; negative: rarer. GRPO's net push on a verb follows how often it appears in solved
 * versus failed rollouts; EMPG's scaling re-weights it by the verb's typical step entropy, so the two
 * can disagree in sign (`npm run cli -- premise` prints both). Verbs are ordered by their share of steps.
 */
export function verbPush(steps: readonly { verb: string; advantage: number }[]): { verb: string; steps: number; push: number }[] {
  const byVerb = new Map<string, { steps: number; sum: number }>();
  let total = 0;
  for (const s of steps) {
    const row = byVerb.get(s.verb) ?? { steps: 0, sum: 0 };
    row.steps++;
    row.sum += s.advantage;
    byVerb.set(s.verb, row);
    total += Math.abs(s.advantage);
  }
  return [...byVerb].map(([verb, r]) => ({ verb, steps: r.steps, push: total > 0 ? r.sum / total : 0 }))
    .sort((a, b) => b.steps - a.steps || a.verb.localeCompare(b.verb));
}

/**
 * How much of a batch's push on actions lands on correct steps: of the total |advantage| of the steps
 * pushed down (advantage < 0), the share on steps that made progress towards the goal (`progress`, e.g.
 * ALFWorld's oracle labels), and the same for the steps pushed up. Steps without a label are left out.
 * `netProgress` and `netOther` are the signed sums (up minus down) on progress and on other steps, over the
 * total: whether the update, all told, makes correct steps likelier and the others rarer.
 * A failed rollout's correct steps are pushed down by every outcome-based method; where confident steps are
 * the correct ones, EMPG's scaling raises the share pushed down.
 */
export function pushOnProgress(steps: readonly { advantage: number; progress: boolean | null }[]): { down: number; up: number; netProgress: number; netOther: number } {
  let down = 0;
  let downProgress = 0;
  let up = 0;
  let upProgress = 0;
  for (const s of steps) {
    if (s.progress === null || s.advantage === 0) continue;
    const a = Math.abs(s.advantage);
    if (s.advantage < 0) { down += a; if (s.progress) downProgress += a; } else { up += a; if (s.progress) upProgress += a; }
  }
  const total = up + down;
  return {
    down: down > 0 ? downProgress / down : NaN, up: up > 0 ? upProgress / up : NaN,
    netProgress: total > 0 ? (upProgress - downProgress) / total : NaN,
    netOther: total > 0 ? (up - upProgress - (down - downProgress)) / total : NaN,
  };
}
