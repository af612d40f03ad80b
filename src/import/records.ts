/**
 * The one shape every importer produces: an agent step with whatever the source file carries. Token-
 * level sources (the step format) fill tokens, entropies and log-probs; sequence-level sources (verl's
 * rollout dump, TRL's completion logs) give one step per completion with the text only.
 */
import type { OptionalTokenField } from './stepFormat';

/** The source formats the importer reads. */
export type ImportFormat = 'empg-steps' | 'verl-rollout' | 'trl-completions';

/** Names of the formats, for people. */
export const FORMAT_TITLES: Record<ImportFormat, string> = {
  'empg-steps': 'empg-steps/v1 (token level)',
  'verl-rollout': 'verl rollout_data_dir (sequence level)',
  'trl-completions': 'TRL GRPOTrainer completions (sequence level)',
};

/** One imported agent step. */
export interface ImportedStep {
  /** 1-based line (or parquet row) the step came from. */
  line: number;
  trainStep: number;
  trajId: string;
  groupId: string;
  stepIdx: number;
  numSteps?: number;
  prompt?: string;
  /** The generated text. */
  response: string;
  /** Token texts, or null in a sequence-level file. */
  tokens: string[] | null;
  /** Per-token entropy in nats, or null in a sequence-level file. */
  entropy: number[] | null;
  /** Per-token log-prob, or null in a sequence-level file. */
  logprob: number[] | null;
  outcomeReward: number;
  stepReward?: number;
  /** The advantage the file's trainer used, or null when the file has none (verl's dump). */
  advantage: number | null;
  validAction?: boolean;
  /** Further per-token fields the file carries, aligned with `tokens`. */
  extras: Partial<Record<OptionalTokenField, number[]>>;
  /** Scalar columns the source adds per row (verl's reward_extra_info, TRL's per-function rewards). */
  columns?: Record<string, number>;
}

/** A line the importer skipped, and why. */
export interface ImportProblem {
  /** The file it is in, when several files were read. */
  file?: string;
  line: number;
  message: string;
}
