/**
 * The six ALFWorld task types: their goal templates, the room types they may appear in, and the goal
 * conditions, checked on types rather than instances (reference/envs.md §1.1).
 */
import type { RoomType } from './catalog';
import { HELD, samePlace, type AlfworldTask, type TaskType, type WorldState } from './world';

/** All task types in the order of their ids 1–6. */
export const TASK_TYPES: readonly TaskType[] = [
  'pick_and_place_simple',
  'look_at_obj_in_light',
  'pick_clean_then_place_in_recep',
  'pick_heat_then_place_in_recep',
  'pick_cool_then_place_in_recep',
  'pick_two_obj_and_place',
];

/** The two goal templates per task type (`goal_library.py`); `{obj}`, `{recep}`, `{toggle}` are filled in. */
export const GOAL_TEMPLATES: Readonly<Record<TaskType, readonly [string, string]>> = {
  pick_and_place_simple: ['put a {obj} in {recep}', 'put some {obj} on {recep}'],
  look_at_obj_in_light: ['look at {obj} under the {toggle}', 'examine the {obj} with the {toggle}'],
  pick_clean_then_place_in_recep: ['put a clean {obj} in {recep}', 'clean some {obj} and put it in {recep}'],
  pick_heat_then_place_in_recep: ['put a hot {obj} in {recep}', 'heat some {obj} and put it in {recep}'],
  pick_cool_then_place_in_recep: ['put a cool {obj} in {recep}', 'cool some {obj} and put it in {recep}'],
  pick_two_obj_and_place: ['put two {obj} in {recep}', 'find two {obj} and put them in {recep}'],
};

/** Room types each task type may be set in (`GOALS_VALID`). */
export const VALID_ROOMS: Readonly<Record<TaskType, readonly RoomType[]>> = {
  pick_and_place_simple: ['kitchen', 'livingroom', 'bathroom', 'bedroom'],
  look_at_obj_in_light: ['livingroom', 'bedroom'],
  pick_clean_then_place_in_recep: ['kitchen', 'bathroom'],
  pick_heat_then_place_in_recep: ['kitchen'],
  pick_cool_then_place_in_recep: ['kitchen'],
  pick_two_obj_and_place: ['kitchen', 'livingroom', 'bathroom', 'bedroom'],
};

/** The appliance a task type needs, if any: clean → sinkbasin, heat → microwave, cool → fridge. */
export const APPLIANCE_FOR: Readonly<Partial<Record<TaskType, string>>> = {
  pick_clean_then_place_in_recep: 'sinkbasin',
  pick_heat_then_place_in_recep: 'microwave',
  pick_cool_then_place_in_recep: 'fridge',
};

/** Fills a goal template. */
export function goalDescription(type: TaskType, variant: 0 | 1, objectType: string, receptacleType?: string, lampType?: string): string {
  return GOAL_TEMPLATES[type][variant]
    .replace('{obj}', objectType)
    .replace('{recep}', receptacleType ?? '')
    .replace('{toggle}', lampType ?? '');
}

/** Whether the object at `objectIndex` has the state the task asks for (hot, cool, clean, or nothing). */
function hasRequiredState(state: WorldState, task: AlfworldTask, objectIndex: number): boolean {
  const object = state.objects[objectIndex];
  switch (task.type) {
    case 'pick_clean_then_place_in_recep':
      return object.isClean;
    case 'pick_heat_then_place_in_recep':
      return object.isHot;
    case 'pick_cool_then_place_in_recep':
      return object.isCool;
    default:
      return true;
  }
}

/** Whether the goal holds in `state` (§1.1 semantics: types, not instances; pick-two needs one receptacle). */
export function isGoalMet(state: WorldState, task: AlfworldTask): boolean {
  if (task.type === 'look_at_obj_in_light') {
    if (state.held === -1 || state.objects[state.held].type !== task.objectType) return false;
    if (state.agentAt < 0) return false;
    return state.objects.some((o) => o.type === task.lampType && o.isToggled && o.location !== HELD && samePlace(state, o.location, state.agentAt));
  }
  const countPerReceptacle = new Map<number, number>();
  for (let i = 0; i < state.objects.length; i++) {
    const object = state.objects[i];
    if (object.type !== task.objectType || object.location === HELD) continue;
    if (state.receptacles[object.location].type !== task.receptacleType) continue;
    if (!hasRequiredState(state, task, i)) continue;
    const count = (countPerReceptacle.get(object.location) ?? 0) + 1;
    countPerReceptacle.set(object.location, count);
    if (count >= (task.type === 'pick_two_obj_and_place' ? 2 : 1)) return true;
  }
  return false;
}
