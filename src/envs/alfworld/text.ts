/**
 * The observation texts of ALFWorld, word for word as the `alfred.twl2` grammar renders them
 * (reference/envs.md §1.2–1.3). Nothing here changes the state.
 */
import { LAMP_TYPES } from './catalog';
import { compareListingOrder, MIDDLE_OF_ROOM, receptaclesHere, type WorldState } from './world';

/** The answer to any command that is not admissible. */
export const NOTHING_HAPPENS = 'Nothing happens.';

/** The banner that opens every episode. */
export const WELCOME_BANNER = '-= Welcome to TextWorld, ALFRED! =-';

/**
 * A list as the grammar writes it: `a x, a y, and a z` (the article is always `a`), or `nothing`.
 * Two items are joined as `a x, and a y`, as the real environment does.
 */
export function listWithArticles(names: readonly string[]): string {
  return names.length === 0 ? 'nothing' : plainList(names.map((name) => `a ${name}`));
}

/** A list of names without articles, as the grammar joins them: `x`, `x, and y`, `x, y, and z`. */
export function plainList(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]}`;
}

/** Names of the objects inside or on a receptacle, in the order the environment lists them. */
export function contentsOf(state: WorldState, receptacleIndex: number): string[] {
  return state.objects
    .filter((o) => o.location === receptacleIndex)
    .map((o) => o.name)
    .sort(compareListingOrder);
}

/** What `examine <r>` (and the tail of `go to <r>`) says about a receptacle. */
export function describeReceptacle(state: WorldState, receptacleIndex: number): string {
  const receptacle = state.receptacles[receptacleIndex];
  if (receptacle.openable && !receptacle.isOpen) return `The ${receptacle.name} is closed.`;
  const seen = listWithArticles(contentsOf(state, receptacleIndex));
  if (receptacle.openable) return `The ${receptacle.name} is open. In it, you see ${seen}.`;
  return `On the ${receptacle.name}, you see ${seen}.`;
}

/**
 * The receptacles of the room in the order the welcome text lists them: by type, and within a type
 * from the highest number down (`a cabinet 4, a cabinet 3, …` in the real transcripts).
 */
export function roomListingOrder(state: WorldState): string[] {
  return state.receptacles.map((r) => r.name).sort(compareListingOrder);
}

/**
 * What `look` says: in the middle of the room, every receptacle; at a place, the receptacles there
 * (`You are facing the cabinet 2, and cabinet 1. Next to it, you see nothing.`).
 */
export function lookText(state: WorldState): string {
  if (state.agentAt === MIDDLE_OF_ROOM) {
    return `You are in the middle of a room. Looking quickly around you, you see ${listWithArticles(roomListingOrder(state))}.`;
  }
  const here = receptaclesHere(state).map((r) => state.receptacles[r].name).sort(compareListingOrder);
  return `You are facing the ${plainList(here)}. Next to it, you see nothing.`;
}

/** What `inventory` says. */
export function inventoryText(state: WorldState): string {
  if (state.held === -1) return 'You are not carrying anything.';
  return `You are carrying: a ${state.objects[state.held].name}.`;
}

/** What `examine <object>` says: the grammar's rules in its order (no sliced objects here). */
export function examineObjectText(state: WorldState, objectIndex: number): string {
  const object = state.objects[objectIndex];
  if (object.isClean && object.isHot) return `This is a hot and clean ${object.name}.`;
  if (object.isClean && object.isCool) return `This is a cool and clean ${object.name}.`;
  if (object.isHot) return `This is a hot ${object.name}.`;
  if (object.isClean) return `This is a clean ${object.name}.`;
  if (object.isCool) return `This is a cold ${object.name}.`;
  if (LAMP_TYPES.includes(object.type)) return `This ${object.name} is ${object.isToggled ? 'on' : 'off'}.`;
  return `There's nothing special about ${object.name}.`;
}

/** The task line: `Your task is to: <description>.` */
export function taskLine(description: string): string {
  return `Your task is to: ${description}.`;
}

/** The first observation of an episode: banner, the look text from the middle of the room, the task. */
export function welcomeText(state: WorldState, description: string): string {
  return `${WELCOME_BANNER}\n\n${lookText(state)}\n\n${taskLine(description)}`;
}

