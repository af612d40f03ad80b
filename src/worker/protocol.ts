/**
 * The typed messages between the page and the training worker. Only plain, structured-clonable data
 * crosses this boundary — never tensors. Every training message carries the run's `generation`, which
 * `reset` increments, so the page can drop anything a stale run still sends.
 */
import type { BackendChoice, BackendRequest } from '../train/backend';
import type { TrainConfig } from '../train/config';
import type { Trajectory } from '../train/rollout';
import type { IterationProgress, Metrics, StepView } from '../train/trainer';
import type { SavedTrajectorySummary } from '../persist/savedRun';

/** Where the initial weights come from: the shipped base checkpoint, a fresh model, or a loaded file. */
export type InitSource = 'base' | 'scratch' | 'loaded';

/**
 * Page → worker. Training messages address a lane: lane 0 always exists; lane 1 exists in compare mode,
 * where both lanes start from the same seed, tasks and initial weights and alternate iterations.
 */
export type ToWorker =
  /**
   * Choose and verify a backend; `baseUrl` is the site's root (for the shipped checkpoints); `requestedBy`
   * says who asked for the backend when it was not the link (e.g. the phone default).
   */
  | { type: 'init'; backend: BackendRequest; baseUrl: string; requestedBy?: string; testHooks?: boolean }
  /**
   * Set the configuration. Settings that keep the model's shape apply to the next iteration; others
   * (environment, preset, model size, seed, initial weights) reset the run.
   */
  | { type: 'configure'; lane: number; config: Partial<TrainConfig>; init?: InitSource }
  /** One lane, or two lanes for a side-by-side comparison (lane 1 starts as a copy of lane 0). */
  | { type: 'setLanes'; count: 1 | 2 }
  /** Train continuously until `pause` (all lanes, alternating). */
  | { type: 'play' }
  | { type: 'pause' }
  /** Run exactly one iteration of every lane. */
  | { type: 'step' }
  /** Back to iteration 0 with the same initial weights (same seed → same start), every lane. */
  | { type: 'reset' }
  /** Start a lane from the weights of a checkpoint file (parsed JSON; validated in the worker). */
  | { type: 'loadCheckpoint'; lane: number; checkpoint: unknown; name: string }
  /** Ask for one trajectory of a recent iteration (answered with `trajectory`). */
  | { type: 'requestTrajectory'; lane: number; iteration: number; traj: number }
  /** Save the run after every iteration (off until the page has settled an earlier saved run; src/persist). */
  | { type: 'saving'; enabled: boolean }
  /**
   * The page has drawn the first `count` finished iterations (`metrics` messages) it received; a playing
   * run waits for this, briefly, before its next iteration (src/worker/pagePace.ts). Taken at once, not in
   * order behind the other messages.
   */
  | { type: 'drawn'; count: number }
  /** Replace the lanes by the saved run and turn saving on (answered with `run` and `restored`, or an error). */
  | { type: 'resume' }
  /** Ask for a lane's current weights as a checkpoint file (answered with `checkpoint`). */
  | { type: 'requestCheckpoint'; lane: number }
  /** Ask for every step of a lane's kept iterations in the `empg-steps/v1` format (answered with `steps`). */
  | { type: 'requestSteps'; lane: number }
  /**
   * Test hooks, honoured only when `init` had `testHooks` (the page's `?testhooks` query flag): cause a
   * real backend fault — destroy the WebGPU device, or run the wasm heap out of memory until it aborts.
   */
  | { type: 'testFault'; fault: 'destroy-gpu-device' | 'exhaust-wasm-heap' };

/** A short description of one trajectory of the batch (the inspector's list); a saved run keeps the same. */
export type TrajectorySummary = SavedTrajectorySummary;

/** What the page knows about the run. */
export interface RunStatus {
  generation: number;
  running: boolean;
  iteration: number;
  config: TrainConfig;
  init: InitSource;
  /** Where the weights came from, for people ("base checkpoint alfworld-base.json", "fresh model", a file name). */
  initLabel: string;
  /** The tokenizer's words: token id → text, for showing tokens. */
  vocabulary: string[];
  parameterCount: number;
}

/** Worker → page. */
export type FromWorker =
  /** The backend is being chosen (probes and self-check take a second or two). */
  | { type: 'status'; phase: 'selecting' }
  /** A backend is active and verified. `fallbackFrom` names a backend that failed at run time. */
  | { type: 'status'; phase: 'ready'; choice: BackendChoice; fallbackFrom?: string }
  /** The run changed: created, reset, configured, started or paused. */
  | { type: 'run'; lane: number; status: RunStatus }
  /** The set of lanes changed (1 or 2). */
  | { type: 'lanes'; count: number }
  /**
   * Where a lane's running iteration (`iteration`, not yet finished) is — or, with `abandoned`, that Pause
   * or Reset stopped it there and nothing of it was kept (src/train/trainer.ts says why).
   */
  | { type: 'progress'; lane: number; generation: number; iteration: number; progress: IterationProgress; abandoned?: true }
  /** One finished iteration of a lane. */
  | { type: 'metrics'; lane: number; generation: number; iteration: number; metrics: Metrics; steps: StepView[]; trajectories: TrajectorySummary[] }
  /** A lane resumed from the saved run: its metric history and last batch (the page's charts start from them). */
  | { type: 'restored'; lane: number; generation: number; history: Metrics[]; latest: { iteration: number; steps: StepView[]; trajectories: TrajectorySummary[] } | null }
  /** The saved run was written (after an iteration), or a write failed (`message` says why; training goes on). */
  | { type: 'saved'; ok: true; iteration: number } | { type: 'saved'; ok: false; message: string }
  /** A requested trajectory with its per-step records. */
  | { type: 'trajectory'; lane: number; generation: number; iteration: number; trajectory: Trajectory; steps: StepView[] }
  /** The requested checkpoint (JSON text). */
  | { type: 'checkpoint'; lane: number; generation: number; iteration: number; json: string; name: string }
  /** The requested steps: JSON lines of the `empg-steps/v1` format, with the iterations they cover. */
  | { type: 'steps'; lane: number; generation: number; iterations: number[]; count: number; text: string; name: string }
  /** Something went wrong; `kind` says what the page should do about it. */
  | { type: 'error'; kind: ErrorKind; message: string };

/** The kinds of error the worker reports. */
export type ErrorKind =
  /** A WebGPU validation error: results since may be wrong, so WebGPU is abandoned. */
  | 'gpu-validation'
  /** The GPU device is gone: the worker falls back to another backend. */
  | 'device-lost'
  /** The wasm module aborted (e.g. its memory ran out): it was replaced and the run paused. */
  | 'backend-aborted'
  /** Training produced NaN/Infinity (e.g. an extreme learning rate): the run was paused. */
  | 'diverged'
  /** A user-supplied file or setting was rejected; nothing else changed. */
  | 'invalid-input'
  /** Any other failure inside the worker. */
  | 'internal';
