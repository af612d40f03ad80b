/**
 * A quiet line in the header saying up to which iteration the live run is saved in this browser, or why
 * it is not. The line is always there (blank until the first save), so nothing moves when it fills in.
 */
import { useSavedRun } from '../store/savedRunStore';

/** The saved-run status line. */
export function SavedStatus() {
  // While a saved run is offered for resuming, or another tab owns it, the notice above the training view speaks for it.
  const offered = useSavedRun((s) => s.offer !== null || s.elsewhere !== null);
  const savedIteration = useSavedRun((s) => s.savedIteration);
  const failing = useSavedRun((s) => s.failing);
  const text = offered ? null : failing ? `Not saved: ${failing}` : savedIteration !== null ? `Saved in this browser at iteration ${savedIteration}` : null;
  return (
    <p className={failing && !offered ? 'saved-status saved-failing' : 'saved-status'} data-testid={text ? 'saved-status' : undefined} title={text ?? undefined}>
      {text ?? '\u00a0'}
    </p>
  );
}
