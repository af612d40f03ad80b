/**
 * Says whether the inspected step follows the newest iteration or is pinned by the user, and offers to
 * unpin it.
 */
import { useRun } from '../../store/runStore';
import { algorithmLabel } from '../../train/config';
import { useDeferredRun } from '../deferredRun';

/** Props of `PinState`. */
export interface PinStateProps {
  /** A shorter line for the narrow policy column. */
  compact?: boolean;
}

/** The pin line. */
export function PinState({ compact = false }: PinStateProps) {
  // The deferred run, like the inspector it describes.
  const selection = useDeferredRun((s) => s.selection);
  const pinned = useDeferredRun((s) => s.pinned);
  const config = useDeferredRun((s) => (s.selection ? s.lanes[s.selection.lane]?.status?.config : undefined));
  const laneCount = useDeferredRun((s) => s.lanes.length);
  const unpin = useRun((s) => s.unpin);
  if (!selection) return null;
  const lane = laneCount > 1 && config ? ` · ${algorithmLabel(config).toUpperCase()}` : '';
  return (
    <p className={`pin-state${pinned ? ' pinned' : ''}`} data-testid={compact ? 'pin-state-compact' : 'pin-state'} data-pinned={pinned ? '1' : '0'}>
      {pinned ? (
        <>
          <span><span aria-hidden="true">📌 </span>Pinned: iteration {selection.iteration}{lane}{compact ? '' : `, τ${selection.traj} step ${selection.t + 1}`}</span>{' '}
          <button type="button" className="link-button" onClick={unpin} data-testid={compact ? 'unpin-compact' : 'unpin'}>follow the newest iteration</button>
        </>
      ) : (
        <span>Following the newest iteration (iteration {selection.iteration}{lane}){compact ? '' : ' — click any step to pin it'}</span>
      )}
    </p>
  );
}
