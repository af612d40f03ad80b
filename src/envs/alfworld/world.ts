/**
 * The symbolic state of an ALFWorld-lite episode (reference/envs.md §4.1): receptacles with their open
 * state, objects with their location and flags, and the agent's location and hands.
 *
 * Objects and receptacles are referred to by index so that the planner can copy and hash states cheaply;
 * names (`cabinet 1`, `apple 2`) are fixed when the world is built.
 */
import type { RoomType } from './catalog';

/** The six ALFWorld task types, by their directory prefix (§1.1). */
export type TaskType =
  | 'pick_and_place_simple'
  | 'look_at_obj_in_light'
  | 'pick_clean_then_place_in_recep'
  | 'pick_heat_then_place_in_recep'
  | 'pick_cool_then_place_in_recep'
  | 'pick_two_obj_and_place';

/** What the agent must achieve. Goals name types, never instances. */
export interface AlfworldTask {
  type: TaskType;
  /** The object type to act on, e.g. `apple`. */
  objectType: string;
  /** The goal receptacle type, e.g. `sidetable`; absent for look-at-object-in-light. */
  receptacleType?: string;
  /** The lamp type for look-at-object-in-light (`desklamp` or `floorlamp`). */
  lampType?: string;
  /** The goal sentence without the `Your task is to: ` prefix and final full stop. */
  description: string;
}

/** A receptacle instance. It stands at its own place unless it shares a `place` label with others. */
export interface Receptacle {
  /** Instance name, e.g. `cabinet 3`. */
  name: string;
  type: string;
  /** Whether this instance opens and closes (some real cabinets and drawers do not). */
  openable: boolean;
  isOpen: boolean;
  /**
   * Receptacles with the same label stand at one place, as in real games where `go to cabinet 1` also brings
   * the agent to `cabinet 2` (`You are facing the cabinet 2, and cabinet 1.`). Absent: a place of its own.
   */
  place?: string;
}

/** Where an object is: the index of a receptacle, or `HELD` when the agent carries it. */
export const HELD = -1;

/** An object instance and its state flags. */
export interface WorldObject {
  /** Instance name, e.g. `apple 2`. */
  name: string;
  type: string;
  /** Receptacle index, or `HELD`. */
  location: number;
  isHot: boolean;
  isCool: boolean;
  isClean: boolean;
  /** Lamps only: switched on. */
  isToggled: boolean;
}

/** Where the agent stands at the start: in the middle of the room, at no receptacle. */
export const MIDDLE_OF_ROOM = -1;

/** The full, mutable state of one episode. */
export interface WorldState {
  receptacles: Receptacle[];
  objects: WorldObject[];
  /** Index of the receptacle the agent stands at, or `MIDDLE_OF_ROOM`. */
  agentAt: number;
  /** Index of the held object, or -1 for empty hands. */
  held: number;
}

/** A playable game: a room, its initial state and the task. This is the `Task` of `TextEnv`. */
export interface AlfworldGame {
  roomType: RoomType;
  initial: WorldState;
  task: AlfworldTask;
  /** Steps before truncation (50 in the real benchmark). */
  stepLimit: number;
  /** The seed and preset the game was generated from, when it was generated. */
  seed?: number;
  preset?: string;
}

/** Whether receptacles `a` and `b` stand at the same place (a receptacle always shares its own). */
export function samePlace(state: WorldState, a: number, b: number): boolean {
  if (a === b) return true;
  const placeA = state.receptacles[a].place;
  return placeA !== undefined && placeA === state.receptacles[b].place;
}

/** Indices of the receptacles at the agent's place, in index order (none in the middle of the room). */
export function receptaclesHere(state: WorldState): number[] {
  if (state.agentAt === MIDDLE_OF_ROOM) return [];
  const here: number[] = [];
  for (let r = 0; r < state.receptacles.length; r++) if (samePlace(state, state.agentAt, r)) here.push(r);
  return here;
}

/**
 * The order in which the real game lists instances (room banner, receptacle contents, `look`): by type in
 * code-point order, and within a type from the highest number down (`a bowl 2, a bowl 1, a bread 2, a bread 1`).
 */
export function compareListingOrder(a: string, b: string): number {
  const [typeA, numA] = splitInstanceName(a);
  const [typeB, numB] = splitInstanceName(b);
  if (typeA !== typeB) return typeA < typeB ? -1 : 1;
  return numB - numA;
}

/** A deep copy of a state (states are small: a few dozen entries). */
export function cloneState(state: WorldState): WorldState {
  return {
    receptacles: state.receptacles.map((r) => ({ ...r })),
    objects: state.objects.map((o) => ({ ...o })),
    agentAt: state.agentAt,
    held: state.held,
  };
}

/** Compares two instance names by type, then by number (so `cabinet 2` < `cabinet 10`). */
export function compareInstanceNames(a: string, b: string): number {
  const [typeA, numA] = splitInstanceName(a);
  const [typeB, numB] = splitInstanceName(b);
  if (typeA !== typeB) return typeA < typeB ? -1 : 1;
  return numA - numB;
}

/** Splits `cabinet 3` into `['cabinet', 3]`; a name without a number gets 0. */
export function splitInstanceName(name: string): [string, number] {
  const match = /^(.*) (\d+)$/.exec(name);
  return match ? [match[1], Number(match[2])] : [name, 0];
}
