/**
 * The saved run: what the page keeps of its live run so that a reload loses no iteration. One record
 * per page (every lane of it), written after each completed iteration:
 *
 * - each lane's settings, where its initial weights came from (a loaded checkpoint file is kept whole),
 *   the trainer's full state (weights, Adam, the random streams, the iteration: src/train/trainerState.ts)
 *   and the gradient norms the divergence check compares against;
 * - the metric history the charts draw (the last MAX_SAVED_HISTORY iterations);
 * - the last iteration's per-step records and trajectory summaries (the batch views), and its full
 *   trajectories for the inspector when the batch has at most MAX_SAVED_DECISIONS decisions.
 *
 * Not kept: older iterations' batches (the inspector's earlier iterations), the weights of the
 * iteration before (so going back after a divergence right after a resume goes to the resumed
 * weights), and anything of a recording shown in place of the live run. Pure data and its schema; the
 * storage itself is src/persist/runDatabase.ts.
 */
import { z } from 'zod';
import { algorithmLabel, parseTrainConfig, type TrainConfig } from '../train/config';
import type { Trajectory } from '../train/rollout';
import type { Metrics, StepView } from '../train/trainer';
import { trainerStateSchema, type TrainerState } from '../train/trainerState';

/** The format tag and version this code writes and reads. */
export const SAVED_RUN_FORMAT = 'empg-playground-saved-run';
export const SAVED_RUN_VERSION = 1;
/** Iterations of metric history kept per lane (the oldest are dropped beyond it). */
export const MAX_SAVED_HISTORY = 5_000;
/** The last iteration's full trajectories are kept when it has at most this many decisions (about 10 kB each). */
export const MAX_SAVED_DECISIONS = 500;

/** A short description of one trajectory (the inspector's list). */
export interface SavedTrajectorySummary {
  id: number;
  group: number;
  task: string;
  won: boolean;
  reward: number;
  length: number;
}

/** One lane as saved. */
export interface SavedLane {
  config: TrainConfig;
  /** Where the initial weights came from, as the page asked and as it was built. */
  init: 'base' | 'scratch' | 'loaded';
  requestedInit: 'base' | 'scratch' | 'loaded';
  initLabel: string;
  /** The loaded checkpoint file (parsed JSON, checked again on resume) when `init` is `loaded`. */
  loaded: { checkpoint: unknown; name: string } | null;
  state: TrainerState;
  /** The gradient norms of the divergence check's running median. */
  healthNorms: number[];
  /** One entry per iteration, oldest first (at most MAX_SAVED_HISTORY). */
  history: Metrics[];
  /** The last iteration's batch. */
  latest: {
    iteration: number;
    metrics: Metrics;
    steps: StepView[];
    trajectories: SavedTrajectorySummary[];
    /** The full trajectories, or null when the batch was too large to keep them. */
    full: Trajectory[] | null;
  } | null;
}

/** The whole saved record. */
export interface SavedRun {
  format: typeof SAVED_RUN_FORMAT;
  version: typeof SAVED_RUN_VERSION;
  /** ISO time of the write. */
  savedAt: string;
  lanes: SavedLane[];
}

const finite = z.number().finite();
const initSchema = z.enum(['base', 'scratch', 'loaded']);
const stepViewSchema = z.object({
  traj: z.number().int(), t: z.number().int(), group: z.number().int(), success: z.boolean(), action: z.string(),
  tokens: z.array(z.number().int()), tokenEntropies: z.array(z.number()),
  entropy: z.number(), normalized: z.number(), g: z.number(), bonus: z.number(),
  outcomeAdvantage: z.number(), finalAdvantage: z.number(), logitNorm: z.number(), paramNorm: z.number().nullable(),
});
const summarySchema = z.object({
  id: z.number().int(), group: z.number().int(), task: z.string(), won: z.boolean(), reward: z.number(), length: z.number().int(),
});
const trajectorySchema = z.object({
  id: z.number().int(), group: z.number().int(), taskSeed: z.number().int(), task: z.string(), won: z.boolean(),
  reward: z.number(), score: z.number(), truncated: z.boolean(),
  steps: z.array(z.object({ t: z.number().int(), action: z.string(), observation: z.string(), tokens: z.array(z.number().int()) }).loose()),
});
const metricsSchema = z.record(z.string(), z.number()).refine((m) => Number.isInteger(m.iteration), 'each entry needs its iteration');

