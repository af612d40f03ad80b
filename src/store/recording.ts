/**
 * A recorded run: what `npm run cli -- record` writes to `public/recordings/<env>.json` and the page
 * shows before anything trains (and what a user can import to view a run again). One or two lanes,
 * each with its configuration, one metrics object per iteration, the per-step records of the last few
 * iterations and the full trajectories of the last one (for the inspector).
 */
import { z } from 'zod';
import { trainConfigSchema, type TrainConfig } from '../train/config';
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
  /** Builds one full trajectory when the inspector asks for it (an import's iterations, never in a file). */
  trajectory?: (id: number) => Trajectory | undefined;
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
const tokenId = z.number().int().min(0);
const stepSchema = z.object({
  traj: z.number().int().min(0), t: z.number().int().min(0), group: z.number().int().min(0), success: z.boolean(), action: z.string(),
  tokens: z.array(tokenId), tokenEntropies: z.array(z.number()), entropy: z.number(), normalized: z.number(),
  g: z.number(), bonus: z.number(), outcomeAdvantage: z.number(), finalAdvantage: z.number(),
  logitNorm: z.number(), paramNorm: z.number().nullable(),
});
const summarySchema = z.object({
  id: z.number().int().min(0), group: z.number().int().min(0), task: z.string(), won: z.boolean(), reward: z.number(), length: z.number().int().min(0),
});
/** One step of a full trajectory: every field the inspector reads (src/train/rollout.ts `StepData`). */
const stepDataSchema = z.object({
  t: z.number().int().min(0),
  observation: z.string(),
  admissibleCount: z.number().int().min(0),
  prompt: z.array(tokenId),
  tokens: z.array(tokenId),
  allowed: z.array(z.array(tokenId).nullable()),
  logProbs: z.array(z.number()),
  tokenEntropies: z.array(z.number()),
  scoreNorms: z.array(z.number()),
  top: z.array(z.array(z.object({ token: tokenId, p: z.number() }))),
  action: z.string(),
  valid: z.boolean(),
  nextObservation: z.string(),
}).refine((s) => [s.logProbs, s.tokenEntropies, s.scoreNorms, s.top].every((a) => a.length === s.tokens.length), {
  message: 'logProbs, tokenEntropies, scoreNorms and top need one entry per token',
});
/** A full trajectory (src/train/rollout.ts `Trajectory`). */
const trajectorySchema = z.object({
  id: z.number().int().min(0), group: z.number().int().min(0), taskSeed: z.number(), task: z.string(),
  steps: z.array(stepDataSchema), won: z.boolean(), reward: z.number(), score: z.number(), truncated: z.boolean(),
});
const laneSchema = z.object({
  label: z.string(),
  config: trainConfigSchema,
  initLabel: z.string(),
  vocabulary: z.array(z.string()),
  parameterCount: z.number(),
  history: z.array(metricsSchema),
  recent: z.array(z.object({
    iteration: z.number(),
    steps: z.array(stepSchema),
    trajectories: z.array(summarySchema),
    full: z.array(trajectorySchema).optional(),
  })),
}).superRefine((lane, ctx) => {
  // Token ids are shown as words: every one must be in the lane's vocabulary.
  const size = lane.vocabulary.length;
  lane.recent.forEach((r, i) => {
    const ids = [...r.steps.flatMap((s) => s.tokens), ...(r.full ?? []).flatMap((t) => t.steps.flatMap((s) => [...s.tokens, ...s.prompt]))];
    const bad = ids.find((id) => id >= size);
    if (bad !== undefined) ctx.addIssue({ code: 'custom', path: ['recent', i], message: `token id ${bad} is outside the vocabulary of ${size} words` });
  });
});
const recordingSchema = z.object({
  format: z.literal(RECORDING_FORMAT),
  version: z.literal(RECORDING_VERSION),
  command: z.string(),
  backend: z.string(),
  lanes: z.array(laneSchema).min(1).max(2),
  trajectoriesFile: z.string().regex(/^[\w.-]+\.json$/).optional(),
});
const trajectoriesFileSchema = z.object({
  format: z.literal(RECORDING_TRAJECTORIES_FORMAT),
  lanes: z.array(z.object({ iteration: z.number(), trajectories: z.array(trajectorySchema) })),
});

/** Validates a recording's trajectory file, down to every field the inspector reads; null if it is not one. */
export function parseRecordedTrajectories(json: unknown): RecordedTrajectories | null {
  const result = trajectoriesFileSchema.safeParse(json);
  return result.success ? result.data as RecordedTrajectories : null;
}

/** Validates a parsed recording file; errors name the field. */
export function parseRecording(json: unknown): { ok: true; recording: Recording } | { ok: false; errors: string[] } {
  const result = recordingSchema.safeParse(json);
  if (!result.success) return { ok: false, errors: result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) };
  return { ok: true, recording: result.data as Recording };
}
