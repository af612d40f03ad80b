/**
 * The rules of ALFWorld-lite: which commands are admissible in a state, what each one does, and what it
 * answers (preconditions of `alfred.pddl`, texts of `alfred.twl2`; reference/envs.md §1.2 and §1.4).
 *
 * A command is admissible exactly when its preconditions hold; everything else is answered with
 * `Nothing happens.` by the environment and leaves the state alone.
 */
import { canContain, CLEANABLE, COOLABLE, HEATABLE, LAMP_TYPES, PICKUPABLE_TYPES } from './catalog';
import { describeReceptacle, examineObjectText, inventoryText, lookText } from './text';
import { HELD, MIDDLE_OF_ROOM, receptaclesHere, samePlace, type WorldState } from './world';

/** A grounded command, with receptacles (`r`) and objects (`o`) given by index. */
export type Command =
  | { kind: 'goto'; r: number }
  | { kind: 'open'; r: number }
  | { kind: 'close'; r: number }
  | { kind: 'take'; o: number; r: number }
  | { kind: 'move'; o: number; r: number }
  | { kind: 'heat' | 'cool' | 'clean'; o: number; r: number }
  | { kind: 'use'; o: number }
  | { kind: 'examineReceptacle'; r: number }
  | { kind: 'examineObject'; o: number }
  | { kind: 'inventory' }
  | { kind: 'look' };

/** The appliance each state-changing verb needs. */
const APPLIANCE: Readonly<Record<'heat' | 'cool' | 'clean', string>> = { heat: 'microwave', cool: 'fridge', clean: 'sinkbasin' };
const CAN_BE: Readonly<Record<'heat' | 'cool' | 'clean', ReadonlySet<string>>> = { heat: HEATABLE, cool: COOLABLE, clean: CLEANABLE };

/** The command as the agent types it (canonical put verb: `move X to Y`). */
export function commandText(state: WorldState, command: Command): string {
  const r = (i: number) => state.receptacles[i].name;
  const o = (i: number) => state.objects[i].name;
  switch (command.kind) {
    case 'goto': return `go to ${r(command.r)}`;
    case 'open': return `open ${r(command.r)}`;
    case 'close': return `close ${r(command.r)}`;
    case 'take': return `take ${o(command.o)} from ${r(command.r)}`;
    case 'move': return `move ${o(command.o)} to ${r(command.r)}`;
    case 'heat': case 'cool': case 'clean': return `${command.kind} ${o(command.o)} with ${r(command.r)}`;
    case 'use': return `use ${o(command.o)}`;
    case 'examineReceptacle': return `examine ${r(command.r)}`;
    case 'examineObject': return `examine ${o(command.o)}`;
    case 'inventory': return 'inventory';
    case 'look': return 'look';
  }
}

/** Whether the receptacle's contents can be reached: open, or not openable at all. */
export function isAccessible(state: WorldState, receptacleIndex: number): boolean {
  const receptacle = state.receptacles[receptacleIndex];
  return !receptacle.openable || receptacle.isOpen;
}

/**
 * Every admissible command in `state`, in no particular order. Going to a receptacle at the agent's own place
 * is not admissible (`Nothing happens.`); everything else acts on any receptacle at that place.
 */
export function admissibleCommands(state: WorldState): Command[] {
  const commands: Command[] = [{ kind: 'inventory' }, { kind: 'look' }];
  const at = state.agentAt;
  for (let r = 0; r < state.receptacles.length; r++) if (at === MIDDLE_OF_ROOM || !samePlace(state, at, r)) commands.push({ kind: 'goto', r });
  if (state.held !== -1) commands.push({ kind: 'examineObject', o: state.held });
  for (const r of receptaclesHere(state)) commandsAt(state, r, commands);
  return commands;
}

