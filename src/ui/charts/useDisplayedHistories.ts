/**
 * The lanes' metric histories as the charts should draw them now: at most once per animation frame,
 * and only as often as the chosen refresh speed allows (every iteration, every 2 s, or when paused),
 * so a fast run never floods the main thread with redraws.
 */
import { startTransition, useEffect, useState } from 'react';
import { useRun } from '../../store/runStore';
import { useView } from '../../store/viewStore';
import type { Metrics } from '../../train/trainer';

const TWO_SECONDS = 2000;

function snapshot(): Metrics[][] {
  return useRun.getState().lanes.map((lane) => lane.history);
}

/** The previous snapshot when no lane's history changed (a status message), so no chart redraws for nothing. */
function unchangedOr(previous: Metrics[][], next: Metrics[][]): Metrics[][] {
  return previous.length === next.length && previous.every((history, lane) => history === next[lane]) ? previous : next;
}

/** Metric histories per lane, refreshed as the speed setting says. */
export function useDisplayedHistories(): Metrics[][] {
  const speed = useView((s) => s.settings.speed);
  const [histories, setHistories] = useState(snapshot);
  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastDrawn = 0;
    const draw = () => {
      frame = 0;
      lastDrawn = performance.now();
      // A transition renders interruptibly, in slices, so drawing ten charts never blocks input.
      startTransition(() => setHistories((previous) => unchangedOr(previous, snapshot())));
    };
    const schedule = () => {
      const running = useRun.getState().lanes.some((lane) => lane.status?.running);
      if (running && speed === 'pause') return;
      if (running && speed === '2s') {
        const wait = TWO_SECONDS - (performance.now() - lastDrawn);
        if (wait > 0) {
          timer ??= setTimeout(() => { timer = undefined; schedule(); }, wait);
          return;
        }
      }
      if (!frame) frame = requestAnimationFrame(draw);
    };
    schedule();
    const unsubscribe = useRun.subscribe((state, previous) => {
      const historyChanged = state.lanes.length !== previous.lanes.length || state.lanes.some((lane, i) => lane.history !== previous.lanes[i]?.history);
      if (historyChanged) schedule();
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [speed]);
  return histories;
}
