/**
 * Messages between the page and the import worker, which reads files off the main thread (so a
 * 200 MB file never freezes the page), analyses them and sends back a page lane plus its tables.
 */
import type { ImportFormat, ImportProblem, StepMeta } from '../../import';
import type { ImportedLane, ImportEmpgSettings } from './toRecording';

/** Page → import worker: read these files as one run, shown as lane `lane`. */
export interface ImportRequest {
  type: 'import';
  id: number;
  files: File[];
  empg: ImportEmpgSettings;
  lane: number;
}

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

/** Import worker → page. */
export type ImportReply =
  | { type: 'progress'; id: number; read: number; total: number }
  | { type: 'done'; id: number; imported: ImportedLane; report: ImportReport; groups: GroupTable[]; steps: string[] }
  | { type: 'error'; id: number; message: string };
