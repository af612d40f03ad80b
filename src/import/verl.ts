/**
 * verl's `trainer.rollout_data_dir` dump (`RayPPOTrainer._dump_generations`): one JSON object per batch
 * row with `input`, `output`, `gts`, `score`, `step`, plus every reward-extra-info key of batch length.
 * Sequence level: no group id, no token data, no advantage. The `n` samples of a prompt decode to the
 * same `input` text, so the prompt text is the group.
 */
import { z } from 'zod';
import type { ImportedStep } from './records';

/** One row of a verl rollout dump. */
export const verlRowSchema = z.object({
  input: z.string(),
  output: z.string(),
  gts: z.unknown().optional(),
  score: z.number().finite(),
  step: z.number().int().min(0),
}).passthrough();

/** True when a parsed JSON object looks like a verl dump row (used to recognise the format). */
export function looksLikeVerlRow(value: Record<string, unknown>): boolean {
  return 'input' in value && 'output' in value && 'score' in value && 'step' in value;
}

/** Turns one valid row into a one-step trajectory; `index` numbers the rows of its training step. */
export function verlRowToStep(row: z.output<typeof verlRowSchema>, line: number, index: number): ImportedStep {
  const columns: Record<string, number> = {};
  for (const [key, value] of Object.entries(row)) {
    if (!['input', 'output', 'gts', 'score', 'step'].includes(key) && typeof value === 'number' && Number.isFinite(value)) columns[key] = value;
  }
  return {
    line, trainStep: row.step, trajId: `${row.step}-${index}`, groupId: row.input, stepIdx: 0, numSteps: 1,
    prompt: row.input, response: row.output, tokens: null, entropy: null, logprob: null,
    outcomeReward: row.score, advantage: null, extras: {}, columns,
  };
}
