/**
 * Writes steps back out in the `empg-steps/v1` format: a meta line, then one JSON line per step, with
 * the playground's recomputed GRPO and EMPG advantages next to the file's own. Only steps that carry
 * tokens can be written (the format is token level).
 */
import { STEP_FORMAT, type StepMeta } from './stepFormat';
import type { AnalysedStep } from './analyse';

/** The meta line of an exported file. */
export function metaLine(meta: Partial<StepMeta> & { source: string }): string {
  return JSON.stringify({ meta: { schema: STEP_FORMAT, entropy_unit: 'nat', ...meta } });
}

/** One step as a line of the step format; null for a sequence-level step (no tokens). */
export function stepLine(a: AnalysedStep): string | null {
  const s = a.step;
  if (!s.tokens || !s.entropy || !s.logprob) return null;
  return JSON.stringify({
    train_step: s.trainStep, traj_id: s.trajId, group_id: s.groupId, step_idx: s.stepIdx,
    ...(s.numSteps !== undefined && { num_steps: s.numSteps }),
    ...(s.prompt !== undefined && { prompt: s.prompt }),
    response: s.response, tokens: s.tokens, entropy: s.entropy, logprob: s.logprob,
    outcome_reward: s.outcomeReward,
    ...(s.stepReward !== undefined && { step_reward: s.stepReward }),
    advantage: s.advantage ?? a.grpo,
    ...(s.validAction !== undefined && { valid_action: s.validAction }),
    ...s.extras,
    grpo_advantage: a.grpo,
    ...(a.empg && { empg_advantage: a.empg.advantage }),
  });
}
