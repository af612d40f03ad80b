/**
 * Messages between the page and the import worker, which reads files off the main thread (so a
 * 200 MB file never freezes the page), analyses them and sends back a page lane plus its tables.
 */
import type { ImportFormat, ImportProblem, StepMeta } from '../../import';
import type { StepView } from '../../train/trainer';
import type { TrajectorySummary } from '../../worker/protocol';
import type { ImportedLane, ImportedStepExtras, ImportEmpgSettings } from './toRecording';

/**
 * Page → import worker: read these files as one run, shown as lane `lane`; or write the kept steps of
 * the run last read for a lane in the step format (answered with a Blob).
 */
export type ImportRequest =
  | { type: 'import'; id: number; files: File[]; empg: ImportEmpgSettings; lane: number }
  | { type: 'export'; id: number; lane: number; meta: Record<string, unknown> };

/** One sample of a prompt's group, for the group and comparison views. */
export interface GroupSample {
  traj: number;
  trajId: string;
  reward: number;
  /** The file's advantage of the trajectory's first step (null: the file has none). */
  fileAdvantage: number | null;
  grpo: number;
  /** EMPG's final advantage averaged over the trajectory's steps (null without entropies). */
  empgMean: number | null;
  /** Mean step entropy (null without entropies). */
  entropy: number | null;
  steps: number;
  /** The last step's text, shortened. */
  response: string;
}

/** All samples of one prompt (group) in one training step. */
export interface GroupTable {
  trainStep: number;
  groupId: string;
  samples: GroupSample[];
}

/** What the import read, for the report under the progress bar. */
export interface ImportReport {
  name: string;
  format: ImportFormat | null;
  meta: StepMeta | null;
  bytes: number;
  lines: number;
  skipped: number;
  duplicates: number;
  problems: ImportProblem[];
  /** Steps counted in the charts but not kept for the step views (older training steps, the per-step cap). */
  notKept: number;
  trainSteps: number;
  keptTrainSteps: number[];
  notes: string[];
  seconds: number;
}

/**
 * Import worker → page. A finished import arrives in `part`s of at most PART_STEPS steps of a kept
 * training step (each its own small message, so no single message takes long to receive), then `done`
 * with the lane's history.
 */
export type ImportReply =
  | { type: 'progress'; id: number; read: number; total: number }
  | { type: 'part'; id: number; iteration: number; steps: StepView[]; trajectories: TrajectorySummary[]; extras: Record<string, ImportedStepExtras> }
  | { type: 'done'; id: number; imported: ImportedLane; report: ImportReport; groups: GroupTable[]; exportableSteps: number }
  | { type: 'exported'; id: number; blob: Blob }
  | { type: 'error'; id: number; message: string };

/** The most steps one `part` message carries. */
export const PART_STEPS = 48;