const laneSchema = z.object({
  config: z.unknown(),
  init: initSchema,
  requestedInit: initSchema,
  initLabel: z.string(),
  loaded: z.object({ checkpoint: z.unknown(), name: z.string() }).nullable(),
  state: trainerStateSchema,
  healthNorms: z.array(finite),
  history: z.array(metricsSchema).max(MAX_SAVED_HISTORY),
  latest: z.object({
    iteration: z.number().int().min(1),
    metrics: metricsSchema,
    steps: z.array(stepViewSchema),
    trajectories: z.array(summarySchema),
    full: z.array(trajectorySchema).nullable(),
  }).nullable(),
});

const savedRunSchema = z.object({
  format: z.literal(SAVED_RUN_FORMAT),
  version: z.number(),
  savedAt: z.string(),
  lanes: z.array(z.unknown()).min(1).max(2),
});

/**
 * Reads a saved record; errors say in plain words what is wrong (another version, a broken field), so
 * the page can explain why the run cannot be resumed.
 */
export function parseSavedRun(json: unknown): { ok: true; run: SavedRun } | { ok: false; error: string } {
  const top = savedRunSchema.safeParse(json);
  if (!top.success) return { ok: false, error: `it is not a saved run of this page (${issue(top.error)})` };
  if (top.data.version !== SAVED_RUN_VERSION) {
    return { ok: false, error: `it was saved by another version of the page (format ${top.data.version}, this page reads ${SAVED_RUN_VERSION})` };
  }
  const lanes: SavedLane[] = [];
  for (const [index, raw] of top.data.lanes.entries()) {
    const lane = laneSchema.safeParse(raw);
    if (!lane.success) return { ok: false, error: `lane ${index}: ${issue(lane.error)}` };
    const config = parseTrainConfig(lane.data.config);
    if (!config.ok) return { ok: false, error: `lane ${index}: settings ${config.errors[0]}` };
    const iteration = lane.data.state.iteration;
    if (lane.data.latest && lane.data.latest.iteration !== iteration) {
      return { ok: false, error: `lane ${index}: the last batch is of iteration ${lane.data.latest.iteration}, the weights of iteration ${iteration}` };
    }
    lanes.push({ ...lane.data, config: config.config } as SavedLane);
  }
  return { ok: true, run: { format: SAVED_RUN_FORMAT, version: SAVED_RUN_VERSION, savedAt: top.data.savedAt, lanes } };
}

function issue(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'record'}: ${first.message}` : 'unreadable';
}

/** The history to keep: the last MAX_SAVED_HISTORY entries. */
export function boundedHistory(history: readonly Metrics[]): Metrics[] {
  return history.slice(-MAX_SAVED_HISTORY);
}

/** The iteration a saved run stands at (its first lane's). */
export function savedIteration(run: Pick<SavedRun, 'lanes'>): number {
  return run.lanes[0]?.state.iteration ?? 0;
}

/** What a saved run is, in words: "iteration 12 · ALFWorld tiny · grpo+empg · seed 1, B 4 × G 4". */
export function describeSavedRun(run: Pick<SavedRun, 'lanes'>): string {
  const [first] = run.lanes;
  if (!first) return '';
  const c = first.config;
  const algorithms = run.lanes.map((lane) => algorithmLabel(lane.config)).join(' vs ');
  return `iteration ${first.state.iteration} · ${c.env}/${c.preset} · ${algorithms} · seed ${c.seed}, B ${c.tasksPerIteration} × G ${c.groupSize}, lr ${c.lr}`;
}
