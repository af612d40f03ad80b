/**
 * What the inspector and the policy column show: the selected step, its trajectory's records from the
 * kept iterations (available at once) and, once the worker has sent it, the full trajectory with
 * observations, prompts and top-5 alternatives. Also the moves the keyboard and buttons make.
 */
import { useMemo } from 'react';
import { useRun, type IterationRecord, type StepSelection } from '../../store/runStore';
import { useDeferredRun } from '../deferredRun';
import type { StepData } from '../../train/rollout';
import type { StepView } from '../../train/trainer';
import type { TrajectorySummary } from '../../worker/protocol';

/** Everything known about the selected step. */
export interface Inspected {
  selection: StepSelection;
  record: IterationRecord;
  summary: TrajectorySummary;
  /** The trajectory's steps (records kept on the page), in order. */
  steps: StepView[];
  /** The selected step's record. */
  step: StepView;
  /** The full step from the worker, or null while it is on its way. */
  data: StepData | null;
  vocabulary: string[];
}

const NO_WORDS: string[] = [];

/**
 * The selected step, or null when nothing (still kept) is selected. Read from the deferred run
 * (deferredRun.tsx), and the same object until the selection, its iteration, the fetched trajectory or
 * the vocabulary change.
 */
export function useInspected(): Inspected | null {
  const selection = useDeferredRun((s) => s.selection);
  const record = useDeferredRun((s) => (s.selection ? s.lanes[s.selection.lane]?.recent.find((r) => r.iteration === s.selection!.iteration) : undefined));
  const detail = useDeferredRun((s) => s.detail);
  const vocabulary = useDeferredRun((s) => s.lanes[s.selection?.lane ?? 0]?.status?.vocabulary) ?? NO_WORDS;
  return useMemo(() => {
    if (!selection || !record) return null;
    const summary = record.trajectories.find((t) => t.id === selection.traj);
    const steps = record.steps.filter((s) => s.traj === selection.traj).sort((a, b) => a.t - b.t);
    const step = steps.find((s) => s.t === selection.t);
    if (!summary || !step) return null;
    const matches = detail && detail.lane === selection.lane && detail.iteration === selection.iteration && detail.trajectory.id === selection.traj;
    const data = matches ? detail.trajectory.steps.find((s) => s.t === selection.t) ?? null : null;
    return { selection, record, summary, steps, step, data, vocabulary };
  }, [selection, record, detail, vocabulary]);
}

/** Moves the selection `delta` steps within its trajectory (clamped). */
export function moveStep(delta: number): void {
  const { selection, lanes, select } = useRun.getState();
  if (!selection) return;
  const record = lanes[selection.lane]?.recent.find((r) => r.iteration === selection.iteration);
  const length = record?.trajectories.find((t) => t.id === selection.traj)?.length ?? 0;
  const t = Math.max(0, Math.min(length - 1, selection.t + delta));
  if (t !== selection.t) select({ ...selection, t });
}

/** Selects another trajectory of the same iteration, at the same step when it is that long. */
export function selectTrajectory(traj: TrajectorySummary): void {
  const { selection, select } = useRun.getState();
  if (!selection) return;
  select({ ...selection, traj: traj.id, t: Math.min(selection.t, traj.length - 1) });
}

/** The text of a token id ("<eos>" etc. for special tokens). */
export function tokenText(vocabulary: readonly string[], id: number): string {
  return vocabulary[id] ?? `#${id}`;
}
