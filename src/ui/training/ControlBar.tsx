/** Play, pause, one step, reset and the iteration counter of the run. */
import { useEffect } from 'react';
import { useRun } from '../../store/runStore';

/** The run's control bar. */
export function ControlBar() {
  const status = useRun((s) => s.lanes[0]?.status ?? null);
  const send = useRun((s) => s.send);
  useEffect(() => {
    send({ type: 'configure', lane: 0, config: {}, init: 'base' });
  }, [send]);
  const running = status?.running ?? false;
  return (
    <div className="control-bar" role="toolbar" aria-label="Training controls">
      <button type="button" data-testid="play" disabled={!status || running} onClick={() => send({ type: 'play' })}>▶ Play</button>
      <button type="button" data-testid="pause" disabled={!running} onClick={() => send({ type: 'pause' })}>⏸ Pause</button>
      <button type="button" data-testid="step-once" disabled={!status || running} onClick={() => send({ type: 'step' })}>⏭ Step</button>
      <button type="button" data-testid="reset" disabled={!status} onClick={() => send({ type: 'reset' })}>⟲ Reset</button>
      <span className="iteration">iteration <strong data-testid="iteration">{status?.iteration ?? 0}</strong></span>
      {status && <span className="muted">{status.initLabel}</span>}
    </div>
  );
}
