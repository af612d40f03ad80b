/**
 * Where each lane's running iteration is — rollout step, update minibatch — or where Pause abandoned
 * it, from the worker's `progress` messages. Kept apart from the run store so the many progress
 * messages of one iteration re-render only the progress line.
 */
import { create } from 'zustand';
import type { IterationProgress } from '../train/trainer';
import type { FromWorker } from '../worker/protocol';

/** The latest progress of one lane. */
export interface LaneProgress {
  lane: number;
  generation: number;
  /** The iteration in progress (not finished yet). */
  iteration: number;
  progress: IterationProgress;
  /** Pause (or Reset) stopped the iteration here; nothing of it was kept. */
  abandoned: boolean;
  /** Where this run of the iteration began: its first safe point reported (every message counts, not just the drawn ones). */
  start: IterationProgress;
  /** This run of the iteration follows one that Pause dropped: the iteration runs again from its start. */
  rerun: boolean;
}

/** A run command the page sent before the live run existed: the worker carries it out once it does. */
export type QueuedCommand = 'play' | 'step' | 'reset';

/** The progress store's state. */
export interface ProgressState {
  /** The lane that reported last, or null between iterations (after one finished, or a new run). */
  latest: LaneProgress | null;
  /** The user asked to pause and the running iteration has not yet stopped or finished. */
  pausing: boolean;
  /** Play, Step or Reset pressed before the live run existed, until a lane's run (or an error) is reported. */
  queued: QueuedCommand | null;
  /** Applies worker messages in order. */
  receiveMany(messages: readonly FromWorker[]): void;
  /** Pause was pressed (true) or Play, Step or Reset (false). */
  setPausing(pausing: boolean): void;
  /** Records a command sent before the live run existed. */
  setQueued(command: QueuedCommand | null): void;
}

/** The progress after one worker message. */
export function applyProgressMessage(latest: LaneProgress | null, message: FromWorker): LaneProgress | null {
  switch (message.type) {
    case 'progress': {
      const same = latest !== null && latest.lane === message.lane && latest.generation === message.generation && latest.iteration === message.iteration;
      // A report after the one that abandoned the same iteration starts that iteration's next run.
      const continuing = same && !latest.abandoned;
      return {
        lane: message.lane, generation: message.generation, iteration: message.iteration, progress: message.progress, abandoned: message.abandoned === true,
        start: continuing ? latest.start : message.progress,
        rerun: continuing ? latest.rerun : same,
      };
    }
    case 'metrics':
      return latest && latest.lane === message.lane ? null : latest;
    case 'run':
      // A new run (reset, new settings) has no iteration under way.
      return latest && latest.lane === message.lane && latest.generation !== message.status.generation ? null : latest;
    case 'lanes':
      return latest && latest.lane < message.count ? latest : null;
    default:
      return latest;
  }
}

/** The progress store (one per page). */
export const useProgress = create<ProgressState>()((set, get) => ({
  latest: null,
  pausing: false,
  queued: null,
  receiveMany(messages) {
    // The run exists now (its progress follows), or the worker said why it could not start.
    if (get().queued && messages.some((m) => m.type === 'run' || m.type === 'error')) set({ queued: null });
    const before = get().latest;
    const latest = messages.reduce(applyProgressMessage, before);
    if (latest === before) return;
    // The pause took effect (the iteration was abandoned) or came too late (it finished).
    set({ latest, pausing: get().pausing && latest !== null && !latest.abandoned });
  },
  setPausing(pausing) {
    if (get().pausing !== pausing) set({ pausing });
  },
  setQueued(queued) {
    if (get().queued !== queued) set({ queued });
  },
}));
