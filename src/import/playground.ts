/**
 * The playground's own runs in the `empg-steps/v1` format, so a browser run can be compared with a
 * cluster run in any tool. Takes the trainer's trajectories and step records (described structurally
 * here, so this layer stays below the trainer) and the tokenizer's words.
 */

/** What the export needs of one step of a playground trajectory. */
export interface PlaygroundStep {
  t: number;
  observation: string;
  tokens: number[];
  logProbs: number[];
  tokenEntropies: number[];
  /** ‖e_a − p‖ per token; its square is the format's `grad_sq`. */
  scoreNorms: number[];
  action: string;
  valid: boolean;
}

/** What the export needs of one playground trajectory. */
export interface PlaygroundTrajectory {
  id: number;
  group: number;
  taskSeed: number;
  reward: number;
  steps: PlaygroundStep[];
}

/** The advantage the update used for a step (A_final with EMPG, A(τ) without). */
export interface PlaygroundAdvantage {
  traj: number;
  t: number;
  finalAdvantage: number;
}

/**
 * One JSON line per step of every trajectory of one iteration. The group id names the task (its seed)
 * and the group's place in the batch, so two runs from the same seed match prompt for prompt.
 */
export function playgroundStepLines(
  iteration: number, trajectories: readonly PlaygroundTrajectory[], advantages: readonly PlaygroundAdvantage[], vocabulary: readonly string[],
): string[] {
  const advantageOf = new Map(advantages.map((a) => [`${a.traj}:${a.t}`, a.finalAdvantage]));
  const round = (x: number) => Number(x.toPrecision(6));
  return trajectories.flatMap((traj) => traj.steps.map((step) => {
    const advantage = advantageOf.get(`${traj.id}:${step.t}`);
    if (advantage === undefined) throw new Error(`iteration ${iteration}: no advantage for trajectory ${traj.id} step ${step.t}`);
    return JSON.stringify({
      train_step: iteration, traj_id: `${iteration}-${traj.id}`, group_id: `task-${traj.taskSeed}-${traj.group}`, step_idx: step.t,
      num_steps: traj.steps.length, prompt: step.observation, response: step.action,
      tokens: step.tokens.map((id) => vocabulary[id] ?? `#${id}`),
      entropy: step.tokenEntropies.map(round), logprob: step.logProbs.map((lp) => Math.min(0, round(lp))),
      outcome_reward: traj.reward, advantage, valid_action: step.valid,
      grad_sq: step.scoreNorms.map((n) => round(n * n)),
    });
  }));
}
