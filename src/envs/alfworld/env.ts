/**
 * ALFWorld-lite as a `TextEnv`: one episode at a time over an `AlfworldGame` (generated or loaded from a
 * scene). Reward 1 on the step that reaches the goal, 0 otherwise; a step limit (50 by default) truncates.
 */
import type { Observation, StepResult, TextEnv } from '../types';
import { admissibleActionTexts, admissibleByText, applyCommand, normalizeAction } from './rules';
import { isGoalMet } from './tasks';
import { NOTHING_HAPPENS, taskLine, welcomeText } from './text';
import { cloneState, type AlfworldGame, type WorldState } from './world';

/** The step limit of the real benchmark (verl-agent `env.max_steps`). */
export const DEFAULT_STEP_LIMIT = 50;

/** ALFWorld-lite environment. `reset` must be called before `step`. */
export class AlfworldEnv implements TextEnv<AlfworldGame> {
  private game: AlfworldGame | null = null;
  private state: WorldState | null = null;
  private stepsTaken = 0;
  private won = false;
  private truncated = false;

  /** Starts an episode on a copy of the game's initial state; the game itself is never modified. */
  reset(game: AlfworldGame): Observation {
    this.game = game;
    this.state = cloneState(game.initial);
    this.stepsTaken = 0;
    this.won = false;
    this.truncated = false;
    return { text: welcomeText(this.state, game.task.description), goal: taskLine(game.task.description) };
  }

  /** Applies one action. Anything not admissible answers `Nothing happens.`, changes nothing and uses a step. */
  step(action: string): StepResult {
    const { game, state } = this.current();
    if (this.won || this.truncated) {
      return this.result(NOTHING_HAPPENS, 0, false);
    }
    this.stepsTaken++;
    const command = admissibleByText(state).get(normalizeAction(action));
    const observation = command ? applyCommand(state, command) : NOTHING_HAPPENS;
    this.won = isGoalMet(state, game.task);
    this.truncated = !this.won && this.stepsTaken >= this.stepLimit();
    return this.result(observation, this.won ? 1 : 0, command !== undefined);
  }

  /** The admissible actions now, sorted by code point (empty once the episode is over). */
  admissibleActions(): string[] {
    const { state } = this.current();
    if (this.won || this.truncated) return [];
    return admissibleActionTexts(state);
  }

  /** Steps used so far in this episode (invalid actions count). */
  get stepCount(): number {
    return this.stepsTaken;
  }

  /** Whether the episode has ended (solved or truncated). */
  get done(): boolean {
    return this.won || this.truncated;
  }

  /** A copy of the current symbolic state, for viewers and planners. */
  snapshot(): WorldState {
    return cloneState(this.current().state);
  }

  private stepLimit(): number {
    return this.current().game.stepLimit ?? DEFAULT_STEP_LIMIT;
  }

  private current(): { game: AlfworldGame; state: WorldState } {
    if (!this.game || !this.state) throw new Error('AlfworldEnv: call reset(game) before step()');
    return { game: this.game, state: this.state };
  }

  private result(observation: string, reward: number, valid: boolean): StepResult {
    return {
      observation,
      reward,
      terminated: this.won,
      truncated: this.truncated,
      won: this.won,
      valid,
      info: { stepCount: this.stepsTaken, taskType: this.current().game.task.type },
    };
  }
}
