/**
 * The run as the page's heavy views draw it: a deferred copy of the run store's data (React's
 * `useDeferredValue`). A worker message changes the run store at once, which React renders as a blocking
 * update; only the light readers (controls, progress, outcome numbers) take that path. The views that
 * walk a batch — inspector, policy and advantage columns, central chart, story, explanations — read this
 * copy instead, so they re-render afterwards, in a background render that React splits into short slices
 * and abandons for the next urgent update. They always end on the newest data; actions (select, unpin)
 * still go to the run store.
 */
import { createContext, useContext, useDeferredValue, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useRun, type RunState } from '../store/runStore';

/** The part of the run store the heavy views read. */
export type RunView = Pick<RunState, 'lanes' | 'selection' | 'pinned' | 'detail'>;

const DeferredRun = createContext<RunView | null>(null);

/** Provides the deferred run to everything inside it (the page wraps its main content in it). */
export function DeferredRunProvider({ children }: { children: ReactNode }) {
  const now = useRun(useShallow((s): RunView => ({ lanes: s.lanes, selection: s.selection, pinned: s.pinned, detail: s.detail })));
  const view = useDeferredValue(now);
  return <DeferredRun.Provider value={view}>{children}</DeferredRun.Provider>;
}

/**
 * Reads the deferred run. The component re-renders (in the background) whenever the deferred copy
 * changes, so derive anything costly with `useMemo` on the values read here.
 */
export function useDeferredRun<T>(selector: (run: RunView) => T): T {
  const view = useContext(DeferredRun);
  if (!view) throw new Error('useDeferredRun needs a DeferredRunProvider above it');
  return selector(view);
}
