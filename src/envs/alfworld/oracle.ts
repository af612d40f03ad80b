/**
 * The oracle: breadth-first search over the symbolic state for a shortest action sequence that reaches
 * the goal. It knows everything (where every object is, what every closed receptacle holds).
 *
 * `oraclePlan` searches only commands that can be part of a shortest plan (go where a target object, the
 * goal receptacle, the appliance or the lamp is; take and put only objects of the goal type; never close,
 * examine, look or check the inventory), which keeps the search small even in large kitchens.
 * `exhaustivePlan` searches every state-changing command and is used to check that pruning on small worlds.
 */
import { admissibleByText, admissibleCommands, applyCommand, commandText, normalizeAction, type Command } from './rules';
import { APPLIANCE_FOR, isGoalMet } from './tasks';
import { cloneState, type AlfworldGame, type AlfworldTask, type WorldState } from './world';

/** Default cap on the number of states one search may visit. */
const DEFAULT_MAX_STATES = 200_000;

/** A canonical key of everything a command can change. */
function stateKey(state: WorldState): string {
  let key = `${state.agentAt}|${state.held}|`;
  for (const r of state.receptacles) key += r.isOpen ? '1' : '0';
  for (const o of state.objects) key += `|${o.location}${o.isHot ? 'h' : ''}${o.isCool ? 'c' : ''}${o.isClean ? 'w' : ''}${o.isToggled ? 't' : ''}`;
  return key;
}

/** Commands that never change the state, so no shortest plan contains them. */
function changesState(command: Command): boolean {
  return command.kind !== 'examineReceptacle' && command.kind !== 'examineObject' && command.kind !== 'inventory' && command.kind !== 'look';
}

/** Whether a command can appear in a shortest plan for `task` (see the file comment). */
function isRelevant(state: WorldState, task: AlfworldTask, command: Command): boolean {
  const holding = state.held !== -1;
  const isTarget = (o: number) => state.objects[o].type === task.objectType;
  const holdsLampHere = (r: number) => state.objects.some((o) => o.location === r && o.type === task.lampType);
  const holdsTargetHere = (r: number) => state.objects.some((o) => o.location === r && o.type === task.objectType);
  switch (command.kind) {
    case 'goto': {
      const type = state.receptacles[command.r].type;
      if (task.type === 'look_at_obj_in_light' && holdsLampHere(command.r)) return true;
      if (!holding) return holdsTargetHere(command.r);
      return type === task.receptacleType || type === APPLIANCE_FOR[task.type];
    }
    case 'open':
      return holding ? state.receptacles[command.r].type === task.receptacleType : holdsTargetHere(command.r);
    case 'take':
      return isTarget(command.o);
    case 'move':
      return isTarget(command.o) && state.receptacles[command.r].type === task.receptacleType;
    case 'heat': case 'cool': case 'clean':
      return isTarget(command.o) && state.receptacles[command.r].type === APPLIANCE_FOR[task.type];
    case 'use':
      return state.objects[command.o].type === task.lampType && !state.objects[command.o].isToggled;
    default:
      return false;
  }
}

interface SearchNode {
  state: WorldState;
  parent: number;
  action: string;
}

/** Breadth-first search from the game's initial state over commands that pass `keep`. */
function breadthFirstPlan(
  game: AlfworldGame,
  keep: (state: WorldState, command: Command) => boolean,
  maxStates: number,
  maxDepth: number,
): string[] | null {
  const start = cloneState(game.initial);
  if (isGoalMet(start, game.task)) return [];
  const nodes: SearchNode[] = [{ state: start, parent: -1, action: '' }];
  const depth: number[] = [0];
  const seen = new Set<string>([stateKey(start)]);
  for (let head = 0; head < nodes.length; head++) {
    if (depth[head] >= maxDepth) continue;
    const { state } = nodes[head];
    for (const command of admissibleCommands(state)) {
      if (!keep(state, command)) continue;
      const next = cloneState(state);
      const action = commandText(state, command);
      applyCommand(next, command);
      const key = stateKey(next);
      if (seen.has(key)) continue;
      seen.add(key);
      nodes.push({ state: next, parent: head, action });
      depth.push(depth[head] + 1);
      if (isGoalMet(next, game.task)) return tracePlan(nodes, nodes.length - 1);
      if (nodes.length >= maxStates) return null;
    }
  }
  return null;
}

function tracePlan(nodes: readonly SearchNode[], last: number): string[] {
  const plan: string[] = [];
  for (let i = last; i > 0; i = nodes[i].parent) plan.push(nodes[i].action);
  return plan.reverse();
}

/** Options of a planner call. */
export interface PlanOptions {
  /** Longest plan to look for (default: the game's step limit). */
  maxDepth?: number;
  /** Cap on visited states; the search gives up (returns null) beyond it. */
  maxStates?: number;
}

/**
 * Shortest-plan lengths already found for one game, by state: `progressSteps` calls for the rollouts of
 * one task share it, so a state that several rollouts (or several steps of one, after an action that
 * changes nothing) reach is planned from once.
 */
export type PlanLengthMemo = Map<string, number | null>;

/** A shortest action sequence that solves the game, or null if none exists within the limits. */
export function oraclePlan(game: AlfworldGame, options: PlanOptions = {}): string[] | null {
  return breadthFirstPlan(
    game,
    (state, command) => isRelevant(state, game.task, command),
    options.maxStates ?? DEFAULT_MAX_STATES,
    options.maxDepth ?? game.stepLimit,
  );
}

/**
 * Which steps of a played episode make progress: step t does when the oracle's shortest plan from the state
 * after it is shorter than from the state before it. The oracle knows everything, so opening the wrong one
 * of two closed cabinets is not progress, though an agent that cannot see inside may reasonably try it.
 * Inadmissible actions change nothing and make none. An entry is null where the planner gave up (its state
 * cap) before or after the step. Steps after the goal is met are not progress. Pass the same `memo` to the
 * calls for one game (and only that game) to plan from each state once.
 */
export function progressSteps(game: AlfworldGame, actions: readonly string[], options: PlanOptions = {}, memo: PlanLengthMemo = new Map()): (boolean | null)[] {
  const state = cloneState(game.initial);
  const remaining = (): number | null => {
    if (isGoalMet(state, game.task)) return 0;
    const key = stateKey(state);
    if (!memo.has(key)) memo.set(key, oraclePlan({ ...game, initial: state }, options)?.length ?? null);
    return memo.get(key)!;
  };
  let before = remaining();
  return actions.map((action) => {
    const command = before === 0 ? undefined : admissibleByText(state).get(normalizeAction(action));
    if (!command) return before === null ? null : false;
    applyCommand(state, command);
    const after = remaining();
    const progress = before === null || after === null ? null : after < before;
    before = after;
    return progress;
  });
}

/** A shortest plan found by searching every state-changing command (slow; for checking `oraclePlan`). */
export function exhaustivePlan(game: AlfworldGame, options: PlanOptions = {}): string[] | null {
  return breadthFirstPlan(game, (_state, command) => changesState(command), options.maxStates ?? DEFAULT_MAX_STATES, options.maxDepth ?? game.stepLimit);
}
