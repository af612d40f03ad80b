/**
 * Turns an analysed import into what the page's views already draw: a recording lane (metric history per
 * training step, step records and trajectories of the kept training steps), so the central chart, the
 * inspector, the deciles view and the explanation show it unchanged. Per-token fields the views have no
 * place for (log-prob, KL, ratio, masks) and the file's own advantage travel beside it, keyed by step.
 */
import type { AnalysedTrainStep, ImportResult, OptionalTokenField } from '../../import';
import { FORMAT_TITLES } from '../../import';
import type { RecordedLane } from '../../store/recording';
import { DEFAULT_TRAIN_CONFIG } from '../../train/config';
import type { StepData, Trajectory } from '../../train/rollout';
import type { StepView } from '../../train/trainer';
import type { TrajectorySummary } from '../../worker/protocol';

/** What the inspector shows about an imported step besides the step record. */
export interface ImportedStepExtras {
  trajId: string;
  groupId: string;
  /** The advantage in the file (null: the file has none). */
  fileAdvantage: number | null;
  grpo: number;
  empg: number | null;
  stepReward?: number;
  /** The prompt text the file has for the step (the inspector's observation). */
  prompt?: string;
  valid: boolean;
  logprob: number[] | null;
  /** The optional per-token fields the file carries. */
  tokens: Partial<Record<OptionalTokenField, number[]>>;
  /** Whether the magnitude axis is exact (from Σπ²) or the lower bound 1 − π(a). */
  magnitude: 'exact' | 'lower-bound' | 'none';
}

/** The key of a step in the extras map. */
export function extrasKey(lane: number, iteration: number, traj: number, t: number): string {
  return `${lane}:${iteration}:${traj}:${t}`;
}

/** The EMPG settings an import is analysed with. */
export interface ImportEmpgSettings {
  k: number;
  kF: number;
  zeta: number;
}

/** A converted import: a lane for the page, the extras of its steps, and whether it has token data. */
export interface ImportedLane {
  lane: RecordedLane;
  extras: Record<string, ImportedStepExtras>;
  tokenLevel: boolean;
}

/**
 * Mean over a step's tokens of ‖e_a − p‖: exact from Σπ² (‖e_a − p‖² = 1 − 2π(a) + Σπ²), otherwise the
 * lower bound 1 − π(a) (the other tokens' mass can only add to it).
 */
function logitNorm(logprob: readonly number[] | null, gradSq: readonly number[] | undefined): number {
  if (gradSq && gradSq.length > 0) return gradSq.reduce((a, x) => a + Math.sqrt(Math.max(0, x)), 0) / gradSq.length;
  if (!logprob || logprob.length === 0) return 0;
  return logprob.reduce((a, lp) => a + (1 - Math.exp(lp)), 0) / logprob.length;
}

/** Converts an analysed import to a page lane; `laneIndex` keys the extras. */
export function toImportedLane(result: ImportResult, name: string, empg: ImportEmpgSettings, laneIndex: number): ImportedLane {
  const vocabulary: string[] = [];
  const idOf = new Map<string, number>();
  const intern = (text: string) => {
    let id = idOf.get(text);
    if (id === undefined) {
      id = vocabulary.length;
      idOf.set(text, id);
      vocabulary.push(text);
    }
    return id;
  };
  const extras: Record<string, ImportedStepExtras> = {};
  const tokenLevel = result.analysed.some((a) => a.steps.some((s) => s.empg !== null));
  const recent = tokenLevel ? result.analysed.map((a) => iterationOf(a, laneIndex, intern, extras)).filter((r) => r.steps.length > 0) : [];
  const format = result.run.format ?? 'empg-steps';
  return {
    tokenLevel,
    extras,
    lane: {
      label: `${FORMAT_TITLES[format]}: ${name}`,
      config: { ...DEFAULT_TRAIN_CONFIG, k: empg.k, kF: empg.kF, zeta: empg.zeta, empg: 'full' },
      initLabel: name,
      vocabulary,
      parameterCount: 0,
      history: result.history,
      recent,
    },
  };
}

function iterationOf(a: AnalysedTrainStep, lane: number, intern: (text: string) => number, extras: Record<string, ImportedStepExtras>) {
  // EMPG's views need entropies: steps of trajectories EMPG left out stay in the import panel only.
  const shown = a.steps.filter((s) => s.empg !== null);
  const trajs = new Set(shown.map((s) => s.traj));
  const steps: StepView[] = [];
  for (const s of shown) {
    const e = s.empg!;
    const ids = s.step.tokens!.map(intern);
    const norm = logitNorm(s.step.logprob, s.step.extras.grad_sq);
    steps.push({
      traj: s.traj, t: s.step.stepIdx, group: s.group, success: s.step.outcomeReward > 0, action: s.step.response,
      tokens: ids, tokenEntropies: s.step.entropy!, entropy: e.entropy, normalized: e.normalized, g: e.g, bonus: e.bonus,
      outcomeAdvantage: s.grpo, finalAdvantage: e.advantage, logitNorm: norm, paramNorm: null,
    });
    extras[extrasKey(lane, a.trainStep, s.traj, s.step.stepIdx)] = {
      trajId: s.step.trajId, groupId: s.step.groupId, fileAdvantage: s.step.advantage, grpo: s.grpo, empg: e.advantage,
      stepReward: s.step.stepReward, prompt: s.step.prompt, valid: s.step.validAction ?? true, logprob: s.step.logprob, tokens: s.step.extras,
      magnitude: s.step.extras.grad_sq ? 'exact' : s.step.logprob ? 'lower-bound' : 'none',
    };
  }
  const trajectories: TrajectorySummary[] = a.trajectories.filter((t) => trajs.has(t.id)).map((t) => ({
    id: t.id, group: t.group, task: t.groupId, won: t.reward > 0, reward: t.reward, length: t.length,
  }));
  return { iteration: a.trainStep, steps, trajectories };
}

/**
 * One full trajectory of an imported iteration for the inspector, built on the page when it asks for
 * that trajectory (so they never cross from the worker, and a switch to an import builds none): the
 * prompt as the observation, the sampled token's probability as its only known alternative. Undefined
 * when the iteration has no trajectory `id`.
 */
export function fullTrajectory(
  record: { iteration: number; steps: StepView[]; trajectories: TrajectorySummary[] }, lane: number, extras: Record<string, ImportedStepExtras>, id: number,
): Trajectory | undefined {
  const t = record.trajectories.find((summary) => summary.id === id);
  if (!t) return undefined;
  const steps = record.steps.filter((step) => step.traj === id).sort((a, b) => a.t - b.t).map((step): StepData => {
    const e = extras[extrasKey(lane, record.iteration, step.traj, step.t)];
    const logProbs = e?.logprob ?? [];
    return {
      t: step.t, observation: e?.prompt ?? '(the file has no prompt text for this step)', admissibleCount: 0,
      // The file does not say how many tokens were allowed (the vocabulary size): 0 stands for unknown.
      prompt: [], tokens: step.tokens, allowed: step.tokens.map(() => null), allowedCounts: step.tokens.map(() => 0), logProbs,
      tokenEntropies: step.tokenEntropies, scoreNorms: [],
      // The file has the sampled token's probability only, not the top 5.
      top: step.tokens.map((token, i) => [{ token, p: Math.exp(logProbs[i] ?? 0) }]),
      action: step.action, valid: e?.valid ?? true, nextObservation: '',
    };
  });
  return { id: t.id, group: t.group, taskSeed: 0, task: t.task, steps, won: t.won, reward: t.reward, score: t.reward, truncated: false };
}
