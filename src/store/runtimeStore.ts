/**
 * What the page knows about the running worker: the backend decision and the problems to show.
 * Components subscribe to the slices they draw.
 */
import { create } from 'zustand';
import type { BackendChoice } from '../train/backend';
import type { FromWorker } from '../worker/protocol';
import { clip, NOTICE_COUNT_LIMIT, NOTICE_TEXT_LIMIT } from './limits';

/** One message for the banner: a fallback, a GPU error, a bad URL value. */
export interface Notice {
  id: number;
  level: 'error' | 'warning';
  text: string;
}

/** The runtime state of the page. */
export interface RuntimeState {
  /** `starting` until the worker answers, `selecting` while probes run, then `ready`. */
  phase: 'starting' | 'selecting' | 'ready';
  choice: BackendChoice | null;
  /** Why the page asked for a backend itself (a phone's default), shown with the badge; null when the link or auto mode chose. */
  backendNote: string | null;
  notices: Notice[];
  /** Applies one worker message. */
  receive(message: FromWorker): void;
  /** Adds a banner line. */
  notify(level: Notice['level'], text: string): void;
  dismiss(id: number): void;
  setBackendNote(note: string | null): void;
}

let nextNoticeId = 1;

/** The runtime store (one per page). */
export const useRuntime = create<RuntimeState>()((set, get) => ({
  phase: 'starting',
  choice: null,
  backendNote: null,
  notices: [],
  receive(message) {
    switch (message.type) {
      case 'status':
        if (message.phase === 'selecting') set({ phase: 'selecting' });
        else {
          set({ phase: 'ready', choice: message.choice });
          if (message.fallbackFrom) get().notify('warning', `Switched from ${message.fallbackFrom} to ${message.choice.backend}: ${message.choice.reason}`);
          else for (const r of message.choice.rejected) get().notify('warning', `${r.backend} was not used: ${r.why}. Running on ${message.choice.backend} instead.`);
        }
        break;
      case 'error':
        // A rejected file or setting is the user's to fix (the banner says how), not a fault of the page.
        if (message.kind === 'invalid-input') console.warn(`[${message.kind}] ${message.message}`);
        else console.error(`[${message.kind}] ${message.message}`);
        get().notify('error', message.message);
        break;
    }
  },
  notify(level, text) {
    set((s) => ({ notices: [...s.notices, { id: nextNoticeId++, level, text: clip(text, NOTICE_TEXT_LIMIT) }].slice(-NOTICE_COUNT_LIMIT) }));
  },
  dismiss(id) {
    set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
  setBackendNote(note) {
    set({ backendNote: note });
  },
}));
