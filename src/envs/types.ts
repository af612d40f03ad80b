/**
 * The contract every text environment implements (docs/ARCHITECTURE.md, "Environments"). Environments are
 * pure, seeded and deterministic: the same task gives byte-identical observations in the browser and in
 * Node, and they never throw on bad action text (an invalid action is a no-op step, as in the real envs).
 */

/** Which environment family a task belongs to. */
export type EnvName = 'alfworld' | 'webshop' | 'deepsearch';

/** What the agent sees after `reset` or a step. */
export interface Observation {
  /** The observation text exactly as the real environment words it. */
  text: string;
  /** The task instruction (ALFWorld: "Your task is to: …"; WebShop: the instruction text). */
  goal: string;
}

/** The outcome of one `step`. */
export interface StepResult {
  /** The observation text after the action. */
  observation: string;
  /** Reward of this step: 1 on success, else 0 (WebShop's 0–1 score stays in `info`). */
  reward: number;
  /** The episode ended by itself (task solved in ALFWorld; `buy now` in WebShop). */
  terminated: boolean;
  /** The episode was cut by the step limit without terminating. */
  truncated: boolean;
  /** The task is solved. */
  won: boolean;
  /** False when the action was not admissible (a no-op that still used a step). */
  valid: boolean;
  /** Environment-specific extras (WebShop: the score and its parts). */
  info: Readonly<Record<string, unknown>>;
}

/** A seeded text environment (ALFWorld-lite, WebShop-lite). `Task` is the environment's own task type. */
export interface TextEnv<Task> {
  /** Starts an episode; deterministic given the task. */
  reset(task: Task): Observation;
  /** Applies one action; never throws on bad text. */
  step(action: string): StepResult;
  /** The actions that change something now, sorted as the real environment sorts them. */
  admissibleActions(): string[];
}
