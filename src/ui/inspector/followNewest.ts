/**
 * The inspector's default selection: the first rollout of the newest iteration of the lane that runs
 * EMPG (lane 0 when none does), followed iteration by iteration until the user pins a step of their own.
 * A pinned step stays until it is unpinned or its iteration is no longer kept on the page.
 */
import type { LaneView, StepSelection } from '../../store/runStore';

/** The lane the inspector opens on: the first one that runs EMPG, else lane 0. */
export function defaultLane(lanes: readonly LaneView[]): number {
  const withEmpg = lanes.findIndex((lane) => lane.status !== null && lane.status.config.empg !== 'off');
  return withEmpg >= 0 ? withEmpg : 0;
}

/** Whether a selection's iteration is still kept on the page (its records can be shown). */
export function isKept(lanes: readonly LaneView[], selection: StepSelection): boolean {
  const record = lanes[selection.lane]?.recent.find((r) => r.iteration === selection.iteration);
  return record !== undefined && record.trajectories.some((t) => t.id === selection.traj);
}

/**
 * The selection the inspector should move to, or null to stay: nothing moves while a kept step is
 * pinned; otherwise the newest iteration's first rollout, step 1, of the default lane.
 */
export function followTarget(lanes: readonly LaneView[], selection: StepSelection | null, pinned: boolean): StepSelection | null {
  if (selection && pinned && isKept(lanes, selection)) return null;
  const lane = defaultLane(lanes);
  const newest = lanes[lane]?.recent.at(-1);
  const first = newest?.trajectories[0];
  if (!newest || !first) return null;
  if (selection && selection.lane === lane && selection.iteration === newest.iteration && isKept(lanes, selection)) return null;
  return { lane, iteration: newest.iteration, traj: first.id, t: 0 };
}
