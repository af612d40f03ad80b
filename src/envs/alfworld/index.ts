/**
 * ALFWorld-lite: a seeded, deterministic, small version of the ALFWorld text environment
 * (reference/envs.md §1 and §4.1). This is the module's public API.
 */
export { AlfworldEnv, DEFAULT_STEP_LIMIT } from './env';
export { generateTask, MAX_PLAN_SHARE } from './generator';
export { oraclePlan, exhaustivePlan, progressSteps, type PlanLengthMemo, type PlanOptions } from './oracle';
export { playRandomEpisode, type TranscriptStep } from './random-policy';
export { ObservingDemonstrator, demonstrate, type DemonstratorOptions } from './demonstrator';
export { parseScene, sceneSchema, type Scene, type SceneParseResult } from './scene';
export { ALFWORLD_PRESETS, ALFWORLD_PRESET_NAMES, getAlfworldPreset, type AlfworldPreset } from './presets';
export { TASK_TYPES, GOAL_TEMPLATES, VALID_ROOMS, isGoalMet } from './tasks';
export { verlAgentPrompt, renderAdmissible, wordCount } from './prompt';
export { NOTHING_HAPPENS, WELCOME_BANNER } from './text';
export { normalizeAction } from './rules';
export { ROOM_TYPES, type RoomType } from './catalog';
export type { AlfworldGame, AlfworldTask, TaskType, WorldState, Receptacle, WorldObject } from './world';
