/** The ALFWorld task type of a goal text, read back through the goal templates (for per-type tables). */
import { GOAL_TEMPLATES } from '../envs/alfworld/tasks';

const PATTERNS = Object.entries(GOAL_TEMPLATES).flatMap(([type, templates]) => templates.map((template) => ({
  type,
  pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(obj|recep|toggle)\}/g, '.+')}$`),
})));

/** Short column names of the task types, in the paper's Table 1 order. */
export const TASK_TYPE_COLUMNS: readonly [string, string][] = [
  ['pick_and_place_simple', 'Pick'], ['look_at_obj_in_light', 'Look'], ['pick_clean_then_place_in_recep', 'Clean'],
  ['pick_heat_then_place_in_recep', 'Heat'], ['pick_cool_then_place_in_recep', 'Cool'], ['pick_two_obj_and_place', 'Pick2'],
];

/** The task type whose template the goal text fits, or `other`. */
export function alfworldTaskType(goal: string): string {
  // "put two …" would also fit "put a …"-less templates only; try the more specific templates first.
  const text = goal.trim();
  const hit = PATTERNS.filter((p) => p.pattern.test(text)).sort((a, b) => b.pattern.source.length - a.pattern.source.length)[0];
  return hit?.type ?? 'other';
}
