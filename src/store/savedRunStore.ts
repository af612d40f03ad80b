/**
 * What the page knows about the saved run (src/persist): an earlier run it offers to resume, the
 * iteration the live run was last saved at, and whether another tab owns the saved run. A failed write
 * is shown in the banner once, in words.
 */
import { create } from 'zustand';
import type { FromWorker } from '../worker/protocol';
import { useRuntime } from './runtimeStore';

/** An earlier run found at start-up, offered for resuming. */
export interface ResumeOffer {
  iteration: number;
  /** The run in words ("iteration 12 · alfworld/tiny · grpo+empg · seed 1, …"). */
  description: string;
  /** The link's run settings that the saved run does not share, in words, or null. */
  differs: string | null;
}

/**
 * Another tab owns the saved run: it was open there when this tab started (`open`), or it took the
 * saved run over from this tab (`taken`). Either way this tab trains without saving.
 */
export type SavedElsewhere = 'open' | 'taken';

/** The saved-run store's state and actions. */
export interface SavedRunState {
  offer: ResumeOffer | null;
  /** The iteration of the last successful write of the live run, or null before one. */
  savedIteration: number | null;
  /** Why saving fails now, or null. */
  failing: string | null;
  /** Whether another tab owns the saved run (this tab does not save), or null when this tab does. */
  elsewhere: SavedElsewhere | null;
  setOffer(offer: ResumeOffer | null): void;
  /** Another tab owns the saved run now (`open`, `taken`), or this tab does again (null). */
  setElsewhere(elsewhere: SavedElsewhere | null): void;
  /** Applies one worker message (`saved`). */
  receive(message: FromWorker): void;
}

/** The saved-run store (one per page). */
export const useSavedRun = create<SavedRunState>()((set, get) => ({
  offer: null,
  savedIteration: null,
  failing: null,
  elsewhere: null,
  setOffer(offer) {
    set({ offer });
  },
  setElsewhere(elsewhere) {
    set(elsewhere ? { elsewhere, offer: null, savedIteration: null, failing: null } : { elsewhere });
  },
  receive(message) {
    if (message.type !== 'saved' || get().elsewhere) return;
    if (message.ok) set({ savedIteration: message.iteration, failing: null });
    else {
      set({ failing: message.message });
      useRuntime.getState().notify('warning', message.message);
    }
  },
}));
