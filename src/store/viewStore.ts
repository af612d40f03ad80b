/**
 * The page's view settings — everything in the URL hash (src/store/urlState.ts): environment, algorithm,
 * hyper-parameters, compare mode, smoothing, refresh speed, hidden control groups — plus the recording
 * shown before anything trains. Every change is written back to the hash with `replaceState`, so the
 * address bar is always a link to the current view.
 */
import { create } from 'zustand';
import type { Recording } from './recording';
import { defaultHashState, formatHash, type HashState } from './urlState';

/** A recorded run on screen instead of the live lanes. */
export interface ShownRecording {
  recording: Recording;
  /** Where it came from, for people: "precomputed run" or a file name. */
  source: string;
  /** The address it was fetched from (its trajectory file sits next to it); absent for imported files. */
  url?: string;
}

/** The view store's state and actions. */
export interface ViewState {
  settings: HashState;
  /** The recording on screen, or null when the live lanes are shown. */
  shown: ShownRecording | null;
  /** Replaces the settings without touching the URL (used once, with the settings read from it). */
  load(settings: HashState): void;
  /** Changes settings and writes the URL hash. */
  update(patch: Partial<HashState>): void;
  setShown(shown: ShownRecording | null): void;
}

function writeHash(settings: HashState): void {
  if (typeof window === 'undefined') return;
  const url = `${window.location.pathname}${window.location.search}${formatHash(settings)}`;
  window.history.replaceState(window.history.state, '', url);
}

/** The view store (one per page). */
export const useView = create<ViewState>()((set, get) => ({
  settings: defaultHashState,
  shown: null,
  load(settings) {
    set({ settings });
  },
  update(patch) {
    const settings = { ...get().settings, ...patch };
    set({ settings });
    writeHash(settings);
  },
  setShown(shown) {
    set({ shown });
  },
}));
