/**
 * What the page knows about the training lanes: each lane's status, its metric history (one point per
 * iteration), the per-step records of its recent iterations, the inspector's selection and the
 * trajectory it shows. Fed by worker messages; components subscribe to the slices they draw.
 */
import { create } from 'zustand';
import type { Trajectory } from '../train/rollout';
import type { Metrics, StepView } from '../train/trainer';
import type { FromWorker, RunStatus, ToWorker, TrajectorySummary } from '../worker/protocol';
import { boundedHistory } from '../persist/savedRun';
import { sendToWorker } from './workerLink';

/** How many recent iterations keep their per-step records on the page (as in the worker). */
export const KEPT_ITERATIONS = 8;

/** One iteration of a lane as the page keeps it. */
export interface IterationRecord {
  iteration: number;
  steps: StepView[];
  trajectories: TrajectorySummary[];
}

/** One lane: its status, metric history and recent iterations. */
export interface LaneView {
  status: RunStatus | null;
  /**
   * One entry per finished iteration, oldest first: the last MAX_SAVED_HISTORY (5,000), as the worker
   * keeps and saves, so a run of any length holds a bounded page heap.
   */
  history: Metrics[];
  /** The most recent iterations (at most KEPT_ITERATIONS), oldest first. */
  recent: IterationRecord[];
}

/** A selected step: lane, iteration, trajectory and step index. */
export interface StepSelection {
  lane: number;
  iteration: number;
  traj: number;
  t: number;
}

/** A trajectory fetched from the worker for the inspector. */
export interface TrajectoryDetail {
  lane: number;
  iteration: number;
  trajectory: Trajectory;
  steps: StepView[];
}

/** The part of the run store that worker messages change. */
export type RunData = Pick<RunState, 'lanes' | 'selection' | 'detail'>;

/** The run store's state and actions. */
export interface RunState {
  lanes: LaneView[];
  selection: StepSelection | null;
  /**
   * Whether the user chose the selected step (a click, a key, a picker). An unpinned selection follows
   * the newest iteration; a pinned one stays until the user unpins it or its iteration is no longer kept.
   */
  pinned: boolean;
  detail: TrajectoryDetail | null;
  /** Applies one worker message. */
  receive(message: FromWorker): void;
  /** Applies several worker messages in order, as one store update (one re-render of its readers). */
  receiveMany(messages: readonly FromWorker[]): void;
  /** Sends a message to the worker. */
  send(message: ToWorker): void;
  /**
   * Selects a step everywhere, and fetches its trajectory if it is not the one shown. A user's choice
   * pins it (`pin`, the default); the inspector's own default selection passes `false`.
   */
  select(selection: StepSelection | null, pin?: boolean): void;
  /** Lets the selection follow the newest iteration again. */
  unpin(): void;
  /** Asks for a lane's weights; resolves with the checkpoint file's text and a file name. */
  requestCheckpoint(lane: number): Promise<{ json: string; name: string }>;
  /** Asks for every step of a lane's kept iterations in the `empg-steps/v1` format; resolves with the file's text, name and coverage. */
  requestSteps(lane: number): Promise<StepsFile>;
}

/** A lane's kept iterations as a step-format file (the worker's `steps` reply). */
export interface StepsFile {
  text: string;
  name: string;
  iterations: number[];
  count: number;
}

const emptyLane = (): LaneView => ({ status: null, history: [], recent: [] });
const checkpointWaiters = new Map<number, ((file: { json: string; name: string }) => void)[]>();
const stepsWaiters = new Map<number, ((file: StepsFile) => void)[]>();

/**
 * The run data after one worker message; the same object when the message changes nothing (a stale
 * run's message, a checkpoint reply, a backend status).
 */
