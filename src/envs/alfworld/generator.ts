/**
 * Seeded world generator (reference/envs.md §4.1): picks a task type, a room type it may appear in, the
 * goal object and receptacle types, builds the receptacles, places the goal objects (often hidden in a
 * closed container, often duplicated), a lamp, and distractors. Worlds that are already solved, that the
 * oracle cannot solve within 60% of the step limit, or whose shortest plan is below the preset's minimum
 * are rejected and redrawn.
 *
 * The same seed and preset always give the same game, so group copies of a task are identical worlds.
 */
import { createRng, type Rng } from '../../core/prng';
import {
  canContain, CLEANABLE, COOLABLE, HEATABLE, LAMP_SURFACES, OPENABLE_RECEPTACLES, ROOM_SPECS, type RoomType,
} from './catalog';
import { oraclePlan } from './oracle';
import { getAlfworldPreset, type AlfworldPreset } from './presets';
import { APPLIANCE_FOR, goalDescription, isGoalMet, VALID_ROOMS } from './tasks';
import {
  compareInstanceNames, MIDDLE_OF_ROOM, type AlfworldGame, type AlfworldTask, type Receptacle, type TaskType,
  type WorldObject, type WorldState,
} from './world';

/** Share of the step limit the oracle's plan may use (leaves room for exploration). */
export const MAX_PLAN_SHARE = 0.6;

/** How many redraws before giving up (never reached with the shipped presets). */
const MAX_ATTEMPTS = 200;

/** Generates the game for `seed` under a preset (a name from the registry, or a preset object). */
export function generateTask(seed: number, preset: string | AlfworldPreset = 'standard'): AlfworldGame {
  const settings = typeof preset === 'string' ? getAlfworldPreset(preset) : preset;
  const root = createRng(seed).fork(`alfworld/${settings.name}`);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const game = drawGame(root.fork(attempt), settings);
    if (!game) continue;
    game.seed = seed;
    game.preset = settings.name;
    if (isGoalMet(game.initial, game.task)) continue;
    const plan = oraclePlan(game, { maxDepth: Math.floor(settings.stepLimit * MAX_PLAN_SHARE) });
    if (plan && plan.length >= (settings.minPlanLength ?? 0)) return game;
  }
  throw new Error(`ALFWorld generator: no solvable world for seed ${seed} under preset "${settings.name}"`);
}

/** Object types that a task type can use as its goal object. */
function suitsTask(type: TaskType, objectType: string): boolean {
  if (type === 'pick_heat_then_place_in_recep') return HEATABLE.has(objectType);
  if (type === 'pick_cool_then_place_in_recep') return COOLABLE.has(objectType);
  if (type === 'pick_clean_then_place_in_recep') return CLEANABLE.has(objectType);
  return true;
}

