/**
 * ALFWorld scenes from a file: a JSON description of the room (receptacles with their contents and
 * open/closed state) and the task, validated with zod and then checked for meaning (known types, a goal
 * receptacle and appliance that exist, …). Every problem is reported with the path of the field, e.g.
 * `receptacles[2].contents[0]: unknown object type "spoonn"`. The format is documented in docs/ALFWORLD.md.
 */
import { z } from 'zod';
import {
  CAN_CONTAIN, CLEANABLE, COOLABLE, HEATABLE, LAMP_TYPES, OBJECT_TYPES, OPENABLE_RECEPTACLES, PICKUPABLE_TYPES,
  RECEPTACLE_TYPES, ROOM_TYPES,
} from './catalog';
import { DEFAULT_STEP_LIMIT } from './env';
import { APPLIANCE_FOR, goalDescription, isGoalMet, TASK_TYPES } from './tasks';
import {
  compareInstanceNames, MIDDLE_OF_ROOM, splitInstanceName, type AlfworldGame, type Receptacle, type TaskType,
  type WorldObject,
} from './world';

const instanceName = z.string().regex(/^[a-z]+ [1-9][0-9]*$/, 'expected "<type> <number>", e.g. "apple 1"');

const objectEntry = z.union([
  instanceName,
  z.object({
    name: instanceName,
    isHot: z.boolean().optional(),
    isCool: z.boolean().optional(),
    isClean: z.boolean().optional(),
    isToggled: z.boolean().optional(),
  }).strict(),
]);

/** The scene file format. */
export const sceneSchema = z.object({
  roomType: z.enum(ROOM_TYPES as [string, ...string[]]).optional(),
  receptacles: z.array(z.object({
    name: instanceName,
    openable: z.boolean().optional(),
    open: z.boolean().optional(),
    place: z.string().min(1).optional(),
    contents: z.array(objectEntry).optional(),
  }).strict()).min(1),
  task: z.object({
    type: z.enum(TASK_TYPES as [string, ...string[]]),
    object: z.string(),
    receptacle: z.string().optional(),
    lamp: z.string().optional(),
    variant: z.union([z.literal(0), z.literal(1)]).optional(),
  }).strict(),
  goal: z.string().min(1).optional(),
  stepLimit: z.number().int().positive().optional(),
}).strict();

/** A scene as written in the file. */
export type Scene = z.infer<typeof sceneSchema>;

/** Either a playable game or the list of problems, one readable line each. */
export type SceneParseResult = { ok: true; game: AlfworldGame } | { ok: false; errors: string[] };

/** Renders a zod path as `receptacles[2].contents[0]`. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}

/** Parses and checks a scene (already JSON-decoded). */
export function parseScene(json: unknown): SceneParseResult {
  const parsed = sceneSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
  }
  return buildGame(parsed.data);
}

/** Accepts a goal written as the observation shows it (`Your task is to: … .`) and keeps only the sentence. */
function bareGoal(goal: string): string {
  return goal.trim().replace(/^Your task is to: /, '').replace(/\.$/, '');
}