export function applyRunMessage(data: RunData, message: FromWorker): RunData {
  switch (message.type) {
    case 'run': {
      const lanes = [...data.lanes];
      const before = lanes[message.lane] ?? emptyLane();
      const restarted = before.status?.generation !== message.status.generation;
      // The same run at an earlier iteration went back to earlier weights (after a divergence): drop what it undid.
      // Lists that lose nothing stay the same objects, so a status message re-renders none of their readers.
      const kept = <T extends { iteration: number } | Metrics>(list: T[]): T[] => {
        const done = (x: T) => (x.iteration as number) <= message.status.iteration;
        return list.every(done) ? list : list.filter(done);
      };
      lanes[message.lane] = restarted
        ? { status: message.status, history: [], recent: [] }
        : { status: message.status, history: kept(before.history), recent: kept(before.recent) };
      const selection = restarted && data.selection?.lane === message.lane ? null : data.selection;
      const detail = restarted && data.detail?.lane === message.lane ? null : data.detail;
      return { lanes, selection, detail };
    }
    case 'lanes':
      return {
        lanes: Array.from({ length: message.count }, (_, i) => data.lanes[i] ?? emptyLane()),
        selection: data.selection && data.selection.lane < message.count ? data.selection : null,
        detail: data.detail && data.detail.lane < message.count ? data.detail : null,
      };
    case 'metrics': {
      const current = data.lanes[message.lane];
      if (!current?.status || current.status.generation !== message.generation) return data;
      const lanes = [...data.lanes];
      const record: IterationRecord = { iteration: message.iteration, steps: message.steps, trajectories: message.trajectories };
      lanes[message.lane] = {
        status: { ...current.status, iteration: message.iteration },
        history: boundedHistory([...current.history, message.metrics]),
        recent: [...current.recent, record].slice(-KEPT_ITERATIONS),
      };
      return { ...data, lanes };
    }
    case 'restored': {
      // A lane resumed from the saved run: its charts start from the saved history and last batch.
      const current = data.lanes[message.lane];
      if (!current?.status || current.status.generation !== message.generation) return data;
      const lanes = [...data.lanes];
      lanes[message.lane] = { status: current.status, history: message.history, recent: message.latest ? [message.latest] : [] };
      return { ...data, lanes };
    }
    case 'trajectory': {
      const lane = data.lanes[message.lane];
      if (!lane?.status || lane.status.generation !== message.generation) return data;
      return { ...data, detail: { lane: message.lane, iteration: message.iteration, trajectory: message.trajectory, steps: message.steps } };
    }
    default:
      return data;
  }
}

/** The run store (one per page). */
export const useRun = create<RunState>()((set, get) => ({
  lanes: [emptyLane()],
  selection: null,
  pinned: false,
  detail: null,

  receive(message) {
    get().receiveMany([message]);
  },

  receiveMany(messages) {
    const { lanes, selection, detail } = get();
    const before: RunData = { lanes, selection, detail };
    let data = before;
    for (const message of messages) {
      if (message.type === 'checkpoint') {
        const waiters = checkpointWaiters.get(message.lane) ?? [];
        checkpointWaiters.delete(message.lane);
        for (const resolve of waiters) resolve({ json: message.json, name: message.name });
      } else if (message.type === 'steps') {
        const waiters = stepsWaiters.get(message.lane) ?? [];
        stepsWaiters.delete(message.lane);
        for (const resolve of waiters) resolve({ text: message.text, name: message.name, iterations: message.iterations, count: message.count });
      } else {
        data = applyRunMessage(data, message);
      }
    }
    if (data === before) return;
    set(data.selection ? data : { ...data, pinned: false });
  },

  send: sendToWorker,

  select(selection, pin = true) {
    set({ selection, pinned: selection !== null && pin });
    if (!selection) return;
    const detail = get().detail;
    const shown = detail && detail.lane === selection.lane && detail.iteration === selection.iteration && detail.trajectory.id === selection.traj;
    if (!shown) sendToWorker({ type: 'requestTrajectory', lane: selection.lane, iteration: selection.iteration, traj: selection.traj });
  },

  unpin() {
    set({ pinned: false });
  },

  requestCheckpoint(lane) {
    return new Promise((resolve) => {
      checkpointWaiters.set(lane, [...(checkpointWaiters.get(lane) ?? []), resolve]);
      sendToWorker({ type: 'requestCheckpoint', lane });
    });
  },

  requestSteps(lane) {
    return new Promise((resolve) => {
      stepsWaiters.set(lane, [...(stepsWaiters.get(lane) ?? []), resolve]);
      sendToWorker({ type: 'requestSteps', lane });
    });
  },
}));
