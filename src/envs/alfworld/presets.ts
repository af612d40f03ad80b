/**
 * Difficulty presets of ALFWorld-lite, from a toy room to something close to the real benchmark
 * (reference/envs.md §4.1). Measured statistics for each are in docs/ALFWORLD.md.
 */
import { TASK_TYPES } from './tasks';
import type { TaskType } from './world';

/** The knobs of the world generator. Ranges are inclusive `[min, max]`. */
export interface AlfworldPreset {
  /** Registry key, e.g. `standard`. */
  name: string;
  /** One line for people choosing a preset. */
  description: string;
  /** Task types drawn uniformly. */
  taskTypes: readonly TaskType[];
  /** Receptacle instances in the room. */
  receptacles: readonly [number, number];
  /** Instances of the goal object type (pick-two always gets at least 2). */
  targetInstances: readonly [number, number];
  /** Other object types placed in the room as distractors. */
  distractorTypes: readonly [number, number];
  /** Instances per distractor type (the real generator places at most 3). */
  distractorInstances: readonly [number, number];
  /** Probability that one goal object is placed inside an openable (closed) receptacle. */
  hiddenTargetChance: number;
  /** Probability that an openable receptacle starts open (the real games start them closed). */
  startOpenChance: number;
  /** Steps before truncation. */
  stepLimit: number;
  /**
   * Every goal-object instance (not only the first) is hidden with `hiddenTargetChance`, and a draw with no
   * closed receptacle that can hold the goal object (two, for pick-two with `spreadTargets`) is redrawn.
   * Default false.
   */
  hideEveryTarget?: boolean;
  /** Goal-object instances go to different receptacles while there are unused ones. Default false. */
  spreadTargets?: boolean;
  /** Worlds whose shortest plan is shorter are redrawn. Default 0 (no minimum). */
  minPlanLength?: number;
}

/** The presets by name, easiest first. */
export const ALFWORLD_PRESETS: Readonly<Record<string, AlfworldPreset>> = {
  tiny: {
    name: 'tiny',
    description: 'A few receptacles, one or two goal objects, mostly in plain sight, 25 steps: learnable in minutes.',
    taskTypes: TASK_TYPES,
    receptacles: [3, 4],
    targetInstances: [1, 2],
    distractorTypes: [0, 1],
    distractorInstances: [1, 1],
    hiddenTargetChance: 0.15,
    startOpenChance: 0.5,
    stepLimit: 25,
  },
  small: {
    name: 'small',
    description: 'Six to ten receptacles, some closed, a handful of distractors.',
    taskTypes: TASK_TYPES,
    receptacles: [6, 10],
    targetInstances: [1, 2],
    distractorTypes: [2, 4],
    distractorInstances: [1, 2],
    hiddenTargetChance: 0.5,
    startOpenChance: 0,
    stepLimit: 50,
  },
  standard: {
    name: 'standard',
    description: 'Close to the real benchmark: 12–30 receptacles, closed containers, duplicate instances, distractors.',
    taskTypes: TASK_TYPES,
    receptacles: [12, 30],
    targetInstances: [1, 3],
    distractorTypes: [5, 9],
    distractorInstances: [1, 3],
    hiddenTargetChance: 0.5,
    startOpenChance: 0,
    stepLimit: 50,
  },
  long: {
    name: 'long',
    description: 'Long horizon: 50 steps, 12–16 receptacles, every goal object shut in a closed container (pick-two: '
      + 'two containers); shortest plans of 5–11 steps, searches of 5–27.',
    taskTypes: TASK_TYPES,
    receptacles: [12, 16],
    targetInstances: [1, 2],
    distractorTypes: [3, 5],
    distractorInstances: [1, 2],
    hiddenTargetChance: 1,
    startOpenChance: 0,
    stepLimit: 50,
    hideEveryTarget: true,
    spreadTargets: true,
    minPlanLength: 5,
  },
};

/** Preset names, easiest first. */
export const ALFWORLD_PRESET_NAMES: readonly string[] = Object.keys(ALFWORLD_PRESETS);

/** Looks a preset up by name; throws with the known names for an unknown one. */
export function getAlfworldPreset(name: string): AlfworldPreset {
  const preset = Object.prototype.hasOwnProperty.call(ALFWORLD_PRESETS, name) ? ALFWORLD_PRESETS[name] : undefined;
  if (!preset) throw new Error(`unknown ALFWorld preset "${name}" (known: ${ALFWORLD_PRESET_NAMES.join(', ')})`);
  return preset;
}
