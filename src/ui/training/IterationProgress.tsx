/**
 * The progress line under the control bar: a thin bar and one line of words saying where the running
 * iteration is (rollout step k of n, update minibatch j of m), what Pause did to it, or that the run is
 * still starting (and that a Play or Step pressed meanwhile runs when it is ready). It always takes
 * the same room, so nothing below it moves when training starts or stops.
 */
import { useProgress } from '../../store/progressStore';
import { useRun } from '../../store/runStore';
import { useRuntime } from '../../store/runtimeStore';
import { algorithmOf, ALGORITHM_TITLES } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { describeProgress } from './progressWords';

/** The progress line. */
export function IterationProgress() {
  const latest = useProgress((s) => s.latest);
  const pausing = useProgress((s) => s.pausing);
  const running = useRun((s) => s.lanes.some((l) => l.status?.running));
  const laneName = useRun((s) => {
    const config = latest && s.lanes.length > 1 ? s.lanes[latest.lane]?.status?.config : undefined;
    return config ? ALGORITHM_TITLES[algorithmOf(config)] : null;
  });
  const shown = useView((s) => s.shown);
  const queued = useProgress((s) => s.queued);
  const backend = useRuntime((s) => s.phase);
  const noRun = useRun((s) => !s.lanes[0]?.status);
  const line = describeProgress(latest, running, pausing, laneName, noRun ? { backend, queued } : null);
  const p = latest?.progress;
  return (
    <div className={`iteration-progress ${line.phase}`} data-testid="iteration-progress" data-phase={line.phase}
      data-iteration={latest?.iteration ?? ''} data-position={p ? (p.phase === 'rollout' ? p.step : p.minibatch) : ''}
      data-update={p?.phase === 'update' ? 'true' : 'false'} data-rerun={latest?.rerun ? 'true' : 'false'}
      data-start={latest ? (latest.start.phase === 'rollout' ? `step ${latest.start.step}` : `minibatch ${latest.start.minibatch}`) : ''}>
      <div className="progress-track" aria-hidden="true"><div className="progress-fill" style={{ transform: `scaleX(${Math.round(line.fraction * 100) / 100})` }} /></div>
      <p className="progress-words">{shown ? 'A recording is on screen: Play or Step trains live, and this line follows each iteration.' : line.text}</p>
    </div>
  );
}