/** The commands that act on receptacle `r`, which stands at the agent's place. */
function commandsAt(state: WorldState, r: number, commands: Command[]): void {
  const here = state.receptacles[r];
  commands.push({ kind: 'examineReceptacle', r });
  if (here.openable) commands.push({ kind: here.isOpen ? 'close' : 'open', r });
  const accessible = isAccessible(state, r);
  for (let o = 0; o < state.objects.length; o++) {
    const object = state.objects[o];
    if (object.location !== r) continue;
    if (accessible && state.held === -1 && PICKUPABLE_TYPES.has(object.type)) commands.push({ kind: 'take', o, r });
    // Toggle needs the lamp to stand in a receptacle at the agent's location, nothing more.
    if (LAMP_TYPES.includes(object.type)) commands.push({ kind: 'use', o });
  }
  if (state.held !== -1) {
    const heldType = state.objects[state.held].type;
    if (accessible && canContain(here.type, heldType)) commands.push({ kind: 'move', o: state.held, r });
    for (const verb of ['heat', 'cool', 'clean'] as const) {
      if (here.type === APPLIANCE[verb] && CAN_BE[verb].has(heldType)) commands.push({ kind: verb, o: state.held, r });
    }
  }
}

/** Applies an admissible command to `state` (in place) and returns the feedback text. */
export function applyCommand(state: WorldState, command: Command): string {
  switch (command.kind) {
    case 'goto':
      state.agentAt = command.r;
      return `You arrive at ${state.receptacles[command.r].name}. ${describeReceptacle(state, command.r)}`;
    case 'open':
      state.receptacles[command.r].isOpen = true;
      return `You open the ${state.receptacles[command.r].name}. ${describeReceptacle(state, command.r)}`;
    case 'close':
      state.receptacles[command.r].isOpen = false;
      return `You close the ${state.receptacles[command.r].name}.`;
    case 'take':
      state.objects[command.o].location = HELD;
      state.held = command.o;
      return `You pick up the ${state.objects[command.o].name} from the ${state.receptacles[command.r].name}.`;
    case 'move':
      state.objects[command.o].location = command.r;
      state.held = -1;
      return `You move the ${state.objects[command.o].name} to the ${state.receptacles[command.r].name}.`;
    case 'heat': {
      const object = state.objects[command.o];
      object.isHot = true;
      object.isCool = false;
      return `You heat the ${object.name} using the ${state.receptacles[command.r].name}.`;
    }
    case 'cool': {
      const object = state.objects[command.o];
      object.isCool = true;
      object.isHot = false;
      return `You cool the ${object.name} using the ${state.receptacles[command.r].name}.`;
    }
    case 'clean':
      state.objects[command.o].isClean = true;
      return `You clean the ${state.objects[command.o].name} using the ${state.receptacles[command.r].name}.`;
    case 'use':
      // ToggleObject only ever switches a lamp on (isToggled stays true), so the answer is always "turn on".
      state.objects[command.o].isToggled = true;
      return `You turn on the ${state.objects[command.o].name}.`;
    case 'examineReceptacle':
      return describeReceptacle(state, command.r);
    case 'examineObject':
      return examineObjectText(state, command.o);
    case 'inventory':
      return inventoryText(state);
    case 'look':
      return lookText(state);
  }
}

/** The admissible commands keyed by their text (duplicates collapse to one entry). */
export function admissibleByText(state: WorldState): Map<string, Command> {
  const byText = new Map<string, Command>();
  for (const command of admissibleCommands(state)) byText.set(commandText(state, command), command);
  return byText;
}

/** Code-point order, as Python's `sorted` orders strings (no locale). */
export function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The admissible actions as the agent sees them: de-duplicated and sorted by code point, without `help`. */
export function admissibleActionTexts(state: WorldState): string[] {
  return [...admissibleByText(state).keys()].sort(codePointCompare);
}

/**
 * Turns free text into the canonical command text: trims, lower-cases, collapses spaces, and maps the
 * older put verb (`put X in/on Y`, `put X in Y`, `put X on Y`) to `move X to Y`.
 */
export function normalizeAction(action: string): string {
  const text = String(action).trim().toLowerCase().replace(/\s+/g, ' ');
  const put = /^put (.+?) (?:in\/on|in|on) (.+)$/.exec(text);
  return put ? `move ${put[1]} to ${put[2]}` : text;
}