/** One draw of a game; null when the draw is unusable (the caller redraws). */
function drawGame(rng: Rng, preset: AlfworldPreset): AlfworldGame | null {
  const taskType = rng.pick(preset.taskTypes);
  const roomType: RoomType = rng.pick(VALID_ROOMS[taskType]);
  const spec = ROOM_SPECS[roomType];
  const roomReceptacleTypes = spec.receptacles.map((range) => range.type);
  const appliance = APPLIANCE_FOR[taskType];
  const isLook = taskType === 'look_at_obj_in_light';

  const objectType = rng.pick(spec.objects.filter((t) => suitsTask(taskType, t)));
  let receptacleType: string | undefined;
  if (!isLook) {
    const goalTypes = roomReceptacleTypes.filter((t) => t !== appliance && canContain(t, objectType));
    if (goalTypes.length === 0) return null;
    receptacleType = rng.pick(goalTypes);
  }
  const lampType = spec.lamps.length > 0 ? rng.pick(spec.lamps) : undefined;
  const variant = rng.int(2) as 0 | 1;
  const task: AlfworldTask = {
    type: taskType,
    objectType,
    ...(receptacleType ? { receptacleType } : {}),
    ...(isLook ? { lampType } : {}),
    description: goalDescription(taskType, variant, objectType, receptacleType, lampType),
  };

  const essential = [receptacleType, appliance, lampType ? rng.pick(roomReceptacleTypes.filter((t) => LAMP_SURFACES.has(t))) : undefined];
  const receptacles = buildReceptacles(rng, roomType, preset, essential.filter((t): t is string => t !== undefined));
  const state: WorldState = { receptacles, objects: [], agentAt: MIDDLE_OF_ROOM, held: -1 };
  const placements: Array<{ type: string; location: number }> = [];

  // The lamp goes first, so that the goal objects can be kept away from it most of the time.
  let lampAt = -1;
  if (lampType) {
    const surfaces = indicesWhere(receptacles, (r) => LAMP_SURFACES.has(r.type));
    if (surfaces.length === 0) return null;
    lampAt = rng.pick(surfaces);
    placements.push({ type: lampType, location: lampAt });
  }

  // Simple and pick-two goals would be solved at once by a goal object already in a goal receptacle.
  const homes = indicesWhere(receptacles, (r) =>
    canContain(r.type, objectType) && r.type !== appliance && !(r.type === receptacleType && !appliance));
  if (homes.length === 0) return null;
  const awayFromLamp = homes.filter((i) => i !== lampAt);
  const targetHomes = isLook && awayFromLamp.length > 0 && rng.chance(0.7) ? awayFromLamp : homes;
  const closedHomes = targetHomes.filter((i) => receptacles[i].openable && !receptacles[i].isOpen);
  const closedNeeded = taskType === 'pick_two_obj_and_place' && preset.spreadTargets ? 2 : 1;
  if (preset.hideEveryTarget && closedHomes.length < closedNeeded) return null;
  const [minTargets, maxTargets] = preset.targetInstances;
  const targetCount = Math.max(taskType === 'pick_two_obj_and_place' ? 2 : 1, rng.range(minTargets, maxTargets));
  const used: number[] = [];
  for (let k = 0; k < targetCount; k++) {
    const hide = (k === 0 || preset.hideEveryTarget === true) && closedHomes.length > 0 && rng.chance(preset.hiddenTargetChance);
    const pool = hide ? closedHomes : targetHomes;
    const unused = preset.spreadTargets ? pool.filter((i) => !used.includes(i)) : pool;
    const location = rng.pick(unused.length > 0 ? unused : pool);
    used.push(location);
    placements.push({ type: objectType, location });
  }

  const distractorPool = rng.shuffle(spec.objects.filter((t) => t !== objectType));
  const distractorCount = rng.range(preset.distractorTypes[0], preset.distractorTypes[1]);
  for (const type of distractorPool.slice(0, distractorCount)) {
    const places = indicesWhere(receptacles, (r) => canContain(r.type, type));
    if (places.length === 0) continue;
    const instances = rng.range(preset.distractorInstances[0], preset.distractorInstances[1]);
    for (let k = 0; k < instances; k++) placements.push({ type, location: rng.pick(places) });
  }

  state.objects = numberObjects(rng, placements);
  return { roomType, initial: state, task, stepLimit: preset.stepLimit };
}

/** Indices of the receptacles that pass a test. */
function indicesWhere(receptacles: readonly Receptacle[], test: (r: Receptacle) => boolean): number[] {
  const out: number[] = [];
  receptacles.forEach((r, i) => { if (test(r)) out.push(i); });
  return out;
}

/**
 * Draws receptacle counts from the room's ranges, keeps the essential types, trims to the preset's size,
 * and numbers the instances of each type 1..k. Returned sorted by name.
 */
function buildReceptacles(rng: Rng, roomType: RoomType, preset: AlfworldPreset, essential: readonly string[]): Receptacle[] {
  const mandatory: string[] = [...new Set(essential)];
  const optional: string[] = [];
  for (const { type, min, max } of ROOM_SPECS[roomType].receptacles) {
    const count = rng.range(min, max) - (mandatory.includes(type) ? 1 : 0);
    for (let k = 0; k < count; k++) optional.push(type);
  }
  const size = rng.range(preset.receptacles[0], preset.receptacles[1]);
  const kept = [...mandatory, ...rng.shuffle(optional).slice(0, Math.max(0, size - mandatory.length))];
  kept.sort();
  const perType = new Map<string, number>();
  const receptacles = kept.map((type): Receptacle => {
    const number = (perType.get(type) ?? 0) + 1;
    perType.set(type, number);
    const openable = OPENABLE_RECEPTACLES.has(type);
    return { name: `${type} ${number}`, type, openable, isOpen: openable && rng.chance(preset.startOpenChance) };
  });
  return receptacles.sort((a, b) => compareInstanceNames(a.name, b.name));
}

/**
 * Gives each placed object an instance number. Numbers within a type are shuffled, so `apple 1` is not
 * always the goal object or the hidden one.
 */
function numberObjects(rng: Rng, placements: ReadonlyArray<{ type: string; location: number }>): WorldObject[] {
  const byType = new Map<string, number[]>();
  placements.forEach((p, i) => byType.set(p.type, [...(byType.get(p.type) ?? []), i]));
  const names: string[] = new Array(placements.length);
  for (const type of [...byType.keys()].sort()) {
    const members = byType.get(type) ?? [];
    const numbers = rng.shuffle(members.map((_, k) => k + 1));
    members.forEach((placementIndex, k) => { names[placementIndex] = `${type} ${numbers[k]}`; });
  }
  return placements
    .map((p, i): WorldObject => ({
      name: names[i], type: p.type, location: p.location, isHot: false, isCool: false, isClean: false, isToggled: false,
    }))
    .sort((a, b) => compareInstanceNames(a.name, b.name));
}
