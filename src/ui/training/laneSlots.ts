/**
 * How many lanes the training view lays out. The settings say it before the worker or the recording
 * does (compare mode: two), so the room of a second lane — its chart, its outcome — is there from the
 * first paint instead of splitting the first lane's room when the lane's first message lands.
 */
import { useRun } from '../../store/runStore';
import { useView } from '../../store/viewStore';

/** The lanes to lay out: the shown recording's, else the run's or the settings' count, whichever is more. */
export function useLaneSlots(): number {
  const run = useRun((s) => s.lanes.length);
  const recorded = useView((s) => s.shown?.recording.lanes.length);
  const compare = useView((s) => s.settings.compare);
  return recorded ?? Math.max(run, compare ? 2 : 1);
}
