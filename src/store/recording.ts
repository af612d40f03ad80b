/**
 * A recorded run: what `npm run cli -- record` writes to `public/recordings/<env>.json` and the page
 * shows before anything trains (and what a user can import to view a run again). One or two lanes,
 * each with its configuration, one metrics object per iteration, the per-step records of the last few
 * iterations and the full trajectories of the last one (for the inspector).
 */
import { z } from 'zod';
import type { TrainConfig } from '../train/config';
import type { Trajectory } from '../train/rollout';
import type { Metrics, StepView } from '../train/trainer';
import type { TrajectorySummary } from '../worker/protocol';

/** The `format` tag of a recording file. */
export const RECORDING_FORMAT = 'empg-playground-recording';
/** The version of the recording format. */
export const RECORDING_VERSION = 1;

/** One iteration's per-step records, as the run store keeps them. */
export interface RecordedIteration {
  iteration: number;
  steps: StepView[];
  trajectories: TrajectorySummary[];
  /** Full trajectories, answered locally when the inspector asks for one (or see `trajectoriesFile`). */
  full?: Trajectory[];
}

/** One lane of a recording. */
export interface RecordedLane {
  /** Short algorithm name, e.g. `grpo+empg`. */
  label: string;
  config: TrainConfig;
  initLabel: string;
  vocabulary: string[];
  parameterCount: number;
  history: Metrics[];
  recent: RecordedIteration[];
}

/** A whole recording file. */
export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: number;
  /** How it was made (the command line), for people. */
  command: string;
  backend: string;
  lanes: RecordedLane[];
  /**
   * A second file, next to this one, with the full trajectories of each lane's last iteration: fetched
   * only when the inspector opens one, so the first paint loads just the curves and step records.
   */
  trajectoriesFile?: string;
}

/** The full trajectories of a recording, kept in their own file (see `Recording.trajectoriesFile`). */
export interface RecordedTrajectories {
  format: typeof RECORDING_TRAJECTORIES_FORMAT;
  /** Per lane: the iteration and its trajectories. */
  lanes: { iteration: number; trajectories: Trajectory[] }[];
}

/** The `format` tag of a recording's trajectory file. */
export const RECORDING_TRAJECTORIES_FORMAT = 'empg-playground-recording-trajectories';

const metricsSchema = z.record(z.string(), z.number());
const stepSchema = z.object({
  traj: z.number(), t: z.number(), group: z.number(), success: z.boolean(), action: z.string(),
  tokens: z.array(z.number()), tokenEntropies: z.array(z.number()), entropy: z.number(), normalized: z.number(),
  g: z.number(), bonus: z.number(), outcomeAdvantage: z.number(), finalAdvantage: z.number(),
  logitNorm: z.number(), paramNorm: z.number().nullable(),
});
const summarySchema = z.object({
  id: z.number(), group: z.number(), task: z.string(), won: z.boolean(), reward: z.number(), length: z.number(),
});
const laneSchema = z.object({
  label: z.string(),
  config: z.record(z.string(), z.unknown()),
  initLabel: z.string(),
  vocabulary: z.array(z.string()),
  parameterCount: z.number(),
  history: z.array(metricsSchema),
  recent: z.array(z.object({
    iteration: z.number(),
    steps: z.array(stepSchema),
    trajectories: z.array(summarySchema),
    full: z.array(z.record(z.string(), z.unknown())).optional(),
  })),
});
const recordingSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  command: z.string(),
  backend: z.string(),
  lanes: z.array(laneSchema).min(1).max(2),
  trajectoriesFile: z.string().regex(/^[\w.-]+\.json$/).optional(),
});

/** Validates a recording's trajectory file (its inner fields are the trainer's own); null if it is not one. */
export function parseRecordedTrajectories(json: unknown): RecordedTrajectories | null {
  const schema = z.object({
    format: z.literal(RECORDING_TRAJECTORIES_FORMAT),
    lanes: z.array(z.object({ iteration: z.number(), trajectories: z.array(z.object({ id: z.number(), steps: z.array(z.record(z.string(), z.unknown())) })) })),
  });
  return schema.safeParse(json).success ? json as RecordedTrajectories : null;
}

/** Validates a parsed recording file; errors name the field. */
export function parseRecording(json: unknown): { ok: true; recording: Recording } | { ok: false; errors: string[] } {
  const result = recordingSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) };
  // The trajectories and the config were checked for shape above; their inner fields are the trainer's own.
  return { ok: true, recording: result.data as unknown as Recording };
}