function buildGame(scene: Scene): SceneParseResult {
  const errors: string[] = [];
  const receptacles: Receptacle[] = [];
  const objects: WorldObject[] = [];
  const receptacleNames = new Set<string>();
  const objectNames = new Set<string>();

  scene.receptacles.forEach((entry, r) => {
    const [type] = splitInstanceName(entry.name);
    if (!RECEPTACLE_TYPES.has(type)) errors.push(`receptacles[${r}].name: unknown receptacle type "${type}"`);
    if (receptacleNames.has(entry.name)) errors.push(`receptacles[${r}].name: duplicate receptacle "${entry.name}"`);
    receptacleNames.add(entry.name);
    const openableType = OPENABLE_RECEPTACLES.has(type);
    if (entry.openable === true && !openableType && RECEPTACLE_TYPES.has(type)) {
      errors.push(`receptacles[${r}].openable: a ${type} cannot be opened or closed`);
    }
    const openable = openableType && entry.openable !== false;
    if (entry.open !== undefined && !openable) {
      errors.push(openableType
        ? `receptacles[${r}].open: ${entry.name} is marked "openable": false, so it is neither open nor closed`
        : `receptacles[${r}].open: a ${type} cannot be opened or closed`);
    }
    receptacles.push({
      name: entry.name, type, openable, isOpen: openable && entry.open === true,
      ...(entry.place !== undefined ? { place: entry.place } : {}),
    });
    (entry.contents ?? []).forEach((item, c) => {
      const flags = typeof item === 'string' ? { name: item } : item;
      const [objectType] = splitInstanceName(flags.name);
      const where = `receptacles[${r}].contents[${c}]`;
      if (!OBJECT_TYPES.has(objectType)) errors.push(`${where}: unknown object type "${objectType}"`);
      if (objectNames.has(flags.name)) errors.push(`${where}: duplicate object "${flags.name}"`);
      objectNames.add(flags.name);
      objects.push({
        name: flags.name, type: objectType, location: r,
        isHot: flags.isHot === true, isCool: flags.isCool === true, isClean: flags.isClean === true, isToggled: flags.isToggled === true,
      });
    });
  });

  const { task } = scene;
  const taskType = task.type as TaskType;
  const presentReceptacleTypes = new Set(receptacles.map((r) => r.type));
  const count = (type: string) => objects.filter((o) => o.type === type).length;
  if (!PICKUPABLE_TYPES.has(task.object)) {
    errors.push(`task.object: unknown or not pickupable object type "${task.object}"`);
  } else if (count(task.object) < (taskType === 'pick_two_obj_and_place' ? 2 : 1)) {
    errors.push(`task.object: the scene holds too few "${task.object}" objects for ${taskType}`);
  }
  const needs: Partial<Record<TaskType, [ReadonlySet<string>, string]>> = {
    pick_heat_then_place_in_recep: [HEATABLE, 'heatable'],
    pick_cool_then_place_in_recep: [COOLABLE, 'coolable'],
    pick_clean_then_place_in_recep: [CLEANABLE, 'cleanable'],
  };
  const need = needs[taskType];
  if (need && PICKUPABLE_TYPES.has(task.object) && !need[0].has(task.object)) errors.push(`task.object: "${task.object}" is not ${need[1]}`);
  const appliance = APPLIANCE_FOR[taskType];
  if (appliance && !presentReceptacleTypes.has(appliance)) errors.push(`task.type: ${taskType} needs a ${appliance} in the scene`);

  if (taskType === 'look_at_obj_in_light') {
    if (task.receptacle !== undefined) errors.push('task.receptacle: look_at_obj_in_light takes a lamp, not a receptacle');
    if (task.lamp === undefined || !LAMP_TYPES.includes(task.lamp)) errors.push(`task.lamp: expected one of ${LAMP_TYPES.join(', ')}`);
    else if (count(task.lamp) === 0) errors.push(`task.lamp: the scene has no ${task.lamp}`);
  } else {
    if (task.lamp !== undefined) errors.push(`task.lamp: only look_at_obj_in_light uses a lamp`);
    if (task.receptacle === undefined) errors.push(`task.receptacle: required for ${taskType}`);
    else if (!RECEPTACLE_TYPES.has(task.receptacle)) errors.push(`task.receptacle: unknown receptacle type "${task.receptacle}"`);
    else if (!presentReceptacleTypes.has(task.receptacle)) errors.push(`task.receptacle: the scene has no ${task.receptacle}`);
    else if (!CAN_CONTAIN[task.receptacle].has(task.object)) errors.push(`task.receptacle: a ${task.receptacle} cannot hold ${task.object}`);
  }
  if (errors.length > 0) return { ok: false, errors };

  // Receptacles and objects are kept in name order; object locations follow the receptacles' new order.
  const order = receptacles.map((_, i) => i).sort((a, b) => compareInstanceNames(receptacles[a].name, receptacles[b].name));
  const newIndex = new Map(order.map((oldIndex, newI) => [oldIndex, newI]));
  const game: AlfworldGame = {
    roomType: (scene.roomType ?? 'kitchen') as AlfworldGame['roomType'],
    initial: {
      receptacles: order.map((i) => receptacles[i]),
      objects: objects.map((o) => ({ ...o, location: newIndex.get(o.location) ?? o.location })).sort((a, b) => compareInstanceNames(a.name, b.name)),
      agentAt: MIDDLE_OF_ROOM,
      held: -1,
    },
    task: {
      type: taskType,
      objectType: task.object,
      ...(task.receptacle !== undefined ? { receptacleType: task.receptacle } : {}),
      ...(task.lamp !== undefined ? { lampType: task.lamp } : {}),
      description: scene.goal !== undefined ? bareGoal(scene.goal) : goalDescription(taskType, task.variant ?? 0, task.object, task.receptacle, task.lamp),
    },
    stepLimit: scene.stepLimit ?? DEFAULT_STEP_LIMIT,
  };
  if (isGoalMet(game.initial, game.task)) return { ok: false, errors: ['task: the goal already holds at the start'] };
  return { ok: true, game };
}
